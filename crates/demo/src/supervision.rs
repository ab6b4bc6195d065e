//! Handling records for a handful of the supervision items the rules
//! raise on the demo figures: closed on time and late, rectified,
//! responded.

use dukao_core::model::{
    Figures, ItemKind, ItemRecord, ItemStatus, Ledger, Scheme, SupervisionLog,
};
use dukao_core::supervision::Item;
use dukao_core::{evaluate, Dataset, Date, Period, WhatIf};

use crate::figures::AS_OF;

/// Returns the date `days` days before `date`.
fn before(date: Date, days: u32) -> Date {
    let mut earlier = date;
    for _ in 0..days {
        earlier = if earlier.day > 1 {
            Date {
                day: earlier.day - 1,
                ..earlier
            }
        } else {
            earlier.period().prev().last_day()
        };
    }
    earlier
}

/// The handling of one picked item.
struct Handling {
    kind: ItemKind,
    /// Latest period the item may be of (its due date must have passed
    /// for a closed item).
    latest: Period,
    status: ItemStatus,
    /// Days from the due date (negative: before) of response,
    /// rectification and closing; `None` where not reached.
    responded: i32,
    rectified: Option<i32>,
    closed: Option<i32>,
    note: &'static str,
}

const fn month(month: u32) -> Period {
    Period { year: 2022, month }
}

const HANDLINGS: [Handling; 7] = [
    Handling {
        kind: ItemKind::Post,
        latest: month(6),
        status: ItemStatus::Closed,
        responded: -12,
        rectified: Some(-5),
        closed: Some(-2),
        note: "已召开专题调度会，查明原因并落实整改措施",
    },
    Handling {
        kind: ItemKind::Post,
        latest: month(8),
        status: ItemStatus::Closed,
        responded: -10,
        rectified: Some(-4),
        closed: Some(-1),
        note: "责任单位制定追赶方案，逐项对账销号",
    },
    Handling {
        kind: ItemKind::Post,
        latest: month(9),
        status: ItemStatus::Closed,
        responded: -2,
        rectified: Some(4),
        closed: Some(7),
        note: "整改方案报送延迟，经督查室催办后完成整改",
    },
    Handling {
        kind: ItemKind::Missing,
        latest: month(10),
        status: ItemStatus::Closed,
        responded: -11,
        rectified: None,
        closed: Some(-8),
        note: "因统计口径调整延迟报送，已补报数据",
    },
    Handling {
        kind: ItemKind::Post,
        latest: month(10),
        status: ItemStatus::Rectified,
        responded: -9,
        rectified: Some(-1),
        closed: None,
        note: "已制定整改方案，正在跟踪整改成效",
    },
    Handling {
        kind: ItemKind::Post,
        latest: month(11),
        status: ItemStatus::Responded,
        responded: -6,
        rectified: None,
        closed: None,
        note: "已书面回复原因分析，整改措施落实中",
    },
    Handling {
        kind: ItemKind::Pre,
        latest: month(12),
        status: ItemStatus::Responded,
        responded: -19,
        rectified: None,
        closed: None,
        note: "已约谈责任单位，制定月底前冲刺措施",
    },
];

fn shift(due: Date, days: i32) -> Date {
    if days >= 0 {
        due.add_days(days as u32)
    } else {
        before(due, days.unsigned_abs())
    }
}

/// Builds records for items the rules raise on these documents:
/// for each handling above, the newest raised item of its kind no later
/// than its `latest` month, on an indicator not used yet. Empty when
/// the documents do not validate (the caller reports that error).
pub fn build(
    scheme: &Scheme,
    figures: &Figures,
    ledger: &Ledger,
) -> SupervisionLog {
    let Ok(dataset) = Dataset::new(
        scheme.clone(),
        figures.clone(),
        ledger.clone(),
        SupervisionLog::default(),
    ) else {
        return SupervisionLog::default();
    };
    let report = evaluate(&dataset, &WhatIf::default());
    let mut used: Vec<&str> = Vec::new();
    let mut items = Vec::new();
    for handling in &HANDLINGS {
        let pick = report.supervision.iter().find(|item: &&Item| {
            item.raised_by_rule
                && item.kind == handling.kind
                && item.period <= handling.latest
                && !used.contains(&item.indicator.as_str())
        });
        let Some(item) = pick else {
            continue;
        };
        used.push(&item.indicator);
        let at = |days: i32| shift(item.due, days).min(AS_OF);
        items.push(ItemRecord {
            indicator: item.indicator.clone(),
            period: item.period,
            kind: item.kind,
            status: handling.status,
            due: None,
            responded: Some(at(handling.responded)),
            rectified: handling.rectified.map(at),
            closed: handling.closed.map(at),
            note: handling.note.to_string(),
        });
    }
    SupervisionLog { items }
}
