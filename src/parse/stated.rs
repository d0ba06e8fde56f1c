//! The numbers a report's text states as counts or amounts (`197批次`, `共3601627.4元`,
//! `新制发规范性文件3件`). Where a crawler dump ran a row's cells together and the run splits
//! several ways the identities cannot tell apart, the report's prose often states the
//! row's numbers: the split whose numbers it states is taken over the most plausible one
//! (still flagged `AMBIGUOUS_SPLIT`). Read only when such a run is met.

use std::cell::OnceCell;

use super::numbers;
use crate::model::Cell;

/// A document's text, and the numbers it states, found on first use.
pub struct Stated<'a> {
    text: &'a str,
    found: OnceCell<Found>,
}

/// The text without white space (letter-spaced or stray-spaced prose: `采 购 信 息 1 9 7 批 次`)
/// and with ASCII digits and points for full-width ones, and the numbers it states (byte
/// ranges in it, in order).
struct Found {
    text: String,
    numbers: Vec<(usize, usize)>,
}

/// How far after a row's keyword a number is taken to be about the row (`规范性文件类信息3条`,
/// `采购信息197批次涉及金额3601627.4元`), in bytes: some twenty characters.
const WINDOW: usize = 64;

/// The text as the numbers are read (see `plain`), in one pass over its bytes: the runs
/// of bytes that hold no white space and no full-width digit are copied whole.
fn compact(text: &str) -> String {
    // Bytes that may start something to drop or replace: ASCII white space but line
    // breaks, and the lead bytes of U+00A0 (C2), U+3000 (E3) and U+FF0E–U+FF19 (EF).
    const SPECIAL: [bool; 256] = {
        let mut t = [false; 256];
        t[b'\t' as usize] = true;
        t[0x0b] = true;
        t[0x0c] = true;
        t[b'\r' as usize] = true;
        t[b' ' as usize] = true;
        t[0xc2] = true;
        t[0xe3] = true;
        t[0xef] = true;
        t
    };
    let b = text.as_bytes();
    let mut out = String::with_capacity(b.len());
    let mut from = 0;
    let mut i = 0;
    while i < b.len() {
        if !SPECIAL[b[i] as usize] {
            i += 1;
            continue;
        }
        // `i` is a character boundary: every special byte is ASCII or a lead byte.
        let c = text[i..].chars().next().unwrap_or(' ');
        let n = c.len_utf8();
        let p = plain(c);
        // Most are kept as they are (`，`, `、`, `。` share the lead bytes).
        if p != Some(c) {
            out.push_str(&text[from..i]);
            out.extend(p);
            from = i + n;
        }
        i += n;
    }
    out.push_str(&text[from..]);
    out
}

/// A character as the numbers are read: full-width digits and points as ASCII ones, white
/// space (but line breaks) dropped. `compact` looks only at ASCII white space, U+00A0 and
/// U+3000, the white space a report's text holds.
fn plain(c: char) -> Option<char> {
    match numbers::halfwidth(c) {
        h @ ('0'..='9' | '.') => Some(h),
        _ if c == '\n' => Some(c),
        _ if c.is_whitespace() => None,
        _ => Some(c),
    }
}

impl<'a> Stated<'a> {
    pub fn new(text: &'a str) -> Self {
        Stated {
            text,
            found: OnceCell::new(),
        }
    }

    /// Every number standing on its own (no digit, point or sign before it) and followed
    /// by a measure word or a money unit (`件`, `条`, `批`, `元`, `万元` …), or by 起, the
    /// measure word of cases prose counts decisions in (`行政处罚决定784起`; a table's cell
    /// does not print it): dates, phone numbers, percentages and table cells are not counts
    /// the text states.
    fn found(&self) -> &Found {
        self.found.get_or_init(|| {
            let text = compact(self.text);
            let b = text.as_bytes();
            let mut numbers = Vec::new();
            let mut i = 0;
            while i < b.len() {
                if !b[i].is_ascii_digit() {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < b.len()
                    && (b[i].is_ascii_digit() || (b[i] == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
                {
                    i += 1;
                }
                if start > 0 && matches!(b[start - 1], b'.' | b'-' | b'+') {
                    continue;
                }
                let rest = &text[i..];
                if rest.starts_with(|c: char| numbers::is_measure_word(c) || c == '元' || c == '起')
                    || rest.starts_with("万元")
                {
                    numbers.push((start, i));
                }
            }
            Found { text, numbers }
        })
    }

    /// The numbers the text states about a row: those in the same clause as one of its
    /// `keywords` (up to the next comma, enumeration comma or stop) and at most `WINDOW`
    /// bytes after it, sorted.
    pub fn about(&self, keywords: &[&str]) -> Vec<&str> {
        let Found { text, numbers } = self.found();
        let mut out = Vec::new();
        if numbers.is_empty() {
            return out;
        }
        for k in keywords {
            for at in memchr::memmem::find_iter(text.as_bytes(), k.as_bytes()) {
                let from = at + k.len();
                let to = text.floor_char_boundary((from + WINDOW).min(text.len()));
                let clause = text[from..to]
                    .find(['。', '；', ';', '，', ',', '、', '\n', '！', '？'])
                    .map_or(to, |e| from + e);
                let first = numbers.partition_point(|n| n.0 < from);
                out.extend(
                    numbers[first..]
                        .iter()
                        .take_while(|n| n.0 < clause)
                        .map(|&(a, b)| &text[a..b]),
                );
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// How many of the cells' numbers are among `about` (the numbers the text states about
    /// their row, `Stated::about`): a cell's number as printed, the digits its text starts
    /// with, its unit left off (signed changes are not looked up).
    pub fn support<'c>(about: &[&str], cells: impl Iterator<Item = &'c Cell>) -> usize {
        if about.is_empty() {
            return 0;
        }
        cells
            .filter(|c| {
                let digits: String = c
                    .raw
                    .chars()
                    .filter_map(plain)
                    .take_while(|ch| ch.is_ascii_digit() || *ch == '.')
                    .collect();
                !digits.is_empty() && about.binary_search(&digits.as_str()).is_ok()
            })
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CellStatus;
    use crate::template::Table;

    fn cell(raw: &str) -> Cell {
        Cell {
            table: Table::ActiveDisclosure,
            row: "centralized_procurement",
            col: "projects",
            value: None,
            status: CellStatus::Reported,
            raw: raw.into(),
            line: 1,
        }
    }

    /// `compact` is `plain` applied to every character (for the white space it looks at).
    #[test]
    fn compact_reads_every_character_as_plain_does() {
        for text in [
            "",
            " ",
            "采 购\t信息\u{3000}１９７．５批次\u{a0}，、。（）：\r\n共 5 件",
            "ＡＢＣ０９ｚ．。",
            "12 345\n\n规范性文件 3 件",
        ] {
            let plain: String = text.chars().filter_map(plain).collect();
            assert_eq!(compact(text), plain, "{text:?}");
        }
    }

    #[test]
    fn counts_and_amounts_the_text_states() {
        let s = Stated::new(
            "全年共发布采购信息197批次涉及金额3601627.4元，公文36条。2020年1月26日 电话0591-23165250 占41.5% 规范性文件3336第二十条，规范性文件类信息3条",
        );
        let numbers = |s: &Stated<'_>| -> Vec<String> {
            let f = s.found();
            f.numbers.iter().map(|&(a, b)| f.text[a..b].to_string()).collect()
        };
        assert_eq!(numbers(&s), ["197", "3601627.4", "36", "3"]);
        assert_eq!(s.about(&["采购"]), ["197", "3601627.4"]);
        assert_eq!(s.about(&["规范性文件"]), ["3"]);
        assert_eq!(
            Stated::support(&s.about(&["采购"]), [cell("197"), cell("3601627.4元")].iter()),
            2
        );
        assert_eq!(
            Stated::support(&s.about(&["采购"]), [cell("19"), cell("73601627.4元")].iter()),
            0
        );
        // Only numbers in the clause after the keyword are about its row.
        assert_eq!(Stated::support(&s.about(&["公文"]), [cell("36")].iter()), 1);
        assert_eq!(Stated::support(&s.about(&["电话"]), [cell("26")].iter()), 0);
        // Signed changes and empty cells are not looked up.
        assert_eq!(Stated::support(&s.about(&["公文"]), [cell("+36"), cell("")].iter()), 0);
        assert_eq!(numbers(&Stated::new("共 5 件；2 万元")), ["5", "2"]);
        // Cases are counted with 起; a date's 起 (from) follows no number.
        let s = Stated::new("自2020年1月1日起，作出行政处罚决定784起，全部予以公开。");
        assert_eq!(numbers(&s), ["784"]);
        assert_eq!(s.about(&["行政处罚"]), ["784"]);
        // Letter-spaced prose and full-width digits read as plain ones.
        let s = Stated::new("采 购 信 息 １ ９ ７ 批 次 涉 及 金 额 ３６０１６２７．４ 元");
        assert_eq!(s.about(&["采购"]), ["197", "3601627.4"]);
        assert_eq!(
            Stated::support(
                &s.about(&["采购"]),
                [cell("１９７"), cell("３６０１６２７．４元")].iter()
            ),
            2
        );
    }
}
