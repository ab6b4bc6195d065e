//! Figures typed by hand: parsing, and the what-if figures they make.

use std::collections::BTreeMap;

use dukao_core::model::MAX_FIGURE_MAGNITUDE;
use dukao_core::{Dataset, WhatIf};

/// Checks the commas of `number` (signs, digits, commas and points):
/// only thousands separators, one every three digits of the whole part.
/// A comma elsewhere, such as the decimal comma in "12,5", is rejected
/// rather than dropped, which would read it as 125.
fn commas_are_separators(number: &str) -> bool {
    if !number.contains(',') {
        return true;
    }
    let unsigned = number.trim_start_matches(['-', '+']);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let mut groups = whole.split(',');
    let first = groups.next().unwrap_or("");
    !fraction.contains(',')
        && (1..=3).contains(&first.len())
        && groups.all(|group| group.len() == 3)
}

/// Parses a typed figure. Empty text is `Ok(None)`. Full-width digits,
/// signs and points (as Chinese input methods type them), spaces and
/// thousands separators are accepted; anything else gets a Chinese
/// message naming the text and what to type.
pub fn parse_figure(text: &str) -> Result<Option<f64>, String> {
    // Spaces inside the number count as thousands separators, so "12 5"
    // is rejected like "12,5" rather than read as 125.
    let normalised: String = text
        .trim()
        .chars()
        .filter_map(|c| match c {
            '０'..='９' => {
                char::from_u32(c as u32 - '０' as u32 + '0' as u32)
            }
            '．' | '。' => Some('.'),
            '－' | '—' | '−' => Some('-'),
            '＋' => Some('+'),
            '，' => Some(','),
            c if c.is_whitespace() => Some(','),
            c => Some(c),
        })
        .collect();
    if normalised.is_empty() {
        return Ok(None);
    }
    if !commas_are_separators(&normalised) {
        return Err(format!(
            "“{}”中的逗号位置不对：小数点请用“.”，千位分隔符每三位一个，例如 12.5 或 1,234.5",
            text.trim()
        ));
    }
    let normalised = normalised.replace(',', "");
    let plain = normalised
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'));
    let value = normalised.parse::<f64>().ok().filter(|v| v.is_finite());
    match value {
        Some(value) if plain && value.abs() > MAX_FIGURE_MAGNITUDE => Err(format!(
            "“{}”超出允许范围（绝对值不超过 1000 万亿），请检查是否多输了位数",
            text.trim()
        )),
        Some(value) if plain => Ok(Some(value)),
        _ => Err(format!(
            "“{}”不是有效数字，请填写数字，例如 12.5",
            text.trim()
        )),
    }
}

/// Parses a typed figure for the indicator `id` and checks it against
/// what the indicator allows, as the server does for a report.
pub fn parse_for(
    dataset: &Dataset,
    id: &str,
    text: &str,
) -> Result<Option<f64>, String> {
    let Some(value) = parse_figure(text)? else {
        return Ok(None);
    };
    if let Some(index) = dataset.indicator_index(id) {
        let spec = &dataset.scheme.indicators[index];
        spec.check_figure(value).map_err(|e| e.message_zh(spec))?;
    }
    Ok(Some(value))
}

/// The what-if figures from the typed texts by indicator id; empty and
/// invalid texts are left out.
pub fn what_if(dataset: &Dataset, inputs: &BTreeMap<String, String>) -> WhatIf {
    let mut what_if = WhatIf::default();
    for (id, text) in inputs {
        if let Ok(Some(value)) = parse_for(dataset, id, text) {
            what_if.figures.insert(id.clone(), value);
        }
    }
    what_if
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_plain_numbers() {
        assert_eq!(parse_figure("12.5"), Ok(Some(12.5)));
        assert_eq!(parse_figure(" -3 "), Ok(Some(-3.0)));
        assert_eq!(parse_figure("+0.25"), Ok(Some(0.25)));
        assert_eq!(parse_figure("1,234.5"), Ok(Some(1234.5)));
        assert_eq!(parse_figure("-12,345,678"), Ok(Some(-12345678.0)));
        assert_eq!(parse_figure("１，２３４"), Ok(Some(1234.0)));
        assert_eq!(parse_figure("12 345"), Ok(Some(12345.0)));
        assert_eq!(parse_figure("\t7.5\u{a0}"), Ok(Some(7.5)));
    }

    #[test]
    fn parse_rejects_extra_digits_as_typed() {
        let error = parse_figure("99999999999999999999").unwrap_err();
        assert!(error.contains("“99999999999999999999”超出允许范围"), "{error}");
    }

    #[test]
    fn parse_rejects_misplaced_commas() {
        for text in ["12,5", "4，8", "1,23", "1234,567", ",5", "1,234.5,6", "1,,234", "12 5", "12\u{a0}.5"] {
            let error = parse_figure(text).unwrap_err();
            assert!(error.contains("逗号位置不对"), "{text}: {error}");
            assert!(error.contains(text), "{text}: {error}");
        }
    }

    #[test]
    fn parse_full_width_input() {
        assert_eq!(parse_figure("１２．５"), Ok(Some(12.5)));
        assert_eq!(parse_figure("－７"), Ok(Some(-7.0)));
    }

    #[test]
    fn parse_empty_is_none() {
        assert_eq!(parse_figure(""), Ok(None));
        assert_eq!(parse_figure("   "), Ok(None));
    }

    #[test]
    fn parse_rejects_words_with_message() {
        let error = parse_figure("abc").unwrap_err();
        assert!(error.contains("“abc”"), "{error}");
        assert!(error.contains("不是有效数字"), "{error}");
        for text in ["inf", "NaN", "1e400", "1.2.3", "12%", "--1"] {
            assert!(parse_figure(text).is_err(), "{text} was accepted");
        }
    }

    #[test]
    fn what_if_keeps_valid_figures_only() {
        let inputs = BTreeMap::from([
            ("a".to_string(), "1.5".to_string()),
            ("b".to_string(), "oops".to_string()),
            ("c".to_string(), String::new()),
        ]);
        let what_if = what_if(&crate::view_model::fixture::dataset(), &inputs);
        assert_eq!(what_if.figures.len(), 1);
        assert_eq!(what_if.figures.get("a"), Some(&1.5));
    }
}
