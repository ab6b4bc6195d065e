//! The entry form (填报): a unit's indicators for the open period, the
//! live preview of each typed figure, and the lines to submit.

use std::collections::BTreeMap;

use serde::Serialize;

use dukao_core::{evaluate_indicator, Colour, Dataset, WhatIf};

use super::figure_input::parse_for;

/// One indicator the unit reports.
#[derive(Clone, Debug, PartialEq)]
pub struct EntryField {
    pub id: String,
    pub index: usize,
    pub name: String,
    pub measure: String,
    pub decimals: u32,
    /// The home figure stored for the open period.
    pub reported: Option<f64>,
}

impl EntryField {
    /// Parses a typed figure and checks it against what the indicator
    /// allows (no negative year-to-date amounts or counts, no extra
    /// digits). Empty text is `Ok(None)`; errors are Chinese messages.
    pub fn parse(&self, dataset: &Dataset, text: &str) -> Result<Option<f64>, String> {
        parse_for(dataset, &self.id, text)
    }
}

/// The indicators `unit` leads that are active in the open period.
pub fn fields(dataset: &Dataset, unit: &str) -> Vec<EntryField> {
    let open = dataset.figures.open_period;
    dataset
        .scheme
        .indicators
        .iter()
        .enumerate()
        .filter(|(_, spec)| spec.lead_unit == unit && spec.is_active(open))
        .map(|(index, spec)| EntryField {
            id: spec.id.clone(),
            index,
            name: spec.name.clone(),
            measure: spec.measure.clone(),
            decimals: spec.decimals,
            reported: dataset.peer_value(index, open, dataset.home()),
        })
        .collect()
}

/// What a typed figure would give the home.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Preview {
    /// Projected year-end score.
    pub score: f64,
    pub group_rank: Option<u32>,
    pub city_rank: Option<u32>,
    pub colour: Colour,
    /// Group rank in the open month's ranking.
    pub month_group_rank: Option<u32>,
}

/// Re-scores one indicator with `value` as the home's open-period
/// figure; `None` when the indicator is inactive in the open period.
pub fn preview(dataset: &Dataset, index: usize, value: f64) -> Option<Preview> {
    let spec = &dataset.scheme.indicators[index];
    let mut what_if = WhatIf::default();
    what_if.figures.insert(spec.id.clone(), value);
    let result = evaluate_indicator(dataset, index, &what_if);
    let home = dataset.home();
    let projection = result.projection.as_ref()?;
    let cell = projection.peers[home];
    let month = result.month(dataset.figures.open_period);
    Some(Preview {
        score: cell.score,
        group_rank: cell.group_rank,
        city_rank: cell.city_rank,
        colour: cell.colour,
        month_group_rank: month.and_then(|m| m.peers[home].group_rank),
    })
}

/// One figure sent to the backend; `previous` is the figure the form
/// was filled against, so the backend can reject a concurrent change.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntryLine {
    pub indicator: String,
    pub value: f64,
    pub previous: Option<f64>,
}

/// The lines to submit: every typed figure that differs from the stored
/// one. Invalid texts are returned as (indicator id, Chinese message).
pub fn lines(
    dataset: &Dataset,
    fields: &[EntryField],
    inputs: &BTreeMap<String, String>,
) -> Result<Vec<EntryLine>, Vec<(String, String)>> {
    let mut lines = Vec::new();
    let mut errors = Vec::new();
    for field in fields {
        let text = inputs.get(&field.id).map_or("", String::as_str);
        match field.parse(dataset, text) {
            Ok(Some(value)) if Some(value) != field.reported => {
                lines.push(EntryLine {
                    indicator: field.id.clone(),
                    value,
                    previous: field.reported,
                });
            }
            Ok(_) => {}
            Err(message) => errors.push((field.id.clone(), message)),
        }
    }
    if errors.is_empty() {
        Ok(lines)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view_model::fixture;

    #[test]
    fn fields_of_unit() {
        let dataset = fixture::dataset();
        let fields = fields(&dataset, "u1");
        assert_eq!(fields.len(), 1);
        assert_eq!(fields[0].id, "inv");
        assert_eq!(fields[0].reported, None, "March is not reported");
        let pol = &super::fields(&dataset, "u2")[0];
        assert_eq!(pol.reported, Some(25.0));
        assert!(super::fields(&dataset, "u3").is_empty());
    }

    #[test]
    fn preview_ranks_typed_figure() {
        let dataset = fixture::dataset();
        let index = dataset.indicator_index("pol").unwrap();
        // 12 days beats c (15) and b (20) but not a (10).
        let preview = preview(&dataset, index, 12.0).unwrap();
        assert_eq!(preview.month_group_rank, Some(2));
        assert_eq!(preview.group_rank, Some(2));
        assert_eq!(preview.colour, Colour::Yellow);
        assert!((preview.score - 4.0).abs() < 1e-9, "5 × (1 − 0.2)");
        let best = super::preview(&dataset, index, 1.0).unwrap();
        assert_eq!(best.group_rank, Some(1));
        assert_eq!(best.colour, Colour::Green);
    }

    #[test]
    fn lines_skip_unchanged_figures() {
        let dataset = fixture::dataset();
        let fields = fields(&dataset, "u2");
        let same = BTreeMap::from([("pol".to_string(), "25".to_string())]);
        assert_eq!(lines(&dataset, &fields, &same), Ok(Vec::new()));
        let changed = BTreeMap::from([("pol".to_string(), "18".to_string())]);
        let lines = lines(&dataset, &fields, &changed).unwrap();
        assert_eq!(
            lines,
            [EntryLine {
                indicator: "pol".to_string(),
                value: 18.0,
                previous: Some(25.0),
            }]
        );
    }

    #[test]
    fn lines_report_invalid_text() {
        let dataset = fixture::dataset();
        let fields = fields(&dataset, "u2");
        let bad = BTreeMap::from([("pol".to_string(), "十八".to_string())]);
        let errors = lines(&dataset, &fields, &bad).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].0, "pol");
        assert!(errors[0].1.contains("十八"));
    }

    #[test]
    fn parse_rejects_extra_digits() {
        let dataset = fixture::dataset();
        let field = &fields(&dataset, "u2")[0];
        assert_eq!(field.parse(&dataset, "12"), Ok(Some(12.0)));
        assert_eq!(field.parse(&dataset, "-3"), Ok(Some(-3.0)), "a level");
        let error = field.parse(&dataset, "99999999999999999999").unwrap_err();
        assert!(error.contains("超出允许范围"), "{error}");
    }
}
