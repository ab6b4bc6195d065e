//! Writes the four documents as JSON that diffs well: one list entry
//! (peer, indicator, series, task, item) per line, each line compact,
//! figures printed at the shortest form that reads back exactly.

use std::fmt::Write;

use dukao_core::dataset::{
    FIGURES_FILE, LEDGER_FILE, SCHEME_FILE, SUPERVISION_FILE,
};
use dukao_core::model::{Figures, Ledger, Scheme, Series, SupervisionLog};
use serde::Serialize;

fn json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("the model serialises to JSON")
}

/// A JSON object written field by field, lists one entry a line.
struct Object {
    out: String,
    first: bool,
}

impl Object {
    fn new() -> Object {
        Object {
            out: String::from("{"),
            first: true,
        }
    }

    fn key(&mut self, key: &str) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        let _ = write!(self.out, "\n{}: ", json(key));
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) {
        self.key(key);
        self.out.push_str(&json(value));
    }

    fn lines(&mut self, key: &str, lines: impl Iterator<Item = String>) {
        self.key(key);
        self.out.push('[');
        let mut any = false;
        for (i, line) in lines.enumerate() {
            self.out.push_str(if i == 0 { "\n" } else { ",\n" });
            self.out.push_str(&line);
            any = true;
        }
        self.out.push_str(if any { "\n]" } else { "]" });
    }

    fn list<T: Serialize>(&mut self, key: &str, items: &[T]) {
        self.lines(key, items.iter().map(|item| json(item)));
    }

    fn finish(mut self) -> String {
        self.out.push_str("\n}\n");
        self.out
    }
}

pub fn scheme(scheme: &Scheme) -> String {
    let mut doc = Object::new();
    doc.field("year", &scheme.year);
    doc.field("title", &scheme.title);
    doc.field("home", &scheme.home);
    doc.list("peer_groups", &scheme.peer_groups);
    doc.list("peers", &scheme.peers);
    doc.list("unit_groups", &scheme.unit_groups);
    doc.list("units", &scheme.units);
    doc.list("areas", &scheme.areas);
    doc.list("indicators", &scheme.indicators);
    doc.field("colours", &scheme.colours);
    doc.field("supervision", &scheme.supervision);
    doc.field("annual", &scheme.annual);
    doc.finish()
}

/// Writes one series on one line. Figures use `f64`'s Display, the shortest
/// text that parses back to the same number ("5" rather than "5.0").
fn series_line(series: &Series) -> String {
    let mut line = format!(
        "{{\"indicator\":{},\"entity\":{},\"from\":{},\"values\":[",
        json(&series.indicator),
        json(&series.entity),
        json(&series.from)
    );
    for (i, value) in series.values.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        match value {
            Some(value) => {
                let _ = write!(line, "{value}");
            }
            None => line.push_str("null"),
        }
    }
    line.push(']');
    if !series.sources.is_empty() {
        let _ = write!(line, ",\"sources\":{}", json(&series.sources));
    }
    line.push('}');
    line
}

pub fn figures(figures: &Figures) -> String {
    let mut doc = Object::new();
    doc.field("year", &figures.year);
    doc.field("open_period", &figures.open_period);
    doc.field("as_of", &figures.as_of);
    doc.field("updated_at", &figures.updated_at);
    doc.lines("peers", figures.peers.iter().map(series_line));
    doc.lines("units", figures.units.iter().map(series_line));
    doc.finish()
}

pub fn ledger(ledger: &Ledger) -> String {
    let mut doc = Object::new();
    doc.field("year", &ledger.year);
    doc.list("tasks", &ledger.tasks);
    doc.finish()
}

pub fn supervision(log: &SupervisionLog) -> String {
    let mut doc = Object::new();
    doc.list("items", &log.items);
    doc.finish()
}

/// Renders the four documents: each file name with its text.
pub fn all(
    scheme_doc: &Scheme,
    figures_doc: &Figures,
    ledger_doc: &Ledger,
    log: &SupervisionLog,
) -> [(&'static str, String); 4] {
    [
        (SCHEME_FILE, scheme(scheme_doc)),
        (FIGURES_FILE, figures(figures_doc)),
        (LEDGER_FILE, ledger(ledger_doc)),
        (SUPERVISION_FILE, supervision(log)),
    ]
}
