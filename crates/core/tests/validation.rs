//! Documents that break a rule are rejected with the document, the JSON
//! path and the value.

mod common;

use common::{period, rank_points, Fixture};
use dukao_core::dataset::{parse, FIGURES_FILE, SCHEME_FILE};
use dukao_core::model::{Direction, Figures, Scheme};
use dukao_core::{Dataset, ErrorKind};

fn valid() -> Fixture {
    let mut fixture = Fixture::new(4, 4, 2);
    fixture.indicator("gdp", rank_points(), Direction::Higher);
    fixture.month("gdp", 1, &[Some(1.0), Some(2.0), None, Some(3.0)]);
    fixture
}

fn rejected(fixture: Fixture) -> dukao_core::Error {
    let Fixture {
        scheme,
        figures,
        ledger,
        log,
    } = fixture;
    Dataset::new(scheme, figures, ledger, log).expect_err("must be rejected")
}

#[test]
fn valid_fixture_is_accepted() {
    let Fixture {
        scheme,
        figures,
        ledger,
        log,
    } = valid();
    assert!(Dataset::new(scheme, figures, ledger, log).is_ok());
}

#[test]
fn unknown_peer_in_figures() {
    let mut fixture = valid();
    fixture.figures.peers[1].entity = "nowhere".into();
    let error = rejected(fixture);
    assert_eq!(error.document, "figures.json");
    assert_eq!(error.path, "$.peers[1].entity");
    assert_eq!(error.value, "nowhere");
    assert_eq!(error.kind, ErrorKind::Unknown("peer"));
    assert!(error.to_string().contains("unknown peer \"nowhere\""));
    assert!(error.message_zh().contains("nowhere"));
}

#[test]
fn unknown_lead_unit() {
    let mut fixture = valid();
    fixture.scheme.indicators[0].lead_unit = "u9".into();
    let error = rejected(fixture);
    assert_eq!(error.path, "$.indicators[0].lead_unit");
    assert_eq!(error.kind, ErrorKind::Unknown("unit"));
}

#[test]
fn duplicate_indicator_id() {
    let mut fixture = valid();
    fixture.indicator("gdp", rank_points(), Direction::Lower);
    let error = rejected(fixture);
    assert_eq!(error.path, "$.indicators[1].id");
    assert_eq!(error.kind, ErrorKind::Duplicate);
}

#[test]
fn duplicate_series() {
    let mut fixture = valid();
    let copy = fixture.figures.peers[0].clone();
    fixture.figures.peers.push(copy);
    let error = rejected(fixture);
    assert_eq!(error.path, "$.peers[4]");
    assert_eq!(error.kind, ErrorKind::Duplicate);
}

#[test]
fn infinite_figure() {
    let mut fixture = valid();
    fixture.figures.peers[3].values[0] = Some(f64::INFINITY);
    let error = rejected(fixture);
    assert_eq!(error.path, "$.peers[3].values[0]");
    assert_eq!(error.kind, ErrorKind::NotFinite);
}

#[test]
fn monthly_weight_below_minimum() {
    let mut fixture = valid();
    fixture.scheme.annual.monthly_weight = 0.3;
    let error = rejected(fixture);
    assert_eq!(error.path, "$.annual.monthly_weight");
    assert_eq!(error.value, "0.3");
    assert!(matches!(error.kind, ErrorKind::OutOfRange(_)));
}

#[test]
fn period_outside_year() {
    let mut fixture = valid();
    fixture.figures.open_period = period(1).prev();
    let error = rejected(fixture);
    assert_eq!(error.path, "$.open_period");
    assert_eq!(error.kind, ErrorKind::OutsideYear(2026));
}

#[test]
fn active_from_outside_year() {
    let mut fixture = valid();
    fixture.scheme.indicators[0].active_from = Some(period(12).next());
    let error = rejected(fixture);
    assert_eq!(error.path, "$.indicators[0].active_from");
}

#[test]
fn series_running_past_december() {
    let mut fixture = valid();
    fixture.figures.peers[0].values = vec![Some(1.0); 13];
    let error = rejected(fixture);
    assert_eq!(error.path, "$.peers[0].values");
}

#[test]
fn seasonal_profile_must_reach_one() {
    let mut fixture = valid();
    let profile = (1..=12).map(|m| m as f64 / 13.0).collect();
    fixture.scheme.indicators[0].seasonal_profile = Some(profile);
    let error = rejected(fixture);
    assert_eq!(error.path, "$.indicators[0].seasonal_profile[11]");
}

#[test]
fn unknown_task_unit() {
    let mut fixture = valid();
    fixture.ledger.tasks.push(dukao_core::model::Task {
        id: "t".into(),
        list: dukao_core::model::TaskList::Business,
        unit: "u7".into(),
        title: "x".into(),
        target: "x".into(),
        milestones: vec![],
        signed_off: None,
        above_target: false,
    });
    let error = rejected(fixture);
    assert_eq!(error.document, "ledger.json");
    assert_eq!(error.path, "$.tasks[0].unit");
}

#[test]
fn syntax_error_names_path() {
    let fixture = valid();
    let mut json = serde_json::to_value(&fixture.figures).unwrap();
    json["peers"][2]["values"][0] = "很多".into();
    let error = parse::<Figures>(FIGURES_FILE, &json.to_string()).unwrap_err();
    assert_eq!(error.path, "$.peers[2].values[0]");
    assert!(matches!(error.kind, ErrorKind::Syntax(_)));
}

#[test]
fn bad_month_text_is_a_syntax_error() {
    let fixture = valid();
    let mut json = serde_json::to_value(&fixture.figures).unwrap();
    json["open_period"] = "2026-13".into();
    let error = parse::<Figures>(FIGURES_FILE, &json.to_string()).unwrap_err();
    assert_eq!(error.path, "$.open_period");
    assert!(error.to_string().contains("2026-13"));
}

#[test]
fn huge_number_is_rejected_by_parser() {
    let fixture = valid();
    let json = serde_json::to_string(&fixture.figures).unwrap();
    let json = json.replacen("1.0", "1e400", 1);
    assert!(parse::<Figures>(FIGURES_FILE, &json).is_err());
}

#[test]
fn garbage_never_panics() {
    let inputs = ["", "{", "null", "[]", "{\"year\": \"x\"}", "\u{0}", "1e999"];
    for input in inputs {
        assert!(parse::<Scheme>(SCHEME_FILE, input).is_err(), "{input:?}");
    }
}

#[test]
fn trailing_text_is_rejected() {
    let fixture = valid();
    let json = serde_json::to_string(&fixture.scheme).unwrap() + " x";
    let error = parse::<Scheme>(SCHEME_FILE, &json).unwrap_err();
    assert_eq!(error.path, "$");
}

#[test]
fn efficacy_bounds_must_follow_direction() {
    let mut fixture = valid();
    fixture.scheme.indicators[0].method = dukao_core::model::Method::Efficacy {
        base_share: 0.6,
        bounds: dukao_core::model::Bounds::Fixed {
            satisfactory: 2.0,
            unacceptable: 10.0,
            clamp: false,
        },
    };
    let error = rejected(fixture);
    assert_eq!(error.path, "$.indicators[0].bounds.satisfactory");
    assert_eq!(error.value, "2");
}
