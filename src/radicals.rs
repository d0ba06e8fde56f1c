//! Characters that print as an ideograph but are another code point: the Kangxi radicals
//! (U+2F00–U+2FD5) and the CJK radicals supplement (U+2E80–U+2EF3), which text extracted
//! from a PDF holds where the font's glyph for 一, 人, 行, 文, 长 … was mapped to the radical
//! (`⼀、总体情况`, `⾏政许可`, `⽢肃省⼈民政府`), and the CJK compatibility ideographs
//! (U+F900–U+FAD9). Each is read as the ideograph it stands for (its NFKC form), before
//! anything else: a label, a heading or an agency's name with one is the same as without.
//!
//! Every such character and its ideograph are three bytes in UTF-8: a text keeps its length
//! and its lines.

use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

/// The ranges looked at; each character's ideograph, or itself where NFKC gives no one
/// ideograph of three bytes (an unassigned code point, a radical with no ideograph).
const RANGES: [(u32, u32); 3] = [(0x2E80, 0x2EF3), (0x2F00, 0x2FD5), (0xF900, 0xFAD9)];

/// The radicals of the supplement that print as a whole ideograph but have no NFKC form
/// (Unicode gives one only to ⺟ and ⻳), by their names: CIVILIAN 民, WEST TWO 西,
/// C-SIMPLIFIED SEE 见, LONG 长, GATE 门, LEAF 页 … (the radicals that print as a part of
/// one, ⺅ for 亻, are left as they are).
const SUPPLEMENT: [(char, char); 30] = [
    ('\u{2E9D}', '月'),
    ('\u{2EA0}', '民'),
    ('\u{2EA9}', '王'),
    ('\u{2EBC}', '月'),
    ('\u{2EC4}', '西'),
    ('\u{2EC5}', '见'),
    ('\u{2EC6}', '角'),
    ('\u{2EC9}', '贝'),
    ('\u{2ECB}', '车'),
    ('\u{2ED1}', '長'),
    ('\u{2ED3}', '长'),
    ('\u{2ED4}', '门'),
    ('\u{2ED8}', '青'),
    ('\u{2ED9}', '韦'),
    ('\u{2EDA}', '页'),
    ('\u{2EDB}', '风'),
    ('\u{2EDC}', '飞'),
    ('\u{2EDD}', '食'),
    ('\u{2EE2}', '马'),
    ('\u{2EE3}', '骨'),
    ('\u{2EE4}', '鬼'),
    ('\u{2EE5}', '鱼'),
    ('\u{2EE6}', '鸟'),
    ('\u{2EE7}', '卤'),
    ('\u{2EE8}', '麦'),
    ('\u{2EE9}', '黄'),
    ('\u{2EEA}', '黾'),
    ('\u{2EEC}', '齐'),
    ('\u{2EEE}', '齿'),
    ('\u{2EF0}', '龙'),
];

static TABLE: LazyLock<Vec<Vec<char>>> = LazyLock::new(|| {
    RANGES
        .iter()
        .map(|&(from, to)| {
            (from..=to)
                .map(|cp| {
                    let c = char::from_u32(cp).expect("no surrogates in these ranges");
                    if let Some(&(_, i)) = SUPPLEMENT.iter().find(|p| p.0 == c) {
                        return i;
                    }
                    let mut n = std::iter::once(c).nfkc();
                    match (n.next(), n.next()) {
                        (Some(i), None) if i != c && i.len_utf8() == 3 => i,
                        _ => c,
                    }
                })
                .collect()
        })
        .collect()
});

/// The ideograph `c` stands for, when it is one of these characters.
fn ideograph(c: char) -> Option<char> {
    let cp = c as u32;
    RANGES
        .iter()
        .zip(TABLE.iter())
        .find(|((from, to), _)| (*from..=*to).contains(&cp))
        .map(|((from, _), t)| t[(cp - from) as usize])
        .filter(|&i| i != c)
}

/// The text with each radical or compatibility ideograph read as its ideograph; None when
/// it holds none (found by their first two bytes, E2 BA–BF and EF A4–AB: ~14,000
/// instructions a report, 0.7% of its reading, for the punctuation that starts with E2 or
/// EF too, `“”—…，（）：`; a search for the fourteen prefixes at once took ten times that).
pub fn unified(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let any = memchr::memchr2_iter(0xE2, 0xEF, b)
        .any(|i| matches!(b[i..], [0xE2, 0xBA..=0xBF, _, ..] | [0xEF, 0xA4..=0xAB, _, ..]));
    if !any || !text.chars().any(|c| ideograph(c).is_some()) {
        return None;
    }
    Some(text.chars().map(|c| ideograph(c).unwrap_or(c)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radicals_read_as_the_ideographs_they_print_as() {
        let text = "⽢肃省⼈⺠政府2020年政府信息公开⼯作年度报告\n⼀、总体情况\n⾏政许可\t0\t0\t0\n⻓期⻔户⽹站⻚⾯";
        let u = unified(text).expect("radicals");
        assert_eq!(
            u,
            "甘肃省人民政府2020年政府信息公开工作年度报告\n一、总体情况\n行政许可\t0\t0\t0\n长期门户网站页面"
        );
        assert_eq!(u.len(), text.len());
        // A compatibility ideograph (U+F9B2 零) too.
        assert_eq!(unified("\u{F9B2}").as_deref(), Some("零"));
        // Text without them, punctuation of the same first byte (“”—…，) included.
        assert_eq!(unified("一、总体情况“规章”—…，（一）"), None);
    }

    #[test]
    fn every_character_of_the_table_stands_for_an_ideograph_of_three_bytes() {
        let mut mapped = 0;
        for (&(from, to), t) in RANGES.iter().zip(TABLE.iter()) {
            assert_eq!(t.len() as u32, to - from + 1);
            for (k, &i) in t.iter().enumerate() {
                let c = char::from_u32(from + k as u32).unwrap();
                assert_eq!(i.len_utf8(), c.len_utf8());
                mapped += usize::from(i != c);
            }
        }
        // The 214 Kangxi radicals, most of the supplement's, the compatibility ideographs.
        assert!(mapped > 500, "{mapped}");
    }
}
