//! Cell text → values: numbers with signs, thousands separators, decimals and units
//! (万元, 元, 件, 个, 项, 条), full-width digits, and the not-applicable marks
//! (不涉及, 无, —, /). Pure functions on strings; no table knowledge here.

/// Unit written next to a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// 万元 — ten thousand yuan, the dataset's money unit.
    WanYuan,
    /// 元 — yuan.
    Yuan,
    /// 件, 个, 项, 条, 次 — a count.
    Count,
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

/// True when `s` (trimmed) is a not-applicable mark.
pub fn is_not_applicable(s: &str) -> bool {
    let t: String = s.chars().map(halfwidth).filter(|c| !c.is_whitespace()).collect();
    NOT_APPLICABLE.contains(&t.as_str())
}

fn unit_at(chars: &[char], i: usize) -> Option<(Unit, usize)> {
    let c = *chars.get(i)?;
    match c {
        '万' if chars.get(i + 1) == Some(&'元') => Some((Unit::WanYuan, 2)),
        '元' => Some((Unit::Yuan, 1)),
        '件' | '个' | '项' | '条' | '次' => Some((Unit::Count, 1)),
        _ => None,
    }
}

/// Parses `s` as one or more numbers, each with an optional unit, separated by optional
/// white space ("476.92 万元", "39670元", "1个246900元", "+17"). None when any part of `s`
/// is not a number or a unit.
pub fn numbers(s: &str) -> Option<Vec<Number>> {
    let chars: Vec<char> = s.chars().map(halfwidth).collect();
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        if i == chars.len() {
            break;
        }
        let (n, used) = number_at(&chars[i..])?;
        i += used;
        let mut j = i;
        while j < chars.len() && chars[j].is_whitespace() {
            j += 1;
        }
        let mut n = n;
        if let Some((unit, len)) = unit_at(&chars, j) {
            n.unit = Some(unit);
            i = j + len;
        }
        out.push(n);
    }
    (!out.is_empty()).then_some(out)
}

/// One number at the start of `c`: sign, digits with optional `,` groups, decimals.
fn number_at(c: &[char]) -> Option<(Number, usize)> {
    let mut i = 0;
    let mut negative = false;
    let mut signed = false;
    if let Some(&s) = c.first() {
        if s == '+' || s == '-' || s == '−' {
            negative = s != '+';
            signed = true;
            i = 1;
        }
    }
    let start = i;
    let mut digits = String::new();
    while i < c.len() {
        let ch = c[i];
        if ch.is_ascii_digit() {
            digits.push(ch);
            i += 1;
        } else if ch == ','
            && i > start
            && c.get(i + 1..i + 4).is_some_and(|g| g.iter().all(char::is_ascii_digit))
            && !c.get(i + 4).is_some_and(char::is_ascii_digit)
        {
            i += 1; // thousands separator: exactly three digits follow
        } else {
            break;
        }
    }
    if digits.is_empty() {
        return None;
    }
    if c.get(i) == Some(&'.') && c.get(i + 1).is_some_and(char::is_ascii_digit) {
        digits.push('.');
        i += 1;
        while i < c.len() && c[i].is_ascii_digit() {
            digits.push(c[i]);
            i += 1;
        }
    }
    let mut value: f64 = digits.parse().ok()?;
    if negative {
        value = -value;
    }
    Some((
        Number {
            value,
            unit: None,
            signed,
        },
        i,
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
    if text.contains("万元") {
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
            ("－18", Some((-18.0, None))),
            ("1,234", Some((1234.0, None))),
            ("4555.771 万元", Some((4555.771, Some(Unit::WanYuan)))),
            ("476.92 万元", Some((476.92, Some(Unit::WanYuan)))),
            ("120.9万元", Some((120.9, Some(Unit::WanYuan)))),
            ("39670元", Some((39670.0, Some(Unit::Yuan)))),
            ("3件", Some((3.0, Some(Unit::Count)))),
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
}
