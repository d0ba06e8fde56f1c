//! Row labels → template rows. Labels are compared after normalisation (full-width to
//! half-width, no white space, no quotes), by the keywords of each row, in template order:
//! the next expected row wins when its keywords appear anywhere in the accumulated label
//! text (which may still hold header fragments or the tail of a wrapped label); otherwise
//! the first later row that matches; otherwise an earlier row not yet seen.

use super::numbers::halfwidth;
use crate::template::RowSpec;

/// Normalises label text for matching: half-width, no white space, no quotes.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_normalized(&mut out, s);
    out
}

/// Whether a (half-width) character survives `normalize`.
#[inline]
fn kept(c: char) -> bool {
    !c.is_whitespace() && !matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』')
}

/// Whether `normalize(s)` has at most `max` characters, without building it and reading
/// no further than the character past `max`.
pub fn normalized_within(s: &str, max: usize) -> bool {
    // Each character is at least one byte.
    if s.len() <= max {
        return true;
    }
    // The characters `normalize` leaves as they are ([`STEP`]) count without being decoded.
    let b = s.as_bytes();
    let (mut n, mut i) = (0, 0);
    while i < b.len() {
        let step = STEP[b[i] as usize];
        if step != 0 {
            n += 1;
            i += step as usize;
        } else {
            let c = s[i..].chars().next().expect("a character starts at a lead byte");
            n += usize::from(kept(halfwidth(c)));
            i += c.len_utf8();
        }
        if n > max {
            return false;
        }
    }
    true
}

/// Whether `normalize(s)` is not empty.
pub fn normalized_any(s: &str) -> bool {
    s.chars().any(|c| kept(halfwidth(c)))
}

/// For each byte that starts a character: 0 when `normalize` may change or drop the
/// character (see [`push_normalized`]), else the character's width in bytes, so a run of
/// characters that stay is crossed one character (one load) at a time, not one byte.
static STEP: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'\t'..=b'\r' | b' ' | b'"' | b'\'' | 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF => 0,
            0xF0..=0xFF => 4,
            0xE0..=0xEF => 3,
            0xC0..=0xDF => 2,
            // ASCII, and the continuation bytes, which no character starts with.
            _ => 1,
        };
        b += 1;
    }
    t
};

/// Appends the normalised form of `s` to `buf`.
pub fn push_normalized(buf: &mut String, s: &str) {
    // Runs of characters that stay as they are are copied whole. Only characters of these
    // lead bytes change or go: ASCII white space and quotes, and the non-ASCII white space,
    // quotes and full-width forms (U+0085 to U+FF5E: lead bytes C2, E1, E2, E3, EF).
    let b = s.as_bytes();
    let (mut run, mut i) = (0, 0);
    while i < b.len() {
        let step = STEP[b[i] as usize];
        if step != 0 {
            i += step as usize;
            continue;
        }
        match b[i] {
            // ASCII white space and quotes all go, a run of them at once.
            x if x < 0x80 => {
                buf.push_str(&s[run..i]);
                i += 1;
                while i < b.len() && b[i] < 0x80 && STEP[b[i] as usize] == 0 {
                    i += 1;
                }
                run = i;
                continue;
            }
            // U+3000 to U+3FFF (、。《》… and CJK): only the ideographic space and 「」『』
            // (E3 80 80, E3 80 8C to 8F) go; the others stay in the run.
            0xE3 if !(b[i + 1] == 0x80 && matches!(b[i + 2], 0x80 | 0x8C..=0x8F)) => {
                i += 3;
                continue;
            }
            _ => {}
        }
        buf.push_str(&s[run..i]);
        let c = s[i..].chars().next().expect("a character starts at a lead byte");
        let h = halfwidth(c);
        if kept(h) {
            buf.push(h);
        }
        i += c.len_utf8();
        run = i;
    }
    buf.push_str(&s[run..]);
}

/// Whether normalised `label` holds one of the row's keywords.
pub fn matches(spec: &RowSpec, label: &str) -> bool {
    spec.keywords.iter().any(|k| label.contains(k))
}

/// A row named only by a word every label may contain (其他 or 其它, in 2021's （六）其他处理
/// group) is placed only when it is the row expected next.
pub fn is_generic(spec: &RowSpec) -> bool {
    spec.keywords.iter().all(|k| matches!(*k, "其他" | "其它"))
}

/// The row expected next: the first not filled from `cursor` on.
pub fn expected(filled: &[bool], cursor: usize) -> Option<usize> {
    (cursor..filled.len()).find(|&i| !filled[i])
}

/// The row expected next when `label` names it.
pub fn names_next(label: &str, specs: &[RowSpec], filled: &[bool], cursor: usize) -> Option<usize> {
    expected(filled, cursor).filter(|&i| matches(&specs[i], label))
}

/// The template row a label names, given the rows already filled and the next expected one.
pub fn match_row(label: &str, specs: &[RowSpec], filled: &[bool], cursor: usize) -> Option<usize> {
    if label.is_empty() {
        return None;
    }
    if let Some(i) = names_next(label, specs, filled, cursor) {
        return Some(i);
    }
    let later = (cursor..specs.len()).filter(|&i| !filled[i] && !is_generic(&specs[i]));
    // Among later rows, the one whose keyword ends last in the label: the label's own words
    // come after any header or wrapped fragments before it.
    let best = later
        .filter_map(|i| {
            specs[i]
                .keywords
                .iter()
                .filter_map(|k| label.rfind(k).map(|p| p + k.len()))
                .max()
                .map(|end| (end, i))
        })
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    if let Some((_, i)) = best {
        return Some(i);
    }
    (0..cursor.min(specs.len())).find(|&i| !filled[i] && !is_generic(&specs[i]) && matches(&specs[i], label))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::{ACTIVE_2019, ACTIVE_2021, APPLICATIONS_2019, APPLICATIONS_2021};

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// Copying runs whole normalises as mapping every character does, whatever the
        /// characters: every white space, quote and full-width form among CJK, ASCII and
        /// characters of every width.
        #[test]
        fn normalizing_copies_runs_as_the_characters_would_be(pieces in proptest::collection::vec(proptest::sample::select(vec![
            "a", "规章", "1", " ", "\t", "\n", "\u{b}", "\u{85}", "\u{a0}", "\u{1680}", "\u{2000}", "\u{200a}",
            "\u{2028}", "\u{202f}", "\u{205f}", "\u{3000}", "\"", "'", "“", "”", "‘", "’", "「", "」", "『", "』",
            "\u{ff02}", "\u{ff07}", "\u{ff10}", "\u{ff5e}", "\u{ff5f}", "\u{ff01}", "é", "€", "—", "𠀀", "\u{e000}",
            "\u{3001}", "\u{2019}", "\r", "\u{c}", "\u{300b}", "\u{300f}", "\u{3010}", "\u{303f}", "\u{3040}",
            "\u{3400}", "\u{3fff}", "\u{2fff}", "\u{ff00}", "\u{ff08}", "\u{ff09}", "\u{ff3f}", "\u{ff40}", "\u{ff60}",
            "\u{ffe5}", "\u{fe30}", "\u{ef00}",
        ]), 0..16)) {
            let s: String = pieces.concat();
            let by_chars: String = s.chars().map(halfwidth).filter(|c| kept(*c)).collect();
            proptest::prop_assert_eq!(normalize(&s), by_chars.clone());
            let mut buf = String::from("前");
            push_normalized(&mut buf, &s);
            proptest::prop_assert_eq!(buf, format!("前{by_chars}"));
            // The bound counts what normalising keeps, whatever the bound.
            let n = by_chars.chars().count();
            for max in [0, n.saturating_sub(1), n, n + 1, 3, 8] {
                proptest::prop_assert_eq!(normalized_within(&s, max), n <= max, "{:?} {}", s, max);
            }
        }
    }

    fn key(label: &str, specs: &'static [RowSpec], cursor: usize) -> Option<&'static str> {
        let filled: Vec<bool> = (0..specs.len()).map(|i| i < cursor).collect();
        match_row(&normalize(label), specs, &filled, cursor).map(|i| specs[i].key)
    }

    #[test]
    fn label_table() {
        let cases: &[(&str, &'static [RowSpec], usize, Option<&str>)] = &[
            (
                "第二十条第(一)项 信息内容 本年新制作数量 规章",
                ACTIVE_2019,
                0,
                Some("rules"),
            ),
            ("规 范 性 文 件", ACTIVE_2019, 1, Some("normative_documents")),
            (
                "其他对外管理服务事项",
                ACTIVE_2019,
                3,
                Some("other_management_services"),
            ),
            ("行政处罚", ACTIVE_2019, 3, Some("administrative_penalty")),
            // 行政事业性收费 worded short.
            ("行政性收费", ACTIVE_2019, 5, Some("administrative_fees")),
            ("行政收费", ACTIVE_2021, 5, Some("administrative_fees")),
            (
                "申请人情况 自然人 总计 其他 一、本年新收政府信息公开申请数量",
                APPLICATIONS_2019,
                0,
                Some("new_received"),
            ),
            (
                "(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
                APPLICATIONS_2021,
                3,
                Some("partially_granted"),
            ),
            (
                "（三）不予公开 1．属于国家秘密",
                APPLICATIONS_2019,
                4,
                Some("withheld.state_secret"),
            ),
            (
                "3.危及“三安全一稳定”",
                APPLICATIONS_2019,
                6,
                Some("withheld.three_securities_one_stability"),
            ),
            (
                "3、危及三安全一稳定",
                APPLICATIONS_2019,
                6,
                Some("withheld.three_securities_one_stability"),
            ),
            (
                "处理 3. 要求提供公开出版物",
                APPLICATIONS_2019,
                17,
                Some("not_processed.publication_request"),
            ),
            (
                "(六)其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                APPLICATIONS_2021,
                20,
                Some("other.no_correction"),
            ),
            ("3.其他", APPLICATIONS_2021, 22, Some("other.other")),
            ("(七) 总计", APPLICATIONS_2019, 21, Some("total")),
            ("四、结转下年度继续办理", APPLICATIONS_2019, 22, Some("carried_forward")),
            // A skipped row: the label of a later one still finds its row.
            ("2. 重复申请", APPLICATIONS_2019, 15, Some("not_processed.duplicate")),
            // 合计 for 总计 (the column header's 合计 comes before the first row's label,
            // which names the row expected next).
            ("(七)合计", APPLICATIONS_2021, 23, Some("total")),
            ("合计", APPLICATIONS_2019, 21, Some("total")),
            (
                "申请人情况 自然人 法人或其他组织 合计 一、本年新收政府信息公开申请数量",
                APPLICATIONS_2021,
                0,
                Some("new_received"),
            ),
            (
                "二、上年度结转政府信息公开申请数量",
                APPLICATIONS_2021,
                1,
                Some("carried_over"),
            ),
            // Rows worded otherwise than the template words them.
            ("政府采购", ACTIVE_2019, 7, Some("centralized_procurement")),
            ("（二）部分予以公开", APPLICATIONS_2019, 3, Some("partially_granted")),
            (
                "1.本机关未掌握相关政府信息",
                APPLICATIONS_2019,
                12,
                Some("unable.not_held"),
            ),
            (
                "3.申请内容不明确",
                APPLICATIONS_2021,
                14,
                Some("unable.unclear_after_correction"),
            ),
            (
                "1.信访、举报、投诉类申请",
                APPLICATIONS_2021,
                15,
                Some("not_processed.petition_complaint"),
            ),
            ("2.重复提出申请", APPLICATIONS_2021, 12, Some("not_processed.duplicate")),
            ("（六）其它处理", APPLICATIONS_2019, 20, Some("other")),
            ("3.其它", APPLICATIONS_2021, 22, Some("other.other")),
            ("其它", APPLICATIONS_2021, 0, None),
            (
                "4.无正当理由大量、反复申请",
                APPLICATIONS_2021,
                18,
                Some("not_processed.excessive_repeated"),
            ),
            (
                "2.申请人逾期未缴费、行政机关不再处理其政府信息公开申请",
                APPLICATIONS_2021,
                21,
                Some("other.unpaid_fee"),
            ),
        ];
        for (label, specs, cursor, want) in cases {
            assert_eq!(key(label, specs, *cursor), *want, "{label:?}");
        }
    }
}
