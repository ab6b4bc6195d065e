//! Text normalisation shared by header, name and figure parsing.

/// Replaces full-width ASCII forms (Ａ, １, ％, －, （ …) with their
/// ASCII counterparts, the ideographic space with a space, and the
/// minus sign (U+2212), the en dash and the small hyphen-minus with `-`.
pub fn halfwidth(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '\u{3000}' => ' ',
            '\u{2212}' | '\u{2013}' | '\u{FE63}' => '-',
            _ => c,
        })
        .collect()
}

/// [`halfwidth`] with all whitespace removed: spreadsheets pad
/// two-character names ("历 下") and wrap long headers.
pub fn compact(text: &str) -> String {
    halfwidth(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Removes footnote marks at the end of a label: `*`, `※`, `△`, `▲`,
/// circled and superscript digits.
pub fn strip_marks(label: &str) -> &str {
    label.trim_end_matches(|c: char| {
        matches!(c, '*' | '※' | '△' | '▲' | '#')
            || ('\u{2460}'..='\u{2473}').contains(&c)
            || matches!(c, '¹' | '²' | '³' | '\u{2070}'..='\u{2079}')
    })
}

/// Builds the key that names are compared by: the compacted text
/// without footnote marks.
pub fn label_key(text: &str) -> String {
    strip_marks(&compact(text)).to_string()
}

/// Splits a unit off the end of a compacted header, e.g.
/// "营业收入(万元)" into ("营业收入", "万元") and "增速%" into ("增速",
/// "%"). A bracketed tail counts as a unit only when `is_unit` accepts
/// it, so "细颗粒物(PM2.5)平均浓度" and "投资(含基建)" keep theirs.
pub fn split_unit(
    header: &str,
    is_unit: impl Fn(&str) -> bool,
) -> (&str, Option<String>) {
    let header = strip_marks(header);
    for (open, close) in [('(', ')'), ('[', ']'), ('【', '】')] {
        if let Some(inner) = header.strip_suffix(close) {
            if let Some(start) = inner.rfind(open) {
                let content = &inner[start + open.len_utf8()..];
                let content = content
                    .trim_start_matches("单位:")
                    .trim_start_matches("单位");
                if is_unit(content) {
                    return (&inner[..start], Some(content.to_string()));
                }
            }
        }
    }
    if let Some(label) = header.strip_suffix('%') {
        return (label, Some("%".to_string()));
    }
    if let Some(start) = header.find("单位:") {
        let unit = &header[start + "单位:".len()..];
        if is_unit(unit) {
            return (&header[..start], Some(unit.to_string()));
        }
    }
    (header, None)
}

/// Finds the period a title or sheet name states: "2022年12月" or
/// "2022年1-12月" (the last month of a year-to-date range).
pub fn find_period(text: &str) -> Option<(i32, u32)> {
    let text = compact(text);
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c != '年' || i < 4 {
            continue;
        }
        let year: String = chars[i - 4..i].iter().collect();
        let Ok(year) = year.parse::<i32>() else {
            continue;
        };
        let rest: String = chars[i + 1..].iter().collect();
        let Some(end) = rest.find('月') else {
            continue;
        };
        let months = &rest[..end];
        let last = months
            .rsplit(['-', '—', '~', '至', '到'])
            .next()
            .unwrap_or(months);
        if let Ok(month) = last.parse::<u32>() {
            if (1..=12).contains(&month) && (2000..=2100).contains(&year) {
                return Some((year, month));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn any_unit(text: &str) -> bool {
        matches!(text, "万元" | "亿元" | "%")
    }

    #[test]
    fn halfwidth_maps_fullwidth_forms() {
        assert_eq!(halfwidth("１２．５％"), "12.5%");
        assert_eq!(halfwidth("－３"), "-3");
        assert_eq!(halfwidth("\u{2212}3"), "-3");
        assert_eq!(halfwidth("（万元）"), "(万元)");
        assert_eq!(halfwidth("１，２３４"), "1,234");
    }

    #[test]
    fn compact_removes_padding() {
        assert_eq!(compact("历　下"), "历下");
        assert_eq!(compact(" 济阳区\n"), "济阳区");
    }

    #[test]
    fn units_split_off_headers() {
        assert_eq!(
            split_unit("营业收入(万元)", any_unit),
            ("营业收入", Some("万元".to_string()))
        );
        assert_eq!(split_unit("增速%", any_unit), ("增速", Some("%".into())));
        assert_eq!(
            split_unit("营业收入(单位:亿元)", any_unit),
            ("营业收入", Some("亿元".to_string()))
        );
        assert_eq!(
            split_unit("细颗粒物(PM2.5)平均浓度", any_unit),
            ("细颗粒物(PM2.5)平均浓度", None)
        );
        assert_eq!(
            split_unit("投资(含基建)", any_unit),
            ("投资(含基建)", None)
        );
        assert_eq!(split_unit("增速*", any_unit), ("增速", None));
    }

    #[test]
    fn periods_are_found_in_titles() {
        assert_eq!(find_period("2022年12月各区县主要指标"), Some((2022, 12)));
        assert_eq!(find_period("济南市2022年1-11月"), Some((2022, 11)));
        assert_eq!(find_period("２０２２年１—３月"), Some((2022, 3)));
        assert_eq!(find_period("各区县主要指标"), None);
        assert_eq!(find_period("2022年度"), None);
    }
}
