//! Supervision items (督办) by state, the actions a role may take, and
//! the handling points per unit.

use dukao_core::model::{ItemKind, ItemStatus};
use dukao_core::supervision::Item;
use dukao_core::{Dataset, Report};

/// The state an item is listed under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemState {
    Overdue,
    Open,
    Closed,
}

impl ItemState {
    pub fn of(item: &Item) -> ItemState {
        if item.status == ItemStatus::Closed {
            ItemState::Closed
        } else if item.overdue {
            ItemState::Overdue
        } else {
            ItemState::Open
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            ItemState::Overdue => "已逾期",
            ItemState::Open => "办理中",
            ItemState::Closed => "已办结",
        }
    }

    /// The state's key in URLs and CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            ItemState::Overdue => "overdue",
            ItemState::Open => "open",
            ItemState::Closed => "closed",
        }
    }

    pub fn from_key(key: &str) -> Option<ItemState> {
        [ItemState::Overdue, ItemState::Open, ItemState::Closed]
            .into_iter()
            .find(|s| s.key() == key)
    }
}

/// The kind's name as the office writes it.
pub fn kind_zh(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Pre => "事前督查",
        ItemKind::Post => "事后督查",
        ItemKind::Missing => "缺报",
    }
}

/// The status's name, as the backend's messages write it.
pub fn status_zh(status: ItemStatus) -> &'static str {
    match status {
        ItemStatus::Open => "待办",
        ItemStatus::Responded => "已反馈",
        ItemStatus::Rectified => "已整改",
        ItemStatus::Closed => "已办结",
    }
}

/// An action on an item, as the backend names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Respond,
    Rectify,
    Close,
    Reopen,
}

impl Action {
    pub fn key(self) -> &'static str {
        match self {
            Action::Respond => "respond",
            Action::Rectify => "rectify",
            Action::Close => "close",
            Action::Reopen => "reopen",
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Action::Respond => "反馈",
            Action::Rectify => "已整改",
            Action::Close => "办结",
            Action::Reopen => "重新打开",
        }
    }
}

/// The actions an account may take on an item, mirroring the backend's
/// rules: a reporter responds to and rectifies items of indicators its
/// unit leads; the office may also close and reopen; other roles read.
pub fn actions(role: &str, unit: Option<&str>, item: &Item) -> Vec<Action> {
    let office = role == "office";
    let own = role == "reporter" && unit == Some(item.lead_unit.as_str());
    if !office && !own {
        return Vec::new();
    }
    let mut actions = Vec::new();
    match item.status {
        ItemStatus::Open | ItemStatus::Responded => {
            actions.push(Action::Respond);
            actions.push(Action::Rectify);
        }
        ItemStatus::Rectified => actions.push(Action::Rectify),
        ItemStatus::Closed => {}
    }
    if office {
        if item.status == ItemStatus::Closed {
            actions.push(Action::Reopen);
        } else {
            actions.push(Action::Close);
        }
    }
    actions
}

/// The kind's key in URLs and drop-downs.
pub fn kind_key(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Pre => "pre",
        ItemKind::Post => "post",
        ItemKind::Missing => "missing",
    }
}

/// The kind a key names.
pub fn kind_from_key(key: &str) -> Option<ItemKind> {
    [ItemKind::Pre, ItemKind::Post, ItemKind::Missing]
        .into_iter()
        .find(|k| kind_key(*k) == key)
}

/// Criteria for the listed items; `None` keeps all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ItemFilter {
    pub lead_unit: Option<String>,
    pub kind: Option<ItemKind>,
}

impl ItemFilter {
    pub fn keeps(&self, item: &Item) -> bool {
        self.lead_unit.as_ref().is_none_or(|u| *u == item.lead_unit)
            && self.kind.is_none_or(|k| k == item.kind)
    }
}

/// Items in one state, newest period first (the engine's order).
pub fn in_state(report: &Report, state: ItemState) -> Vec<Item> {
    in_state_filtered(report, state, &ItemFilter::default())
}

/// Items in one state that pass `filter`, newest period first.
pub fn in_state_filtered(
    report: &Report,
    state: ItemState,
    filter: &ItemFilter,
) -> Vec<Item> {
    report
        .supervision
        .iter()
        .filter(|item| ItemState::of(item) == state && filter.keeps(item))
        .cloned()
        .collect()
}

/// Lead units with at least one item, in scheme order, as (id, name).
pub fn units_with_items(
    dataset: &Dataset,
    report: &Report,
) -> Vec<(String, String)> {
    dataset
        .scheme
        .units
        .iter()
        .filter(|u| report.supervision.iter().any(|i| i.lead_unit == u.id))
        .map(|u| (u.id.clone(), u.name.clone()))
        .collect()
}

/// One unit's handling points.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitPoints {
    pub unit: String,
    pub name: String,
    pub items: usize,
    pub open: usize,
    pub overdue: usize,
    pub points: f64,
}

/// Handling points per lead unit, for units with at least one item,
/// lowest points first so the units losing points lead.
pub fn points_by_unit(dataset: &Dataset, report: &Report) -> Vec<UnitPoints> {
    let mut rows: Vec<UnitPoints> = dataset
        .scheme
        .units
        .iter()
        .map(|unit| UnitPoints {
            unit: unit.id.clone(),
            name: unit.name.clone(),
            items: 0,
            open: 0,
            overdue: 0,
            points: 0.0,
        })
        .collect();
    for item in &report.supervision {
        let Some(row) = rows.iter_mut().find(|r| r.unit == item.lead_unit)
        else {
            continue;
        };
        row.items += 1;
        row.points += item.handling_points;
        match ItemState::of(item) {
            ItemState::Open => row.open += 1,
            ItemState::Overdue => {
                row.open += 1;
                row.overdue += 1;
            }
            ItemState::Closed => {}
        }
    }
    rows.retain(|r| r.items > 0);
    rows.sort_by(|a, b| {
        a.points.total_cmp(&b.points).then(a.name.cmp(&b.name))
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view_model::fixture;

    fn item(status: ItemStatus, lead_unit: &str) -> Item {
        let (_, report) = fixture::evaluated();
        let mut item = report.supervision[0].clone();
        item.status = status;
        item.lead_unit = lead_unit.to_string();
        item
    }

    #[test]
    fn actions_for_own_reporter() {
        let open = item(ItemStatus::Open, "u1");
        assert_eq!(
            actions("reporter", Some("u1"), &open),
            [Action::Respond, Action::Rectify]
        );
        assert!(actions("reporter", Some("u2"), &open).is_empty());
        let closed = item(ItemStatus::Closed, "u1");
        assert!(actions("reporter", Some("u1"), &closed).is_empty());
    }

    #[test]
    fn actions_for_office_and_readers() {
        let open = item(ItemStatus::Rectified, "u1");
        assert_eq!(
            actions("office", None, &open),
            [Action::Rectify, Action::Close]
        );
        let closed = item(ItemStatus::Closed, "u1");
        assert_eq!(actions("office", None, &closed), [Action::Reopen]);
        assert!(actions("leader", None, &open).is_empty());
        assert!(actions("kiosk", Some("u1"), &open).is_empty());
    }

    #[test]
    fn states_partition_items() {
        let (_, report) = fixture::evaluated();
        let total: usize =
            [ItemState::Overdue, ItemState::Open, ItemState::Closed]
                .into_iter()
                .map(|s| in_state(&report, s).len())
                .sum();
        assert_eq!(total, report.supervision.len());
        let closed = in_state(&report, ItemState::Closed);
        assert_eq!(closed.len(), 1);
        assert_eq!(closed[0].indicator, "inv");
    }

    #[test]
    fn points_by_unit_counts_items() {
        let (dataset, report) = fixture::evaluated();
        let rows = points_by_unit(&dataset, &report);
        let items: usize = rows.iter().map(|r| r.items).sum();
        assert_eq!(items, report.supervision.len());
        for pair in rows.windows(2) {
            assert!(pair[0].points <= pair[1].points);
        }
        let pol = rows.iter().find(|r| r.unit == "u2").expect("pol is red");
        assert!(pol.open > 0);
    }

    #[test]
    fn filter_by_unit_and_kind() {
        let (dataset, report) = fixture::evaluated();
        let all: usize =
            [ItemState::Overdue, ItemState::Open, ItemState::Closed]
                .into_iter()
                .map(|s| in_state(&report, s).len())
                .sum();
        let by_unit = ItemFilter {
            lead_unit: Some("u2".to_string()),
            ..ItemFilter::default()
        };
        let u2: Vec<Item> =
            [ItemState::Overdue, ItemState::Open, ItemState::Closed]
                .into_iter()
                .flat_map(|s| in_state_filtered(&report, s, &by_unit))
                .collect();
        assert!(!u2.is_empty());
        assert!(u2.len() < all, "u1's closed inv item is left out");
        assert!(u2.iter().all(|i| i.lead_unit == "u2"));
        let post = ItemFilter {
            kind: Some(ItemKind::Post),
            ..ItemFilter::default()
        };
        let closed = in_state_filtered(&report, ItemState::Closed, &post);
        assert_eq!(closed.len(), 1);
        let pre = ItemFilter {
            kind: Some(ItemKind::Pre),
            ..ItemFilter::default()
        };
        assert!(in_state_filtered(&report, ItemState::Closed, &pre).is_empty());
        let units = units_with_items(&dataset, &report);
        assert!(units.iter().any(|(id, _)| id == "u2"));
        assert!(units.iter().all(|(id, _)| id != "u3"));
    }

    #[test]
    fn kind_key_round_trips() {
        for kind in [ItemKind::Pre, ItemKind::Post, ItemKind::Missing] {
            assert_eq!(kind_from_key(kind_key(kind)), Some(kind));
        }
        assert_eq!(kind_from_key("other"), None);
    }

    #[test]
    fn state_key_round_trips() {
        for state in [ItemState::Overdue, ItemState::Open, ItemState::Closed] {
            assert_eq!(ItemState::from_key(state.key()), Some(state));
        }
    }
}
