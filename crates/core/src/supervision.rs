//! Supervision items (督办事项): raised by the rules from the computed
//! results, merged with their handling records, and scored.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use crate::dataset::Dataset;
use crate::evaluate::IndicatorReport;
use crate::model::{ItemKind, ItemRecord, ItemStatus, Method};
use crate::period::{Date, Period};
use crate::scoring::Colour;

/// A supervision item with its handling state and points.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Item {
    /// `kind:indicator:period`, stable across recomputes.
    pub id: String,
    pub indicator: String,
    pub period: Period,
    pub kind: ItemKind,
    /// The reason the item was raised, in Chinese.
    pub reason: String,
    pub lead_unit: String,
    pub status: ItemStatus,
    pub due: Date,
    /// Not closed and past its due date.
    pub overdue: bool,
    /// Points its handling earns or loses the lead unit.
    pub handling_points: f64,
    /// The rules raise it now (else only its record keeps it).
    pub raised_by_rule: bool,
    pub responded: Option<Date>,
    pub rectified: Option<Date>,
    pub closed: Option<Date>,
    pub note: String,
}

/// Returns the id of the item of this kind, indicator and period.
pub fn item_id(kind: ItemKind, indicator: &str, period: Period) -> String {
    let kind = match kind {
        ItemKind::Pre => "pre",
        ItemKind::Post => "post",
        ItemKind::Missing => "missing",
    };
    format!("{kind}:{indicator}:{period}")
}

type Key = (String, Period, ItemKind);

/// Items raised by the rules, merged with the log's records; one per
/// indicator, period and kind, newest period first.
pub fn items(dataset: &Dataset, reports: &[IndicatorReport]) -> Vec<Item> {
    let raised = raise(dataset, reports);
    let records: BTreeMap<Key, &ItemRecord> = dataset
        .supervision
        .items
        .iter()
        .map(|r| ((r.indicator.clone(), r.period, r.kind), r))
        .collect();
    let mut keys: Vec<&Key> = raised.keys().chain(records.keys()).collect();
    let mut seen = HashSet::new();
    keys.retain(|key| seen.insert(*key));
    let mut items: Vec<Item> = keys
        .into_iter()
        .map(|key| {
            let reason = raised.get(key).cloned();
            build(dataset, reports, key, reason, records.get(key).copied())
        })
        .collect();
    items.sort_by(|a, b| {
        b.period
            .cmp(&a.period)
            .then(a.kind.cmp(&b.kind))
            .then(a.indicator.cmp(&b.indicator))
    });
    items
}

fn raise(
    dataset: &Dataset,
    reports: &[IndicatorReport],
) -> BTreeMap<Key, String> {
    let home = dataset.home();
    let rules = &dataset.scheme.supervision;
    let mut raised = BTreeMap::new();
    for (spec, report) in dataset.scheme.indicators.iter().zip(reports) {
        for month in report.months.iter().flatten() {
            if month.period >= dataset.figures.open_period {
                continue;
            }
            let cell = month.peers[home];
            let key = |kind| (spec.id.clone(), month.period, kind);
            if cell.missing() {
                raised
                    .insert(key(ItemKind::Missing), "本月数据缺报".to_string());
                continue;
            }
            let fell = month
                .rank_change
                .filter(|change| *change <= -(rules.rank_drop as i32));
            let reason = match (cell.colour, fell) {
                (Colour::Red, _) => "小组排名末位（红）".to_string(),
                (_, Some(change)) => format!("小组排名下降 {} 位", -change),
                _ => continue,
            };
            raised.insert(key(ItemKind::Post), reason);
        }
        let Some(projection) = &report.projection else {
            continue;
        };
        let cell = projection.peers[home];
        if cell.missing() {
            continue;
        }
        let floor = rules.pre_score_share * spec.full_points;
        let scored = !matches!(spec.method, Method::BonusPenalty { .. });
        let reason = if cell.colour == Colour::Red {
            "预估小组排名末位（红）".to_string()
        } else if scored && cell.score < floor {
            format!("预估得分 {:.2} 低于 {:.2}", cell.score, floor)
        } else {
            continue;
        };
        raised.insert(
            (spec.id.clone(), projection.period, ItemKind::Pre),
            reason,
        );
    }
    raised
}

fn build(
    dataset: &Dataset,
    reports: &[IndicatorReport],
    key: &Key,
    reason: Option<String>,
    record: Option<&ItemRecord>,
) -> Item {
    let (indicator, period, kind) = key;
    let rules = &dataset.scheme.supervision;
    let index = dataset.indicator_index(indicator);
    let lead_unit = index
        .map(|i| dataset.scheme.indicators[i].lead_unit.clone())
        .unwrap_or_default();
    let due = record.and_then(|r| r.due).unwrap_or_else(|| match kind {
        ItemKind::Pre => period.last_day(),
        _ => period.last_day().add_days(rules.due_days),
    });
    let status = record.map_or(ItemStatus::Open, |r| r.status);
    let closed = record.and_then(|r| r.closed);
    let as_of = dataset.figures.as_of;
    let mut points = match (status, closed) {
        (ItemStatus::Closed, Some(date)) if date > due => {
            rules.points_closed_late
        }
        (ItemStatus::Closed, _) => rules.points_closed_on_time,
        _ if as_of.year > dataset.scheme.year => rules.points_open_at_year_end,
        _ => 0.0,
    };
    let report = index.map(|i| &reports[i]);
    let home_colour = |period: Period| {
        report
            .and_then(|r| r.month(period))
            .filter(|_| period < dataset.figures.open_period)
            .map(|m| m.peers[dataset.home()].colour)
    };
    let was_red = home_colour(*period) == Some(Colour::Red);
    if *kind == ItemKind::Post && was_red {
        let next = home_colour(period.next());
        if next.is_some_and(|c| matches!(c, Colour::Green | Colour::Yellow)) {
            points += rules.points_out_of_red;
        }
    }
    Item {
        id: item_id(*kind, indicator, *period),
        indicator: indicator.clone(),
        period: *period,
        kind: *kind,
        raised_by_rule: reason.is_some(),
        reason: reason.unwrap_or_else(|| "督查室立项".to_string()),
        lead_unit,
        status,
        due,
        overdue: status != ItemStatus::Closed && as_of > due,
        handling_points: points,
        responded: record.and_then(|r| r.responded),
        rectified: record.and_then(|r| r.rectified),
        closed,
        note: record.map(|r| r.note.clone()).unwrap_or_default(),
    }
}
