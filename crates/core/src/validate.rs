//! Rules every document must keep; the first broken rule is reported
//! with the document, the JSON path and the value.

use std::collections::HashSet;

use crate::dataset::{
    FIGURES_FILE, LEDGER_FILE, SCHEME_FILE, SUPERVISION_FILE,
};
use crate::error::{Error, ErrorKind};
use crate::model::{
    Bounds, Direction, Figures, Indicator, Ledger, Method, Scheme, Series,
    SupervisionLog,
};
use crate::period::{Date, Period};

type Check = Result<(), Error>;

fn ids<'a>(items: impl Iterator<Item = &'a String>) -> HashSet<&'a str> {
    items.map(String::as_str).collect()
}

fn unique<'a>(
    document: &str,
    list: &str,
    ids: impl Iterator<Item = &'a String>,
) -> Check {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        if !seen.insert(id) {
            let path = format!("$.{list}[{i}].id");
            return Err(Error::new(document, path, id, ErrorKind::Duplicate));
        }
    }
    Ok(())
}

fn known(
    document: &str,
    path: impl FnOnce() -> String,
    id: &str,
    ids: &HashSet<&str>,
    what: &'static str,
) -> Check {
    if ids.contains(id) {
        Ok(())
    } else {
        Err(Error::new(document, path(), id, ErrorKind::Unknown(what)))
    }
}

fn finite(document: &str, path: &str, value: f64) -> Check {
    if value.is_finite() {
        Ok(())
    } else {
        Err(Error::new(document, path, value, ErrorKind::NotFinite))
    }
}

/// Checks that a number is finite and within `min..=max`.
fn within(document: &str, path: &str, value: f64, min: f64, max: f64) -> Check {
    finite(document, path, value)?;
    if value < min || value > max {
        let range = format!("{min} to {max}");
        return Err(Error::new(
            document,
            path,
            value,
            ErrorKind::OutOfRange(range),
        ));
    }
    Ok(())
}

fn in_year(document: &str, path: &str, period: Period, year: i32) -> Check {
    if period.year == year {
        Ok(())
    } else {
        Err(Error::new(
            document,
            path,
            period,
            ErrorKind::OutsideYear(year),
        ))
    }
}

fn date_in_year(document: &str, path: &str, date: Date, year: i32) -> Check {
    // Sign-offs and replies to December's items may fall early next year.
    if date.year == year || date.year == year + 1 {
        Ok(())
    } else {
        Err(Error::new(
            document,
            path,
            date,
            ErrorKind::OutsideYear(year),
        ))
    }
}

pub(crate) fn scheme(scheme: &Scheme) -> Check {
    let doc = SCHEME_FILE;
    if !(2000..=2100).contains(&scheme.year) {
        let range = "2000 to 2100".to_string();
        return Err(Error::new(
            doc,
            "$.year",
            scheme.year,
            ErrorKind::OutOfRange(range),
        ));
    }
    unique(doc, "peer_groups", scheme.peer_groups.iter().map(|g| &g.id))?;
    unique(doc, "peers", scheme.peers.iter().map(|p| &p.id))?;
    unique(doc, "unit_groups", scheme.unit_groups.iter().map(|g| &g.id))?;
    unique(doc, "units", scheme.units.iter().map(|u| &u.id))?;
    unique(doc, "areas", scheme.areas.iter().map(|a| &a.id))?;
    unique(doc, "indicators", scheme.indicators.iter().map(|i| &i.id))?;
    let peer_groups = ids(scheme.peer_groups.iter().map(|g| &g.id));
    let unit_groups = ids(scheme.unit_groups.iter().map(|g| &g.id));
    let peers = ids(scheme.peers.iter().map(|p| &p.id));
    let units = ids(scheme.units.iter().map(|u| &u.id));
    let areas = ids(scheme.areas.iter().map(|a| &a.id));
    if scheme.peers.is_empty() {
        let range = "at least one peer".to_string();
        return Err(Error::new(
            doc,
            "$.peers",
            "[]",
            ErrorKind::OutOfRange(range),
        ));
    }
    known(doc, || "$.home".into(), &scheme.home, &peers, "peer")?;
    for (i, peer) in scheme.peers.iter().enumerate() {
        let path = || format!("$.peers[{i}].group");
        known(doc, path, &peer.group, &peer_groups, "peer group")?;
    }
    for (i, unit) in scheme.units.iter().enumerate() {
        let path = || format!("$.units[{i}].group");
        known(doc, path, &unit.group, &unit_groups, "unit group")?;
    }
    for (i, indicator) in scheme.indicators.iter().enumerate() {
        let path = format!("$.indicators[{i}]");
        let at = |field: &str| format!("{path}.{field}");
        known(doc, || at("area"), &indicator.area, &areas, "area")?;
        known(
            doc,
            || at("lead_unit"),
            &indicator.lead_unit,
            &units,
            "unit",
        )?;
        for (k, unit) in indicator.support_units.iter().enumerate() {
            let path = || format!("{path}.support_units[{k}]");
            known(doc, path, unit, &units, "unit")?;
        }
        indicator_numbers(indicator, &path, scheme.year)?;
    }
    let colours = &scheme.colours;
    within(
        doc,
        "$.colours.green_ranks",
        colours.green_ranks as f64,
        1.0,
        100.0,
    )?;
    let rules = &scheme.supervision;
    within(
        doc,
        "$.supervision.pre_score_share",
        rules.pre_score_share,
        0.0,
        1.0,
    )?;
    within(
        doc,
        "$.supervision.rank_drop",
        rules.rank_drop as f64,
        1.0,
        1000.0,
    )?;
    within(
        doc,
        "$.supervision.due_days",
        rules.due_days as f64,
        0.0,
        366.0,
    )?;
    for (field, value) in [
        ("points_closed_on_time", rules.points_closed_on_time),
        ("points_closed_late", rules.points_closed_late),
        ("points_open_at_year_end", rules.points_open_at_year_end),
        ("points_out_of_red", rules.points_out_of_red),
    ] {
        within(doc, &format!("$.supervision.{field}"), value, -100.0, 100.0)?;
    }
    let annual = &scheme.annual;
    within(
        doc,
        "$.annual.monthly_weight",
        annual.monthly_weight,
        0.4,
        1.0,
    )?;
    for (field, value) in [
        ("supervision_weight", annual.supervision_weight),
        ("per_signed_off", annual.per_signed_off),
        ("per_early", annual.per_early),
        ("per_overdue", annual.per_overdue),
    ] {
        within(doc, &format!("$.annual.{field}"), value, -100.0, 100.0)?;
    }
    Ok(())
}

fn indicator_numbers(indicator: &Indicator, path: &str, year: i32) -> Check {
    let doc = SCHEME_FILE;
    let at = |field: &str| format!("{path}.{field}");
    within(doc, &at("full_points"), indicator.full_points, 0.0, 1000.0)?;
    within(doc, &at("decimals"), indicator.decimals as f64, 0.0, 6.0)?;
    match &indicator.method {
        Method::RankPoints { step, table } => {
            within(doc, &at("step"), *step, 0.0, 1.0)?;
            if let Some(table) = table {
                if table.is_empty() {
                    let range = "at least one entry".to_string();
                    return Err(Error::new(
                        doc,
                        at("table"),
                        "[]",
                        ErrorKind::OutOfRange(range),
                    ));
                }
                for (k, points) in table.iter().enumerate() {
                    let path = format!("{path}.table[{k}]");
                    within(doc, &path, *points, 0.0, 1000.0)?;
                }
            }
        }
        Method::Efficacy { base_share, bounds } => {
            within(doc, &at("base_share"), *base_share, 0.0, 1.0)?;
            if let Bounds::Fixed {
                satisfactory,
                unacceptable,
                ..
            } = bounds
            {
                finite(doc, &at("bounds.satisfactory"), *satisfactory)?;
                finite(doc, &at("bounds.unacceptable"), *unacceptable)?;
                let ordered = match indicator.direction {
                    Direction::Higher => satisfactory > unacceptable,
                    Direction::Lower => satisfactory < unacceptable,
                };
                if !ordered {
                    let range = match indicator.direction {
                        Direction::Higher => "above unacceptable",
                        Direction::Lower => "below unacceptable",
                    };
                    let range = format!("a value {range} for this direction");
                    let path = at("bounds.satisfactory");
                    return Err(Error::new(
                        doc,
                        path,
                        satisfactory,
                        ErrorKind::OutOfRange(range),
                    ));
                }
            }
        }
        Method::Completion { target, cap } => {
            within(doc, &at("target"), *target, f64::MIN_POSITIVE, f64::MAX)?;
            within(doc, &at("cap"), *cap, 0.0, 10.0)?;
        }
        Method::Threshold { target, partial } => {
            finite(doc, &at("target"), *target)?;
            within(doc, &at("partial"), *partial, 0.0, indicator.full_points)?;
        }
        Method::BonusPenalty {
            per_event,
            bonus_cap,
            penalty_cap,
        } => {
            within(doc, &at("per_event"), *per_event, 0.0, 1000.0)?;
            within(doc, &at("bonus_cap"), *bonus_cap, 0.0, 1000.0)?;
            within(doc, &at("penalty_cap"), *penalty_cap, 0.0, 1000.0)?;
        }
    }
    if let Some(from) = indicator.active_from {
        in_year(doc, &at("active_from"), from, year)?;
    }
    if let Some(until) = indicator.active_until {
        in_year(doc, &at("active_until"), until, year)?;
    }
    if let Some(profile) = &indicator.seasonal_profile {
        if profile.len() != 12 {
            let range = "12 monthly shares".to_string();
            let value = format!("{} entries", profile.len());
            return Err(Error::new(
                doc,
                at("seasonal_profile"),
                value,
                ErrorKind::OutOfRange(range),
            ));
        }
        let mut before: f64 = 0.0;
        for (k, share) in profile.iter().enumerate() {
            let path = format!("{path}.seasonal_profile[{k}]");
            within(doc, &path, *share, before.max(f64::MIN_POSITIVE), 1.0)?;
            before = *share;
        }
        if (profile[11] - 1.0).abs() > 1e-9 {
            let range = "1 for December".to_string();
            let path = format!("{path}.seasonal_profile[11]");
            return Err(Error::new(
                doc,
                path,
                profile[11],
                ErrorKind::OutOfRange(range),
            ));
        }
    }
    Ok(())
}

pub(crate) fn figures(scheme: &Scheme, figures: &Figures) -> Check {
    let doc = FIGURES_FILE;
    let year = scheme.year;
    if figures.year != year {
        let range = format!("the scheme's year {year}");
        return Err(Error::new(
            doc,
            "$.year",
            figures.year,
            ErrorKind::OutOfRange(range),
        ));
    }
    in_year(doc, "$.open_period", figures.open_period, year)?;
    date_in_year(doc, "$.as_of", figures.as_of, year)?;
    let indicators: HashSet<&str> =
        scheme.indicators.iter().map(|i| i.id.as_str()).collect();
    let peers: HashSet<&str> =
        scheme.peers.iter().map(|p| p.id.as_str()).collect();
    let units: HashSet<&str> =
        scheme.units.iter().map(|u| u.id.as_str()).collect();
    let lists = [
        ("peers", &figures.peers, &peers, "peer"),
        ("units", &figures.units, &units, "unit"),
    ];
    for (list, all, entities, what) in lists {
        let mut seen = HashSet::new();
        for (i, series) in all.iter().enumerate() {
            let path = format!("$.{list}[{i}]");
            series_rules(series, &path, year, &indicators, entities, what)?;
            if !seen.insert((&series.indicator, &series.entity)) {
                let value = format!("{}/{}", series.indicator, series.entity);
                return Err(Error::new(doc, path, value, ErrorKind::Duplicate));
            }
        }
    }
    Ok(())
}

fn series_rules(
    series: &Series,
    path: &str,
    year: i32,
    indicators: &HashSet<&str>,
    entities: &HashSet<&str>,
    what: &'static str,
) -> Check {
    let doc = FIGURES_FILE;
    let at = |field: &str| format!("{path}.{field}");
    known(
        doc,
        || at("indicator"),
        &series.indicator,
        indicators,
        "indicator",
    )?;
    known(doc, || at("entity"), &series.entity, entities, what)?;
    let Some(start) = series.from.offset_from_year_before(year) else {
        return Err(Error::new(
            doc,
            at("from"),
            series.from,
            ErrorKind::OutsideYear(year),
        ));
    };
    if start + series.values.len() > crate::dataset::MONTHS {
        let range = format!("months up to {year}-12");
        let value =
            format!("{} values from {}", series.values.len(), series.from);
        return Err(Error::new(
            doc,
            at("values"),
            value,
            ErrorKind::OutOfRange(range),
        ));
    }
    for (k, value) in series.values.iter().enumerate() {
        if let Some(value) = value {
            finite(doc, &format!("{path}.values[{k}]"), *value)?;
        }
    }
    Ok(())
}

pub(crate) fn ledger(scheme: &Scheme, ledger: &Ledger) -> Check {
    let doc = LEDGER_FILE;
    let year = scheme.year;
    if ledger.year != year {
        let range = format!("the scheme's year {year}");
        return Err(Error::new(
            doc,
            "$.year",
            ledger.year,
            ErrorKind::OutOfRange(range),
        ));
    }
    unique(doc, "tasks", ledger.tasks.iter().map(|t| &t.id))?;
    let units: HashSet<&str> =
        scheme.units.iter().map(|u| u.id.as_str()).collect();
    for (i, task) in ledger.tasks.iter().enumerate() {
        let path = format!("$.tasks[{i}]");
        known(doc, || format!("{path}.unit"), &task.unit, &units, "unit")?;
        for (k, milestone) in task.milestones.iter().enumerate() {
            let path = format!("{path}.milestones[{k}]");
            in_year(doc, &format!("{path}.due"), milestone.due, year)?;
            if let Some(done) = milestone.done {
                date_in_year(doc, &format!("{path}.done"), done, year)?;
            }
        }
        if let Some(date) = task.signed_off {
            date_in_year(doc, &format!("{path}.signed_off"), date, year)?;
        }
    }
    Ok(())
}

pub(crate) fn supervision(scheme: &Scheme, log: &SupervisionLog) -> Check {
    let doc = SUPERVISION_FILE;
    let indicators: HashSet<&str> =
        scheme.indicators.iter().map(|i| i.id.as_str()).collect();
    let mut seen = HashSet::new();
    for (i, item) in log.items.iter().enumerate() {
        let path = format!("$.items[{i}]");
        let at = |field: &str| format!("{path}.{field}");
        known(
            doc,
            || at("indicator"),
            &item.indicator,
            &indicators,
            "indicator",
        )?;
        in_year(doc, &at("period"), item.period, scheme.year)?;
        let dates = [
            ("due", item.due),
            ("responded", item.responded),
            ("rectified", item.rectified),
            ("closed", item.closed),
        ];
        for (field, date) in dates {
            if let Some(date) = date {
                date_in_year(doc, &at(field), date, scheme.year)?;
            }
        }
        if !seen.insert((&item.indicator, item.period, item.kind)) {
            let value =
                format!("{}/{}/{:?}", item.indicator, item.period, item.kind);
            return Err(Error::new(doc, path, value, ErrorKind::Duplicate));
        }
    }
    Ok(())
}
