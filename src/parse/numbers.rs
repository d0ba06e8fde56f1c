//! Cell text → values: numbers with signs, thousands separators, decimals and units
//! (万元, 元, and the measure words of a count: 件, 个, 项, 笔 …), full-width digits, and
//! the not-applicable marks (不涉及, 无, —, /). Pure functions on strings; no table
//! knowledge here.

/// Unit written next to a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// 万元 — ten thousand yuan, the dataset's money unit.
    WanYuan,
    /// 元 — yuan.
    Yuan,
    /// 件, 个, 项, 笔 … ([`MEASURE_WORDS`]) — a count.
    Count,
}

/// The measure words a count is printed with (`1个`, `2笔`, `3 项`): a unit of the number
/// before them. 笔 and 宗 count procurement deals, 批 batches.
pub const MEASURE_WORDS: &str = "件个项条次笔宗批";

/// Measure words a table's cell may print after its count besides [`MEASURE_WORDS`]
/// (`784起`, `3份`, `2家`, `5例`); not those, which a crawler's run is cut at.
const CELL_MEASURE_WORDS: &str = "起份家例";

/// True when `c` is a measure word a cell's count may carry: [`MEASURE_WORDS`] or
/// [`CELL_MEASURE_WORDS`].
pub fn is_cell_measure_word(c: char) -> bool {
    is_measure_word(c) || CELL_MEASURE_WORDS.contains(c)
}

/// True when `c` is one of [`MEASURE_WORDS`].
pub fn is_measure_word(c: char) -> bool {
    MEASURE_WORDS.contains(c)
}

/// A number as printed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    pub unit: Option<Unit>,
    /// Printed with an explicit sign (+17, -18).
    pub signed: bool,
}

/// What one value cell holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Number(Number),
    /// 不涉及, 无, —, / …
    NotApplicable,
}

/// `s` with the ASCII characters `which` picks in their full-width forms (ＦＦ01–ＦＦ5Ｅ), as
/// texts typed so print them: [`halfwidth`] backwards, for tests.
#[cfg(test)]
pub fn fullwidth(s: &str, which: impl Fn(char) -> bool) -> String {
    s.chars()
        .map(|c| match c {
            '!'..='~' if which(c) => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// Maps full-width ASCII (ＦＦ01–ＦＦ5Ｅ) and the ideographic space to ASCII.
#[inline]
pub fn halfwidth(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{A0}' => ' ',
        _ => c,
    }
}

const NOT_APPLICABLE: &[&str] = &[
    "不涉及",
    "无",
    "暂无",
    "/",
    "\\",
    "-",
    "--",
    "—",
    "——",
    "–",
    "―",
    "――",
    "N/A",
    "n/a",
    "×",
];

/// Whether a not-applicable mark can start with `c` (the first characters of
/// [`NOT_APPLICABLE`]; a test keeps the two together).
fn starts_a_mark(c: char) -> bool {
    matches!(
        c,
        '不' | '无' | '暂' | '/' | '\\' | '-' | '—' | '–' | '―' | 'N' | 'n' | '×'
    )
}

/// Whether a cell's text is the mark pandas writes for an empty cell (`NaN` in
/// `to_string`, `nan` in `to_markdown`): a table read by pandas and printed, its empty
/// cells so marked.
pub fn is_empty_mark(s: &str) -> bool {
    // (Most cells are longer, or a number: rejected before they are trimmed.)
    s.len() <= 8 && s.bytes().any(|b| b == b'n' || b == b'N') && matches!(s.trim(), "NaN" | "nan")
}

/// True when `s` (trimmed) is a not-applicable mark.
pub fn is_not_applicable(s: &str) -> bool {
    // Most cells are numbers: no mark starts with a digit.
    if s.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    // The longest mark is three characters: compare on the stack, not in a new String.
    let mut buf = [0u8; 12];
    let mut len = 0;
    let mut chars = 0;
    for c in s.chars().map(halfwidth).filter(|c| !c.is_whitespace()) {
        chars += 1;
        // Most cells are numbers or labels: rejected at their first character.
        if chars > 3 || (chars == 1 && !starts_a_mark(c)) {
            return false;
        }
        len += c.encode_utf8(&mut buf[len..]).len();
    }
    let t = std::str::from_utf8(&buf[..len]).unwrap_or_default();
    NOT_APPLICABLE.contains(&t)
}

/// The unit at the start of `s` and its length: 万元, 元 or a measure word; also as an
/// amount may print it, 万 alone at the cell's end, a space inside (`万 元`), in brackets
/// (`（万元）`), with 人民币 after it (`万元人民币`).
fn unit_at(s: &str) -> Option<(Unit, usize)> {
    let (open, inner) = match s.chars().next()? {
        c @ ('(' | '（') => (c.len_utf8(), &s[c.len_utf8()..]),
        _ => (0, s),
    };
    let (unit, len) = match inner.chars().next()? {
        '万' => {
            let gap = spaces(&inner['万'.len_utf8()..]);
            let after = &inner['万'.len_utf8() + gap..];
            if after.starts_with('元') {
                (Unit::WanYuan, '万'.len_utf8() + gap + '元'.len_utf8())
            } else if open == 0 && after.is_empty() {
                (Unit::WanYuan, '万'.len_utf8() + gap)
            } else {
                return None;
            }
        }
        '元' => (Unit::Yuan, '元'.len_utf8()),
        c if is_cell_measure_word(c) && open == 0 => (Unit::Count, c.len_utf8()),
        _ => return None,
    };
    let mut len = open + len;
    if open > 0 {
        let close = s[len..].chars().next().filter(|c| matches!(c, ')' | '）'))?;
        len += close.len_utf8();
    }
    if s[len..].starts_with("人民币") {
        len += "人民币".len();
    }
    Some((unit, len))
}

/// Byte length of the white space (after `halfwidth`) at the start of `s`.
fn spaces(s: &str) -> usize {
    s.char_indices()
        .find(|(_, c)| !halfwidth(*c).is_whitespace())
        .map_or(s.len(), |(i, _)| i)
}

/// Parses `s` as one or more numbers, each with an optional unit, separated by optional
/// white space ("476.92 万元", "39670元", "1个246900元", "+17"). None when any part of `s`
/// is not a number or a unit.
pub fn numbers(s: &str) -> Option<Vec<Number>> {
    let mut out = Vec::new();
    each_number(s, |n| out.push(n)).then_some(out)
}

/// `s` as exactly one number (what `numbers` reads as one), without allocating.
pub fn number(s: &str) -> Option<Number> {
    // Most value cells are a few ASCII digits: read at once, as `number_at` would (no
    // sign, no decimals, at most 15 digits: the integer is exact as a double).
    let b = s.as_bytes();
    if !b.is_empty() && b.len() <= 15 && b.iter().all(u8::is_ascii_digit) {
        let mantissa = b.iter().fold(0u64, |m, &d| m * 10 + u64::from(d - b'0'));
        return Some(Number {
            value: mantissa as f64,
            unit: None,
            signed: false,
        });
    }
    number_read(s)
}

/// [`number`] read character by character.
fn number_read(s: &str) -> Option<Number> {
    let mut one = None;
    let mut count = 0;
    let read = each_number(s, |n| {
        count += 1;
        one = Some(n);
    });
    one.filter(|_| read && count == 1)
}

/// Whether `numbers` reads `s`, without allocating.
pub fn is_numbers(s: &str) -> bool {
    each_number(s, |_| {})
}

/// Hands each number of `s` (see `numbers`) to `f`; false when `s` is not one or more
/// numbers (`f` may have been called by then).
fn each_number(s: &str, mut f: impl FnMut(Number)) -> bool {
    // Most cells are text: reject them at the first character.
    let Some(first) = s[spaces(s)..].chars().next().map(halfwidth) else {
        return false;
    };
    if !(first.is_ascii_digit() || matches!(first, '+' | '-' | '−' | '增' | '减' | '¥' | '￥' | '约' | '共')) {
        return false;
    }
    let mut i = 0;
    let mut any = false;
    loop {
        i += spaces(&s[i..]);
        if i == s.len() {
            break;
        }
        // About or in all (`约2087万元`, `共51个`): the number printed.
        let word = |i: usize, words: [char; 2]| {
            let c = s[i..].chars().next().filter(|c| words.contains(c))?;
            let at = i + c.len_utf8();
            Some(at + spaces(&s[at..]))
        };
        if i == spaces(s) {
            i = word(i, ['约', '共']).unwrap_or(i);
        }
        // A yuan sign before the amount (`￥20870313`, `¥20,870,313.00`): 元.
        let after_sign = word(i, ['¥', '￥']);
        let yuan = after_sign.is_some();
        i = after_sign.unwrap_or(i);
        let Some((n, used)) = number_at(&s[i..]) else {
            return false;
        };
        i += used;
        let j = i + spaces(&s[i..]);
        let mut n = n;
        if let Some((unit, len)) = unit_at(&s[j..]) {
            n.unit = Some(unit);
            i = j + len;
        } else if yuan {
            n.unit = Some(Unit::Yuan);
        }
        f(n);
        any = true;
    }
    any
}

/// One number at the start of `s`: sign, digits with optional `,` groups, decimals.
/// Returns the number and the bytes used. One pass, no allocation for numbers of up to 15
/// digits.
fn number_at(s: &str) -> Option<(Number, usize)> {
    let digit_at = |p: usize| -> Option<u8> {
        let h = halfwidth(s.get(p..)?.chars().next()?);
        h.is_ascii_digit().then(|| h as u8 - b'0')
    };
    let char_at = |p: usize| s.get(p..).and_then(|r| r.chars().next());
    let mut p = 0;
    let mut negative = false;
    let mut signed = false;
    if let Some(ch) = char_at(0) {
        if matches!(halfwidth(ch), '+' | '-' | '−') {
            negative = halfwidth(ch) != '+';
            signed = true;
            p = ch.len_utf8();
        } else if let Some(word) = ["增加", "减少", "增", "减"].iter().find(|w| s.starts_with(**w)) {
            // A change written in words (本年增/减: 增加2, 减少3, 减 1).
            negative = word.starts_with('减');
            signed = true;
            p = word.len() + spaces(&s[word.len()..]);
        }
    }
    let from = p;
    // The digits as an integer mantissa and the count of decimals.
    let mut mantissa: u64 = 0;
    let mut count = 0usize;
    let mut decimals = 0i32;
    while let Some(ch) = char_at(p) {
        if let Some(d) = digit_at(p) {
            mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(d));
            count += 1;
            p += ch.len_utf8();
        } else if halfwidth(ch) == ',' && count > 0 && {
            // A thousands separator: exactly three digits follow.
            let mut q = p + ch.len_utf8();
            let mut three = true;
            for _ in 0..3 {
                match digit_at(q) {
                    Some(_) => q += char_at(q).map_or(1, char::len_utf8),
                    None => three = false,
                }
                if !three {
                    break;
                }
            }
            three && digit_at(q).is_none()
        } {
            p += ch.len_utf8();
        } else {
            break;
        }
    }
    if count == 0 {
        return None;
    }
    if let Some(ch) = char_at(p).filter(|c| halfwidth(*c) == '.') {
        if digit_at(p + ch.len_utf8()).is_some() {
            p += ch.len_utf8();
            while let Some(d) = digit_at(p) {
                mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(d));
                count += 1;
                decimals += 1;
                p += char_at(p).map_or(1, char::len_utf8);
            }
        }
    }
    let mut value = if count <= 15 {
        // Both operands are exact, so the quotient is the correctly rounded decimal: the
        // same double `str::parse` gives.
        mantissa as f64 / 10f64.powi(decimals)
    } else {
        let text: String = s[from..p]
            .chars()
            .map(halfwidth)
            .filter(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        text.parse().ok()?
    };
    if negative {
        value = -value;
    }
    Some((
        Number {
            value,
            unit: None,
            signed,
        },
        p,
    ))
}

/// Converts an amount to 万元 given the unit printed in the cell or, failing that, in the
/// header. Returns the value and whether a unit was known at all.
pub fn to_wan_yuan(n: &Number, header_unit: Option<Unit>) -> (f64, bool) {
    match n.unit.or(header_unit) {
        Some(Unit::Yuan) => (n.value / 10_000.0, true),
        Some(Unit::WanYuan) => (n.value, true),
        _ => (n.value, false),
    }
}

/// The money unit a header fragment states ("单位：万元", "（元）"), if any.
pub fn header_unit(text: &str) -> Option<Unit> {
    // Every unit named has 元 (most texts have none: one quick search, for its last byte,
    // which few characters share, then its first two; std's search for a character of
    // three bytes sets up a substring search first, which a short label pays in full).
    let b = text.as_bytes();
    let yuan = memchr::memchr_iter(0x83, b).any(|i| i >= 2 && b[i - 2] == 0xE5 && b[i - 1] == 0x85);
    if !yuan {
        None
    } else if text.contains("万元") {
        Some(Unit::WanYuan)
    } else if text.contains("单位：元") || text.contains("单位:元") || text.contains("(元)") || text.contains("（元）")
    {
        Some(Unit::Yuan)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_not_applicable_mark_starts_with_a_first_character_of_a_mark() {
        for m in NOT_APPLICABLE {
            let first = m.chars().map(halfwidth).next().unwrap();
            assert!(starts_a_mark(first), "{m}");
            assert!(is_not_applicable(m), "{m}");
            // Its full-width form too.
            let wide = fullwidth(m, |_| true);
            assert!(is_not_applicable(&wide), "{wide}");
        }
        for s in ["12", "不详", "无效", "合计", "N", "2/3"] {
            assert!(!is_not_applicable(s), "{s}");
        }
    }

    type Parsed = Option<(f64, Option<Unit>)>;

    fn one(s: &str) -> Parsed {
        let v = numbers(s)?;
        (v.len() == 1).then(|| (v[0].value, v[0].unit))
    }

    #[test]
    fn number_table() {
        let cases: &[(&str, Parsed)] = &[
            ("0", Some((0.0, None))),
            ("161", Some((161.0, None))),
            ("１７２", Some((172.0, None))),
            ("+17", Some((17.0, None))),
            ("-18", Some((-18.0, None))),
            ("减少3", Some((-3.0, None))),
            ("增加2", Some((2.0, None))),
            ("减 1", Some((-1.0, None))),
            ("增/减", None),
            ("减免", None),
            ("－18", Some((-18.0, None))),
            ("1,234", Some((1234.0, None))),
            ("4555.771 万元", Some((4555.771, Some(Unit::WanYuan)))),
            ("476.92 万元", Some((476.92, Some(Unit::WanYuan)))),
            ("120.9万元", Some((120.9, Some(Unit::WanYuan)))),
            ("39670元", Some((39670.0, Some(Unit::Yuan)))),
            ("2087.0313万", Some((2087.0313, Some(Unit::WanYuan)))),
            ("2087.0313万 元", Some((2087.0313, Some(Unit::WanYuan)))),
            ("2087.0313（万元）", Some((2087.0313, Some(Unit::WanYuan)))),
            ("20870313(元)", Some((20870313.0, Some(Unit::Yuan)))),
            ("2087.0313万元人民币", Some((2087.0313, Some(Unit::WanYuan)))),
            ("约2087.0313万元", Some((2087.0313, Some(Unit::WanYuan)))),
            ("￥20870313", Some((20870313.0, Some(Unit::Yuan)))),
            ("¥ 20,870,313.00", Some((20870313.0, Some(Unit::Yuan)))),
            ("2087万人", None),
            ("(3件)", None),
            ("约", None),
            ("3件", Some((3.0, Some(Unit::Count)))),
            ("784起", Some((784.0, Some(Unit::Count)))),
            ("2 家", Some((2.0, Some(Unit::Count)))),
            (" 7 ", Some((7.0, None))),
            ("2020年", None),
            ("规章", None),
            ("第3页", None),
            ("", None),
            ("1.", None),
            ("1,23", None),
        ];
        for (input, want) in cases {
            assert_eq!(one(input), *want, "{input:?}");
        }
    }

    #[test]
    fn several_numbers_in_one_cell() {
        let v = numbers("1个246900元").unwrap();
        assert_eq!((v[0].value, v[1].value, v[1].unit), (1.0, 246900.0, Some(Unit::Yuan)));
        assert_eq!(numbers("0 0 0").unwrap().len(), 3);
        for s in ["2笔", "2 笔", "3项", "1宗", "4批"] {
            assert_eq!(number(s).map(|n| n.unit), Some(Some(Unit::Count)), "{s:?}");
        }
    }

    #[test]
    fn not_applicable_marks() {
        for s in ["不涉及", "无", "—", "/", "／", " - ", "——"] {
            assert!(is_not_applicable(s), "{s:?}");
        }
        for s in ["0", "无法提供", ""] {
            assert!(!is_not_applicable(s), "{s:?}");
        }
    }

    #[test]
    fn money_in_wan_yuan() {
        let n = numbers("39670元").unwrap()[0];
        assert_eq!(to_wan_yuan(&n, None), (3.967, true));
        let n = numbers("2.5").unwrap()[0];
        assert_eq!(to_wan_yuan(&n, Some(Unit::WanYuan)), (2.5, true));
        assert_eq!(to_wan_yuan(&n, None), (2.5, false));
        assert_eq!(
            header_unit("采购总金额（单位：万元，保留4位小数）"),
            Some(Unit::WanYuan)
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The digits-only shortcut reads a cell as reading it character by character does,
        /// to the bit (leading zeros, 15 digits and more, signs, decimals and separators
        /// falling through to the reading).
        #[test]
        fn plain_digits_are_read_as_character_by_character(s in "[0-9]{1,20}|[+-]?[0-9]{0,16}([.,][0-9]{0,4})?") {
            let (fast, read) = (number(&s), number_read(&s));
            proptest::prop_assert_eq!(fast.map(|n| (n.value.to_bits(), n.unit, n.signed)), read.map(|n| (n.value.to_bits(), n.unit, n.signed)));
        }
    }
}
