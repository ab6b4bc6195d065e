//! Matching district names and column headers to the scheme's peers and
//! indicators: exact name, then a known alias, then the closest name,
//! which the user must confirm.

use std::collections::HashMap;

use dukao_core::model::Scheme;
use serde::Serialize;

use crate::text::label_key;

/// The way a label was matched to the scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The scheme's name, ignoring spacing and full-width forms.
    Exact,
    /// A peer alias of the scheme (济南高新区 for 高新区), or a header
    /// in the city's usual wording (规上 for 规模以上, 增长 for 增速).
    Alias,
    /// The closest name; it applies only once the user confirms it.
    Closest,
    /// The user confirmed or chose the target.
    Confirmed,
    /// No name of the scheme is similar enough.
    Unmatched,
    /// The user chose to leave the row or column out.
    Ignored,
}

/// A label's best match: the target's index and how it was found.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub index: Option<usize>,
    pub kind: MatchKind,
    /// Similarity of the closest names, best first, with their indexes.
    pub candidates: Vec<(usize, f64)>,
}

impl Found {
    fn exact(index: usize, kind: MatchKind) -> Found {
        Found {
            index: Some(index),
            kind,
            candidates: Vec::new(),
        }
    }
}

/// Similarity at and above which a peer's name is proposed.
const PEER_THRESHOLD: f64 = 0.5;
/// Similarity at and above which an indicator's name is proposed.
const INDICATOR_THRESHOLD: f64 = 0.6;
/// Candidates offered for confirmation.
const MAX_CANDIDATES: usize = 3;

/// Labels of district rows that are not districts: the city's total,
/// sums and averages.
pub fn is_total(key: &str) -> bool {
    matches!(key, "全市" | "济南市" | "全省" | "总计" | "合计")
        || ["合计", "总计", "小计", "平均", "均值"]
            .iter()
            .any(|word| key.contains(word))
}

/// Labels of notes under a table: "注：…", "数据来源：…" or long text.
pub fn is_note(key: &str) -> bool {
    ["注", "说明", "备注", "数据来源", "资料来源", "填报", "制表"]
        .iter()
        .any(|word| key.starts_with(word))
        || key.chars().count() > 20
}

/// Peer names and aliases by key.
pub struct PeerNames {
    keys: HashMap<String, (usize, MatchKind)>,
    names: Vec<Vec<String>>,
}

impl PeerNames {
    pub fn new(scheme: &Scheme) -> PeerNames {
        let mut keys = HashMap::new();
        let mut names = Vec::with_capacity(scheme.peers.len());
        for (i, peer) in scheme.peers.iter().enumerate() {
            let mut all = vec![label_key(&peer.name)];
            keys.insert(all[0].clone(), (i, MatchKind::Exact));
            for alias in &peer.aliases {
                let key = label_key(alias);
                keys.entry(key.clone()).or_insert((i, MatchKind::Alias));
                all.push(key);
            }
            names.push(all);
        }
        PeerNames { keys, names }
    }

    /// Finds the peer a key names exactly or by alias.
    pub fn exact(&self, key: &str) -> Option<(usize, MatchKind)> {
        self.keys.get(key).copied()
    }

    /// Finds the peer a key names, or the closest peers.
    pub fn find(&self, key: &str) -> Found {
        if let Some((index, kind)) = self.exact(key) {
            return Found::exact(index, kind);
        }
        closest(key, &self.names, PEER_THRESHOLD)
    }
}

/// Indicator names by key.
pub struct IndicatorNames {
    keys: HashMap<String, usize>,
    names: Vec<Vec<String>>,
}

impl IndicatorNames {
    pub fn new(scheme: &Scheme) -> IndicatorNames {
        let mut keys = HashMap::new();
        let mut names = Vec::with_capacity(scheme.indicators.len());
        for (i, indicator) in scheme.indicators.iter().enumerate() {
            let key = label_key(&indicator.name);
            keys.entry(key.clone()).or_insert(i);
            names.push(vec![key]);
        }
        IndicatorNames { keys, names }
    }

    /// Returns whether a key names an indicator exactly or in the city's usual
    /// wording.
    pub fn names_one(&self, key: &str) -> bool {
        self.keys.contains_key(key)
            || wordings(key).iter().any(|v| self.keys.contains_key(v))
    }

    /// Finds the indicator the first of `keys` (most specific first) names
    /// exactly or in the city's usual wording, else the closest.
    pub fn find(&self, keys: &[String]) -> Found {
        for key in keys {
            if let Some(&index) = self.keys.get(key) {
                return Found::exact(index, MatchKind::Exact);
            }
        }
        for key in keys {
            for variant in wordings(key) {
                if let Some(&index) = self.keys.get(&variant) {
                    return Found::exact(index, MatchKind::Alias);
                }
            }
        }
        let mut best = Found {
            index: None,
            kind: MatchKind::Unmatched,
            candidates: Vec::new(),
        };
        for key in keys {
            let found = closest(key, &self.names, INDICATOR_THRESHOLD);
            let score = |f: &Found| f.candidates.first().map_or(0.0, |c| c.1);
            if score(&found) > score(&best) {
                best = found;
            }
        }
        best
    }
}

/// Abbreviations and synonyms in the city's headers, with the scheme's
/// wording.
const WORDINGS: [(&str, &str); 6] = [
    ("规上", "规模以上"),
    ("限上", "限额以上"),
    ("社零额", "社会消费品零售总额"),
    ("社零", "社会消费品零售总额"),
    ("固投", "固定资产投资"),
    ("GDP", "地区生产总值"),
];

/// Endings that mean growth on the year before (增速).
const GROWTH_ENDINGS: [&str; 7] = [
    "比上年同期增长",
    "比上年增长",
    "同比增长",
    "同比增速",
    "增长率",
    "增长",
    "增幅",
];

/// Rewrites a header in the scheme's wording, one rewrite at a time
/// and all together.
fn wordings(key: &str) -> Vec<String> {
    let mut all = key.to_string();
    let mut variants = Vec::new();
    for (short, long) in WORDINGS {
        if key.contains(short) && !key.contains(long) {
            variants.push(key.replace(short, long));
            all = all.replace(short, long);
        }
    }
    for ending in GROWTH_ENDINGS {
        if let Some(stem) = all.strip_suffix(ending) {
            all = format!("{stem}增速");
            break;
        }
    }
    variants.push(all);
    variants
}

/// Finds the names at least `threshold` similar to `key`, best first.
fn closest(key: &str, names: &[Vec<String>], threshold: f64) -> Found {
    let mut scored: Vec<(usize, f64)> = names
        .iter()
        .enumerate()
        .map(|(i, all)| {
            let best = all
                .iter()
                .map(|name| similarity(key, name))
                .fold(0.0, f64::max);
            (i, best)
        })
        .filter(|(_, score)| *score >= threshold)
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    scored.truncate(MAX_CANDIDATES);
    Found {
        index: scored.first().map(|c| c.0),
        kind: if scored.is_empty() {
            MatchKind::Unmatched
        } else {
            MatchKind::Closest
        },
        candidates: scored,
    }
}

/// Similarity of two names in [0, 1]: the mean of the edit-distance
/// similarity and the shared-character (Dice) coefficient, over
/// characters.
pub fn similarity(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 0.0;
    }
    let edit = 1.0 - levenshtein(&a, &b) as f64 / longest as f64;
    (edit + dice(&a, &b)) / 2.0
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] =
                substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// Shared characters, counted with multiplicity, over both lengths.
fn dice(a: &[char], b: &[char]) -> f64 {
    let mut counts: HashMap<char, i32> = HashMap::new();
    for c in a {
        *counts.entry(*c).or_default() += 1;
    }
    let mut shared = 0;
    for c in b {
        if let Some(n) = counts.get_mut(c) {
            if *n > 0 {
                *n -= 1;
                shared += 1;
            }
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_names_score_high() {
        assert!(similarity("济阳县", "济阳区") >= PEER_THRESHOLD);
        assert!(similarity("槐阴区", "槐荫区") >= PEER_THRESHOLD);
        assert!(similarity("先行区", "起步区") < PEER_THRESHOLD);
        assert!(similarity("序号", "地区生产总值") < INDICATOR_THRESHOLD);
        assert_eq!(similarity("历下区", "历下区"), 1.0);
    }

    #[test]
    fn levenshtein_counts_edits() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(levenshtein(&chars("kitten"), &chars("sitting")), 3);
        assert_eq!(levenshtein(&chars(""), &chars("abc")), 3);
        assert_eq!(levenshtein(&chars("济阳区"), &chars("济阳县")), 1);
    }

    #[test]
    fn wordings_expand_abbreviations() {
        let variants = wordings("规上工业增加值增长");
        assert!(variants.contains(&"规模以上工业增加值增速".to_string()));
        assert!(
            wordings("固投同比增长").contains(&"固定资产投资增速".to_string())
        );
    }

    #[test]
    fn totals_and_notes_are_recognised() {
        for total in ["全市", "合计", "全市合计", "中心城区小计", "全市平均"]
        {
            assert!(is_total(total), "{total}");
        }
        assert!(!is_total("历下区"));
        assert!(is_note("注：数据来源于统计局"));
        assert!(!is_note("济阳区"));
    }
}
