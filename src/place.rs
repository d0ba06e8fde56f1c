//! Agency name → administrative place: province, prefecture and county with their GB/T 2260
//! codes, the agency's level and its kind. The division table (`data/divisions.csv`, see
//! `tools/divisions.py` for its source and date) is loaded once per run; resolving is pure.
//!
//! Names are found in the agency string in full (`攀枝花市米易县`), and a county also by its
//! short name (`嘉祥` for 嘉祥县) when its prefecture is named before it. Each candidate
//! division is scored by how many of the names found lie on its chain (itself and its
//! parents); the best-supported, most specific one wins. When two divisions tie (朝阳区
//! alone: Beijing or Changchun), nothing is guessed: the place stays null and the caller
//! reports `PLACE_AMBIGUOUS`.

use rustc_hash::FxHashMap as HashMap;
use std::path::Path;
use std::sync::Arc;

use anyhow::{bail, Context, Result};

/// Level of a division in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DivLevel {
    Province,
    Prefecture,
    County,
}

#[derive(Debug, Clone)]
struct Division {
    code: u32,
    name: String,
    level: DivLevel,
    parent: Option<u32>,
    /// The name and the 6-digit code as every [`Place`] holds them (shared, not copied).
    shared: (Arc<str>, Arc<str>),
}

/// The division table with its name index.
#[derive(Debug, Default)]
pub struct Divisions {
    divs: Vec<Division>,
    by_code: HashMap<u32, usize>,
    /// Full names and aliases → divisions.
    by_name: HashMap<String, Vec<usize>>,
    /// County short names (嘉祥) → counties; used only under a named parent.
    by_short: HashMap<String, Vec<usize>>,
    longest: usize,
}

/// Where an agency sits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    /// (name, 6-digit code), shared with the division table.
    pub province: Option<(Arc<str>, Arc<str>)>,
    pub prefecture: Option<(Arc<str>, Arc<str>)>,
    pub county: Option<(Arc<str>, Arc<str>)>,
    /// `central`, `province`, `prefecture`, `county`, `township`.
    pub level: Option<&'static str>,
    /// `government`, `general_office`, `department`, `other`.
    pub kind: Option<&'static str>,
    /// Names that fit several divisions equally well (nothing was guessed).
    pub ambiguous: Vec<String>,
}

impl Divisions {
    /// Loads `code,name,level,parent_code` rows, and optionally `name,code` aliases (names
    /// in use that are not the division's own: 平潭综合实验区 for 平潭县).
    pub fn load(table: &Path, aliases: Option<&Path>) -> Result<Divisions> {
        let text = std::fs::read_to_string(table)
            .with_context(|| format!("{}: cannot read the division table", table.display()))?;
        let mut rows = Vec::new();
        for (i, line) in text.lines().enumerate().skip(1) {
            let f: Vec<&str> = line.split(',').collect();
            let bad = || format!("{}:{}: expected code,name,level,parent_code", table.display(), i + 1);
            if f.len() != 4 {
                bail!(bad());
            }
            let level = match f[2] {
                "province" => DivLevel::Province,
                "prefecture" => DivLevel::Prefecture,
                "county" => DivLevel::County,
                _ => bail!(bad()),
            };
            let code: u32 = f[0].parse().with_context(bad)?;
            let parent = if f[3].is_empty() {
                None
            } else {
                Some(f[3].parse().with_context(bad)?)
            };
            rows.push((code, f[1].to_string(), level, parent));
        }
        let mut alias_rows = Vec::new();
        if let Some(p) = aliases {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("{}: cannot read the division aliases", p.display()))?;
            for (i, line) in text.lines().enumerate().skip(1) {
                let f: Vec<&str> = line.split(',').collect();
                let code = f.get(1).and_then(|c| c.parse::<u32>().ok());
                match (f.first(), code) {
                    (Some(name), Some(code)) if !name.is_empty() => alias_rows.push((name.to_string(), code)),
                    _ => bail!("{}:{}: expected name,code,…", p.display(), i + 1),
                }
            }
        }
        Ok(Divisions::new(rows, alias_rows))
    }

    /// The table from rows `(code, name, level, parent)` and aliases `(name, code)`.
    pub fn new(rows: Vec<(u32, String, DivLevel, Option<u32>)>, aliases: Vec<(String, u32)>) -> Divisions {
        let mut d = Divisions::default();
        for (code, name, level, parent) in rows {
            d.by_code.insert(code, d.divs.len());
            let shared = (Arc::from(name.as_str()), Arc::from(format!("{code:06}")));
            d.divs.push(Division {
                code,
                name,
                level,
                parent,
                shared,
            });
        }
        for (i, div) in d.divs.iter().enumerate() {
            d.by_name.entry(div.name.clone()).or_default().push(i);
            if div.level == DivLevel::County {
                if let Some(short) = short_name(&div.name) {
                    d.by_short.entry(short.to_string()).or_default().push(i);
                }
            }
        }
        for (name, code) in aliases {
            if let Some(&i) = d.by_code.get(&code) {
                d.by_name.entry(name).or_default().push(i);
            }
        }
        d.longest = d.by_name.keys().map(|k| k.chars().count()).max().unwrap_or(0);
        d
    }

    pub fn len(&self) -> usize {
        self.divs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.divs.is_empty()
    }

    fn parent(&self, i: usize) -> Option<usize> {
        self.divs[i].parent.and_then(|p| self.by_code.get(&p).copied())
    }

    /// `i` and its parents, most specific first.
    fn chain(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        // At most three levels, whatever the table says (a row naming itself as parent).
        std::iter::successors(Some(i), move |&j| self.parent(j).filter(|&p| p != j)).take(3)
    }

    /// Resolves a normalised agency name.
    pub fn resolve(&self, agency: &str) -> Place {
        let chars: Vec<(usize, char)> = agency.char_indices().collect();
        let byte = |k: usize| chars.get(k).map_or(agency.len(), |c| c.0);
        // Every full name in the string, longest at each start, non-overlapping.
        let mut found: Vec<(usize, usize, Vec<usize>)> = Vec::new(); // (start, end, divisions)
        let mut k = 0;
        while k < chars.len() {
            let mut hit = None;
            for len in (2..=self.longest.min(chars.len() - k)).rev() {
                if let Some(v) = self.by_name.get(&agency[byte(k)..byte(k + len)]) {
                    hit = Some((k, k + len, v.clone()));
                    break;
                }
            }
            match hit {
                Some(h) => {
                    k = h.1;
                    found.push(h);
                }
                None => k += 1,
            }
        }
        // County short names after a named prefecture or province: 济宁市…嘉祥分中心.
        let named: Vec<usize> = found.iter().flat_map(|f| f.2.iter().copied()).collect();
        let after = found.iter().map(|f| f.1).min().unwrap_or(chars.len());
        let mut k = after;
        while k < chars.len() {
            let mut hit = None;
            for len in (2..=4.min(chars.len() - k)).rev() {
                if let Some(v) = self.by_short.get(&agency[byte(k)..byte(k + len)]) {
                    let under: Vec<usize> = v
                        .iter()
                        .copied()
                        .filter(|&c| self.chain(c).skip(1).any(|p| named.contains(&p)))
                        .collect();
                    if !under.is_empty() && !found.iter().any(|f| f.0 < k + len && k < f.1) {
                        hit = Some((k, k + len, under));
                        break;
                    }
                }
            }
            match hit {
                Some((s, e, under)) => {
                    found.push((s, e, under));
                    k = e;
                }
                None => k += 1,
            }
        }

        let mut place = Place {
            kind: Some(kind(agency)),
            ..Place::default()
        };
        // Score each candidate by the names on its chain; a two-character name (城区, 东区)
        // counts only with a parent named too.
        let mut best: Vec<(usize, usize)> = Vec::new(); // (support, division)
        for f in &found {
            for &c in &f.2 {
                let chain: Vec<usize> = self.chain(c).collect();
                let support = found.iter().filter(|g| g.2.iter().any(|d| chain.contains(d))).count();
                let short = f.1 - f.0 <= 2 && self.divs[c].level == DivLevel::County;
                if short && support < 2 {
                    continue;
                }
                best.push((support, c));
            }
        }
        // A name printed twice yields its division twice: sort by the division too, so
        // the copies are adjacent and dedup leaves one (else it would tie with itself).
        best.sort_by_key(|&(s, c)| (std::cmp::Reverse(s), std::cmp::Reverse(self.divs[c].level), c));
        best.dedup();
        let Some(&(top, winner)) = best.first() else {
            place.level = level_by_words(agency, None);
            return place;
        };
        let tied: Vec<usize> = best
            .iter()
            .filter(|&&(s, c)| s == top && self.divs[c].level == self.divs[winner].level)
            .map(|x| x.1)
            .collect();
        if tied.len() > 1 {
            let mut names: Vec<String> = tied
                .iter()
                .map(|&c| {
                    self.chain(c)
                        .map(|j| self.divs[j].name.as_str())
                        .collect::<Vec<_>>()
                        .into_iter()
                        .rev()
                        .collect::<String>()
                        + &format!(" ({})", self.divs[c].code)
                })
                .collect();
            names.sort();
            place.ambiguous = names;
            place.level = level_by_words(agency, None);
            return place;
        }
        for j in self.chain(winner) {
            let d = &self.divs[j];
            let v = Some(d.shared.clone());
            match d.level {
                DivLevel::Province => place.province = v,
                DivLevel::Prefecture => place.prefecture = v,
                DivLevel::County => place.county = v,
            }
        }
        // Below the most specific name found: a township (XX镇人民政府, XX街道办事处).
        let end = found
            .iter()
            .filter(|f| f.2.iter().any(|&d| self.chain(winner).any(|c| c == d)))
            .map(|f| f.1)
            .max()
            .unwrap_or(0);
        place.level = level_by_words(&agency[byte(end)..], Some(self.divs[winner].level));
        place
    }
}

/// 嘉祥县 → 嘉祥; none when the rest would be a single character or a generic word.
fn short_name(name: &str) -> Option<&str> {
    for suffix in ["自治县", "自治旗", "县", "区", "市", "旗"] {
        if let Some(s) = name.strip_suffix(suffix) {
            if s.chars().count() >= 2 && !matches!(s, "城区" | "新区" | "开发" | "高新" | "市中") {
                return Some(s);
            }
        }
    }
    None
}

/// The agency's level from the part of its name below the place found (or the whole name
/// when none was found).
fn level_by_words(rest: &str, place: Option<DivLevel>) -> Option<&'static str> {
    let township = ["镇人民政府", "乡人民政府", "街道办事处", "镇政府", "乡政府", "街道"];
    if township.iter().any(|w| rest.contains(w)) || rest.ends_with('镇') || rest.ends_with('乡') {
        return Some("township");
    }
    if let Some(l) = place {
        return Some(match l {
            DivLevel::Province => "province",
            DivLevel::Prefecture => "prefecture",
            DivLevel::County => "county",
        });
    }
    let central = ["国务院", "中华人民共和国", "国家", "中央", "中国"];
    if central.iter().any(|w| rest.starts_with(w)) {
        return Some("central");
    }
    // An unknown place still tells its level by its unit: 某某县司法局. (市 does not: it is
    // a prefecture or a county-level city; 区 a district or a development zone.)
    ["县", "旗"].iter().any(|w| rest.contains(w)).then_some("county")
}

/// `government` (人民政府, 街道办事处, 管理委员会, or the area's own report), `general_office` (人民政府办公厅/室),
/// `department` (局, 厅, 委员会, 办公室 …), `other` (中心, 院, 所 …).
pub fn kind(agency: &str) -> &'static str {
    if agency.ends_with("人民政府办公厅") || agency.ends_with("人民政府办公室") || agency.ends_with("政府办公室")
    {
        "general_office"
    } else if agency.ends_with("人民政府")
        || agency.ends_with("街道办事处")
        || agency.ends_with("管理委员会")
        || agency.ends_with("管委会")
        || ["省", "市", "县", "区", "旗", "州", "盟"]
            .iter()
            .any(|s| agency.ends_with(s))
    {
        "government"
    } else if ["局", "厅", "委员会", "委", "办公室", "办", "署", "部", "处"]
        .iter()
        .any(|s| agency.ends_with(s))
    {
        "department"
    } else {
        "other"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Divisions {
        let p = |c: u32, n: &str, l, parent: Option<u32>| (c, n.to_string(), l, parent);
        use DivLevel::*;
        Divisions::new(
            vec![
                p(110000, "北京市", Province, None),
                p(110105, "朝阳区", County, Some(110000)),
                p(220000, "吉林省", Province, None),
                p(220100, "长春市", Prefecture, Some(220000)),
                p(220104, "朝阳区", County, Some(220100)),
                p(350000, "福建省", Province, None),
                p(350100, "福州市", Prefecture, Some(350000)),
                p(350128, "平潭县", County, Some(350100)),
                p(370000, "山东省", Province, None),
                p(370800, "济宁市", Prefecture, Some(370000)),
                p(370829, "嘉祥县", County, Some(370800)),
                p(510000, "四川省", Province, None),
                p(510400, "攀枝花市", Prefecture, Some(510000)),
                p(510402, "东区", County, Some(510400)),
                p(510421, "米易县", County, Some(510400)),
            ],
            vec![("平潭综合实验区".to_string(), 350128)],
        )
    }

    fn codes(p: &Place) -> [Option<&str>; 3] {
        [&p.province, &p.prefecture, &p.county].map(|x| x.as_ref().map(|v| &*v.1))
    }

    #[test]
    fn places_are_resolved_by_the_chain_of_names() {
        let t = table();
        let p = t.resolve("攀枝花市米易县公共资源交易中心");
        assert_eq!(codes(&p), [Some("510000"), Some("510400"), Some("510421")]);
        assert_eq!((p.level, p.kind), (Some("county"), Some("other")));
        let p = t.resolve("济宁市公共资源交易服务中心嘉祥分中心");
        assert_eq!(codes(&p), [Some("370000"), Some("370800"), Some("370829")]);
        let p = t.resolve("北京市朝阳区教育委员会");
        assert_eq!(codes(&p), [Some("110000"), None, Some("110105")]);
        assert_eq!((p.level, p.kind), (Some("county"), Some("department")));
        let p = t.resolve("平潭综合实验区");
        assert_eq!(codes(&p), [Some("350000"), Some("350100"), Some("350128")]);
        assert_eq!(p.kind, Some("government"));
        let p = t.resolve("四川省人民政府办公厅");
        assert_eq!(codes(&p), [Some("510000"), None, None]);
        assert_eq!((p.level, p.kind), (Some("province"), Some("general_office")));
        let p = t.resolve("米易县攀莲镇人民政府");
        assert_eq!(p.level, Some("township"));
        // A name printed twice is one place, not a tie with itself.
        let p = t.resolve("米易县人民政府米易县政务公开办公室");
        assert_eq!(codes(&p), [Some("510000"), Some("510400"), Some("510421")]);
        assert!(p.ambiguous.is_empty());
    }

    #[test]
    fn ambiguous_names_are_not_guessed() {
        let t = table();
        let p = t.resolve("朝阳区教育局");
        assert_eq!(codes(&p), [None, None, None]);
        assert_eq!(p.ambiguous.len(), 2, "{:?}", p.ambiguous);
        // A two-character district name alone is not a place.
        let p = t.resolve("华东区域办公室");
        assert_eq!(codes(&p), [None, None, None]);
        assert!(p.ambiguous.is_empty());
        let p = t.resolve("攀枝花市东区人民政府");
        assert_eq!(codes(&p), [Some("510000"), Some("510400"), Some("510402")]);
        let p = t.resolve("国家税务总局");
        assert_eq!(p.level, Some("central"));
        let p = t.resolve("某某县司法局");
        assert_eq!((p.level, p.kind), (Some("county"), Some("department")));
    }
}
