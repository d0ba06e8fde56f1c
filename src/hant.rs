//! Reports in traditional characters — a portal's 繁體 mirror (`big5.….gov.cn/gate/big5/…`)
//! saved by a crawler, `政府信息公開工作年度報告` — are read in simplified ones: every
//! heading, label, title and signature the parser looks for is written in simplified
//! characters, and the agency so read is the one the simplified page names (the mirror is
//! then the same agency's report, a duplicate, not another agency's).
//!
//! The table is OpenCC's, one character for one (`data/t2s.tsv`, `tools/t2s.py`): each pair
//! three bytes in UTF-8 both, so the text keeps its length and its lines.

use std::sync::LazyLock;

/// The pairs, sorted by the traditional character, and the simplified characters that are
/// no traditional one's (`开`, `报`, `这`: a text in simplified characters is full of them).
struct Table {
    pairs: Vec<(char, char)>,
    simplified_only: Vec<char>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut pairs: Vec<(char, char)> = include_str!("../data/t2s.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let mut cs = l.chars();
            let (t, tab, s) = (cs.next(), cs.next(), cs.next());
            match (t, tab, s, cs.next()) {
                (Some(t), Some('\t'), Some(s), None) => (t, s),
                _ => panic!("data/t2s.tsv: not a pair: {l:?}"),
            }
        })
        .collect();
    pairs.sort_unstable();
    let mut simplified_only: Vec<char> = pairs.iter().map(|p| p.1).collect();
    simplified_only.sort_unstable();
    simplified_only.dedup();
    simplified_only.retain(|c| pairs.binary_search_by_key(c, |p| p.0).is_err());
    Table { pairs, simplified_only }
});

/// A text needs at least this many traditional characters, and four times as many as
/// simplified ones, to be read as traditional: a simplified report quoting a name in
/// traditional characters is not.
const AT_LEAST: usize = 10;

/// The text in simplified characters when it is written in traditional ones, else None.
pub fn simplified(text: &str) -> Option<String> {
    // 開 (公開) is in every such report's title and headings and in no simplified text: one
    // search for it is all most texts cost.
    static OPEN: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("開".as_bytes()));
    OPEN.find(text.as_bytes())?;
    let t = &*TABLE;
    // Every character of the table is a CJK one (U+2E80 on): the others are not looked up.
    let cjk = |c: &char| *c >= '\u{2E80}';
    let (mut traditional, mut simplified) = (0, 0);
    // (A page's markup is not its text: a mirror converts the text, not the font names its
    // tags hold, `<font face="宋体">`.)
    let (mut in_tag, mut prev) = (false, ' ');
    for c in text.chars() {
        match c {
            '>' => in_tag = false,
            c if prev == '<' && (c.is_ascii_alphabetic() || c == '/' || c == '!') => in_tag = true,
            _ => {}
        }
        prev = c;
        if in_tag || !cjk(&c) {
            continue;
        }
        if t.get(c).is_some() {
            traditional += 1;
        } else if t.simplified_only.binary_search(&c).is_ok() {
            simplified += 1;
        }
    }
    if traditional < AT_LEAST || traditional < 4 * simplified {
        return None;
    }
    Some(mapped(text))
}

/// A text of a report read as traditional, each character in simplified ones (also a page's
/// metadata title, which its text's test did not see).
pub fn mapped(text: &str) -> String {
    let t = &*TABLE;
    // (Every character of the table is a CJK one: the others are not looked up.)
    text.chars()
        .map(|c| if c >= '\u{2E80}' { t.get(c).unwrap_or(c) } else { c })
        .collect()
}

impl Table {
    /// The simplified character a traditional one is read as.
    fn get(&self, c: char) -> Option<char> {
        let i = self.pairs.binary_search_by_key(&c, |p| p.0).ok()?;
        Some(self.pairs[i].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_maps_one_character_to_one_of_the_same_length() {
        assert!(TABLE.pairs.len() > 2500);
        for &(t, s) in &TABLE.pairs {
            assert_ne!(t, s);
            assert_eq!(t.len_utf8(), s.len_utf8(), "{t} {s}");
        }
        // Sorted and one entry a character.
        assert!(TABLE.pairs.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn a_report_in_traditional_characters_reads_in_simplified_ones() {
        let text = "上海市人民政府辦公廳2020年政府信息公開工作年度報告\n三、收到和處理政府信息公開申請情況\n（三）不予公開\t1.屬於國家秘密\t0\n";
        let s = simplified(text).expect("traditional");
        assert_eq!(
            s,
            "上海市人民政府办公厅2020年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n（三）不予公开\t1.属于国家秘密\t0\n"
        );
        assert_eq!(s.len(), text.len());
        // A page whose tags keep the simplified font names the mirror did not convert.
        let cell = |v: &str| format!("<td><font face=\"宋体\">{v}</font></td>");
        let page: String = (0..40).map(|_| cell("0")).collect();
        let page = format!(
            "<p>{text}</p><table><tr>{}{page}</tr></table>",
            cell("結轉下年度繼續辦理")
        );
        assert!(simplified(&page).expect("traditional").contains("结转下年度继续办理"));
    }

    #[test]
    fn a_simplified_report_is_left_as_it_is() {
        // No 開 at all.
        assert_eq!(simplified("政府信息公开工作年度报告 規章"), None);
        // A name in traditional characters quoted in a simplified report.
        let quoted = "本机关2020年政府信息公开工作年度报告。转载《開發區報》的报道，这是为了说明公开的情况，发布信息，处理申请。";
        assert_eq!(simplified(quoted), None);
        // Ten and more of them, among four times fewer simplified ones than that.
        let title = "臺灣開發區報導與會議紀錄彙編";
        assert!(simplified(&format!("{title}，{title}。")).is_some());
        let report = format!(
            "关于转载《{title}》的说明：这是为了说明公开的情况，发布信息，处理申请，报送数据，开展工作，实现目标。"
        );
        assert_eq!(simplified(&report), None);
    }
}
