//! The home peer's figures for the open period and peers' figures.

use dukao_core::model::{Indicator, Series};
use dukao_core::Period;
use serde::Deserialize;

use super::{conflict, json_text, Change, Context};
use crate::error::ApiError;
use crate::store::{Doc, Documents};

/// `PUT /api/figures`: the home peer's figures for the open period.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FiguresRequest {
    pub period: Period,
    pub entries: Vec<FigureEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureEntry {
    pub indicator: String,
    pub value: Option<f64>,
    /// The stored value the client saw; the write is rejected with 409
    /// when the stored value differs.
    #[serde(default)]
    pub previous: Option<f64>,
}

/// `PUT /api/peer-figures`: the city's figures for peers.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeerFiguresRequest {
    pub period: Period,
    pub entries: Vec<PeerFigureEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeerFigureEntry {
    pub indicator: String,
    pub peer: String,
    pub value: Option<f64>,
}

fn months(period: Period) -> i64 {
    period.year as i64 * 12 + period.month as i64 - 1
}

fn find<'a>(
    list: &'a [Series],
    indicator: &str,
    entity: &str,
) -> Option<&'a Series> {
    list.iter()
        .find(|s| s.indicator == indicator && s.entity == entity)
}

/// The stored figure of one series in one period.
pub fn series_value(
    list: &[Series],
    indicator: &str,
    entity: &str,
    period: Period,
) -> Option<f64> {
    let series = find(list, indicator, entity)?;
    let offset = months(period) - months(series.from);
    if offset < 0 {
        return None;
    }
    series.values.get(offset as usize).copied().flatten()
}

/// Sets one figure, creating or widening the series as needed. A source
/// recorded for that period is dropped because it no longer describes
/// the figure.
pub fn set_series_value(
    list: &mut Vec<Series>,
    indicator: &str,
    entity: &str,
    period: Period,
    value: Option<f64>,
) {
    let position = list
        .iter()
        .position(|s| s.indicator == indicator && s.entity == entity);
    let Some(position) = position else {
        if value.is_some() {
            list.push(Series {
                indicator: indicator.to_string(),
                entity: entity.to_string(),
                from: period,
                values: vec![value],
                sources: Vec::new(),
            });
        }
        return;
    };
    let series = &mut list[position];
    series.sources.retain(|s| s.period != period);
    let mut offset = months(period) - months(series.from);
    if offset < 0 {
        if value.is_none() {
            return;
        }
        let gap = (-offset) as usize;
        let mut values = vec![None; gap];
        values.append(&mut series.values);
        series.values = values;
        series.from = period;
        offset = 0;
    }
    let offset = offset as usize;
    if offset >= series.values.len() {
        if value.is_none() {
            return;
        }
        series.values.resize(offset + 1, None);
    }
    series.values[offset] = value;
}

/// Rejects figures the indicator's measure makes impossible:
/// year-to-date amounts and counted events cannot be negative, rates
/// and levels may be.
fn check_value(
    indicator: &Indicator,
    value: Option<f64>,
    path: &str,
) -> Result<(), ApiError> {
    let Some(value) = value else {
        return Ok(());
    };
    if let Err(e) = indicator.check_figure(value) {
        let message = e.message(indicator);
        tracing::warn!(indicator = %indicator.id, "{message}");
        return Err(ApiError::invalid(message, e.message_zh(indicator))
            .at(path)
            .value(value));
    }
    Ok(())
}

fn indicator<'a>(
    documents: &'a Documents,
    id: &str,
    path: &str,
) -> Result<&'a Indicator, ApiError> {
    documents
        .scheme
        .indicators
        .iter()
        .find(|i| i.id == id)
        .ok_or_else(|| ApiError::unknown("indicator", "指标", id).at(path))
}

/// Applies the home peer's figures for the open period.
pub fn apply_figures(
    documents: &mut Documents,
    context: &Context,
    request: &FiguresRequest,
) -> Result<Change, ApiError> {
    context.require_writer()?;
    let open = documents.figures.open_period;
    if request.period != open {
        return Err(conflict(
            "period_closed",
            format!(
                "period {} is not open: figures are collected for {open} only",
                request.period
            ),
            format!(
                "{} 不是当前填报月份，只能填报 {open} 的数据",
                request.period
            ),
        )
        .at("$.period")
        .value(request.period));
    }
    let home = documents.scheme.home.clone();
    let mut entries = Vec::with_capacity(request.entries.len());
    for (i, entry) in request.entries.iter().enumerate() {
        let path = format!("$.entries[{i}]");
        let spec = indicator(documents, &entry.indicator, &path)?;
        context.require_unit(
            &spec.lead_unit,
            &format!("indicator {}", spec.id),
            &format!("指标“{}”", spec.name),
        )?;
        if !spec.is_active(open) {
            return Err(ApiError::invalid(
                format!("indicator {} is not assessed in {open}", spec.id),
                format!("指标“{}”在 {open} 不参与考核，无需填报", spec.name),
            )
            .at(format!("{path}.indicator"))
            .value(&spec.id));
        }
        check_value(spec, entry.value, &format!("{path}.value"))?;
        let stored =
            series_value(&documents.figures.peers, &spec.id, &home, open);
        if stored != entry.previous {
            let current = serde_json::json!({
                "indicator": spec.id,
                "value": stored,
            });
            let mut error = conflict(
                "conflict",
                format!(
                    "figure of indicator {} changed to {} since it was read: \
                     review the current value and submit again",
                    spec.id,
                    json_text(&stored)
                ),
                format!(
                    "指标“{}”的数据已被他人修改为 {}，请核对后重新提交",
                    spec.name,
                    json_text(&stored)
                ),
            )
            .at(format!("{path}.previous"));
            error.extra = Some(("current", current));
            return Err(error);
        }
        let spec_id = spec.id.clone();
        set_series_value(
            &mut documents.figures.peers,
            &spec_id,
            &home,
            open,
            entry.value,
        );
        entries.push(context.entry(
            "figure.set",
            format!("figures/{home}/{spec_id}/{open}"),
            Some(json_text(&stored)),
            Some(json_text(&entry.value)),
        ));
    }
    documents.figures.updated_at = context.now.to_string();
    Ok(Change {
        docs: vec![Doc::Figures],
        entries,
    })
}

/// Applies peers' figures for one month (office only).
pub fn apply_peer_figures(
    documents: &mut Documents,
    context: &Context,
    request: &PeerFiguresRequest,
) -> Result<Change, ApiError> {
    context.require_office()?;
    let year = documents.scheme.year;
    if request.period.offset_from_year_before(year).is_none() {
        return Err(ApiError::invalid(
            format!(
                "period {} is outside {} and {year}",
                request.period,
                year - 1
            ),
            format!(
                "月份 {} 不在 {} 年或 {year} 年内，请改正月份",
                request.period,
                year - 1
            ),
        )
        .at("$.period")
        .value(request.period));
    }
    let period = request.period;
    let mut entries = Vec::with_capacity(request.entries.len());
    for (i, entry) in request.entries.iter().enumerate() {
        let path = format!("$.entries[{i}]");
        let spec = indicator(documents, &entry.indicator, &path)?;
        if !documents.scheme.peers.iter().any(|p| p.id == entry.peer) {
            return Err(ApiError::unknown("peer", "区县", &entry.peer)
                .at(format!("{path}.peer")));
        }
        check_value(spec, entry.value, &format!("{path}.value"))?;
        let spec_id = spec.id.clone();
        let list = &mut documents.figures.peers;
        let old = series_value(list, &spec_id, &entry.peer, period);
        set_series_value(list, &spec_id, &entry.peer, period, entry.value);
        entries.push(context.entry(
            "peer_figure.set",
            format!("figures/{}/{spec_id}/{period}", entry.peer),
            Some(json_text(&old)),
            Some(json_text(&entry.value)),
        ));
    }
    documents.figures.updated_at = context.now.to_string();
    Ok(Change {
        docs: vec![Doc::Figures],
        entries,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(text: &str) -> Period {
        text.parse().unwrap()
    }

    #[test]
    fn set_value_extends_series_both_ways() {
        let mut list = vec![Series {
            indicator: "a".into(),
            entity: "x".into(),
            from: period("2026-03"),
            values: vec![Some(1.0)],
            sources: Vec::new(),
        }];
        set_series_value(&mut list, "a", "x", period("2026-01"), Some(0.5));
        set_series_value(&mut list, "a", "x", period("2026-05"), Some(2.0));
        assert_eq!(list[0].from, period("2026-01"));
        assert_eq!(
            list[0].values,
            vec![Some(0.5), None, Some(1.0), None, Some(2.0)]
        );
        let value = series_value(&list, "a", "x", period("2026-03"));
        assert_eq!(value, Some(1.0));
    }

    #[test]
    fn set_value_creates_missing_series() {
        let mut list = Vec::new();
        set_series_value(&mut list, "a", "x", period("2026-02"), None);
        assert!(list.is_empty());
        set_series_value(&mut list, "a", "x", period("2026-02"), Some(3.0));
        assert_eq!(list.len(), 1);
        assert_eq!(series_value(&list, "a", "x", period("2026-02")), Some(3.0));
        assert_eq!(series_value(&list, "a", "x", period("2026-01")), None);
    }
}
