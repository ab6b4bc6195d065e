//! Indicator headers as the city writes them: group headers over
//! sub-headers (累计, 增速), ranks and scores to leave out.

/// Sub-headers that add nothing to the indicator's name.
const FILLERS: [&str; 13] = [
    "累计",
    "本年累计",
    "本月",
    "当月",
    "绝对值",
    "总量",
    "总额",
    "金额",
    "完成额",
    "完成值",
    "完成",
    "数值",
    "规模",
];
/// Sub-headers that mean growth on the year before.
const GROWTH: [&str; 7] = [
    "增速",
    "增长",
    "增幅",
    "增长率",
    "同比",
    "同比增长",
    "比上年增长",
];
/// Headers of ranks and scores the city computed.
const RANK_WORDS: [&str; 6] = ["排名", "位次", "名次", "排序", "得分", "分值"];

/// Builds the keys to look a header up by, most specific first.
pub(crate) fn header_keys(parts: &[String]) -> Vec<String> {
    let n = parts.len();
    let mut keys = Vec::new();
    // A group header 增速 over indicator names: 增速 / 地区生产总值.
    if let Some(at) = parts[..n.saturating_sub(1)]
        .iter()
        .position(|p| GROWTH.contains(&p.as_str()))
    {
        let rest: String = parts
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != at)
            .map(|(_, p)| p.as_str())
            .collect();
        keys.push(format!("{rest}增速"));
    }
    keys.extend((0..n).map(|i| parts[i..].concat()));
    if n >= 2 {
        let last = parts[n - 1].as_str();
        let parent = parts[..n - 1].concat();
        let is_range = last.ends_with('月') && last.contains(['-', '—', '至']);
        if FILLERS.contains(&last) || is_range {
            keys.push(parent.clone());
            keys.push(parts[n - 2].clone());
        } else if GROWTH.contains(&last) {
            keys.push(format!("{parent}增速"));
            keys.push(format!("{}增速", parts[n - 2]));
        }
    }
    keys.retain(|k| !k.is_empty());
    keys
}

pub(crate) fn is_rank_header(parts: &[String]) -> bool {
    parts.last().is_some_and(|last| {
        RANK_WORDS.iter().any(|w| last == w || last.ends_with(w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(parts: &[&str]) -> Vec<String> {
        let parts: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
        header_keys(&parts)
    }

    #[test]
    fn header_keys_join_parents() {
        assert_eq!(keys(&["地区生产总值增速"]), vec!["地区生产总值增速"]);
        let two = keys(&["一般公共预算收入", "累计"]);
        assert!(two.contains(&"一般公共预算收入".to_string()));
        let growth = keys(&["固定资产投资", "增长"]);
        assert!(growth.contains(&"固定资产投资增速".to_string()));
        let grouped = keys(&["增速", "地区生产总值"]);
        assert_eq!(grouped[0], "地区生产总值增速");
        let range = keys(&["进出口总额", "1-12月"]);
        assert!(range.contains(&"进出口总额".to_string()));
    }

    #[test]
    fn rank_headers_are_recognised() {
        let parts =
            |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!(is_rank_header(&parts(&["固定资产投资", "排名"])));
        assert!(is_rank_header(&parts(&["全市位次"])));
        assert!(!is_rank_header(&parts(&["固定资产投资", "增速"])));
    }
}
