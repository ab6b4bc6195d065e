//! A data table built from plain rows of cells. Every table of the app
//! goes through this one view, so the browser build carries one table
//! renderer instead of one per table layout.

use dukao_core::Colour;
use leptos::prelude::*;

use crate::components::{ColourBadge, RankChange};

/// One table cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    /// Right-aligned figures.
    Number(String),
    /// Right-aligned and bold.
    Strong(String),
    /// A right-aligned count, marked when it needs attention (with a ⚠
    /// sign, so colour is not the only signal).
    Count {
        count: usize,
        alert: bool,
    },
    Link {
        href: String,
        text: String,
    },
    Colour(Colour),
    Change(Option<i32>),
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell::Text(text.into())
    }

    pub fn number(text: impl Into<String>) -> Cell {
        Cell::Number(text.into())
    }

    /// A count marked when it is above zero.
    pub fn alert_count(count: usize) -> Cell {
        Cell::Count {
            count,
            alert: count > 0,
        }
    }

    pub fn count(count: usize) -> Cell {
        Cell::Count {
            count,
            alert: false,
        }
    }

    pub fn link(href: impl Into<String>, text: impl Into<String>) -> Cell {
        Cell::Link {
            href: href.into(),
            text: text.into(),
        }
    }
}

/// One table row; `highlight` marks the home peer's row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
    pub highlight: bool,
}

impl Row {
    pub fn new(cells: Vec<Cell>) -> Row {
        Row {
            cells,
            highlight: false,
        }
    }

    pub fn highlighted(cells: Vec<Cell>, highlight: bool) -> Row {
        Row { cells, highlight }
    }
}

fn cell_view(cell: Cell) -> AnyView {
    match cell {
        Cell::Text(text) => view! { <td>{text}</td> }.into_any(),
        Cell::Number(text) => view! { <td class="num">{text}</td> }.into_any(),
        Cell::Strong(text) => {
            view! { <td class="num"><strong>{text}</strong></td> }.into_any()
        }
        Cell::Count { count, alert } => {
            let text = if alert {
                format!("⚠ {count}")
            } else {
                count.to_string()
            };
            view! { <td class="num" class:alert=alert>{text}</td> }.into_any()
        }
        Cell::Link { href, text } => {
            view! { <td><a href=href>{text}</a></td> }.into_any()
        }
        Cell::Colour(colour) => {
            view! { <td><ColourBadge colour=colour /></td> }.into_any()
        }
        Cell::Change(change) => {
            view! { <td><RankChange change=change /></td> }.into_any()
        }
    }
}

/// Column headers from fixed names.
pub fn header_row(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

/// Returns whether a table's first column names its rows (text or links:
/// an indicator, a district, a unit), so that it stays in view while the
/// table scrolls sideways. A rank or figure alone would not identify a row.
fn names_rows(rows: &[Row]) -> bool {
    rows.first()
        .and_then(|row| row.cells.first())
        .is_some_and(|cell| matches!(cell, Cell::Text(_) | Cell::Link { .. }))
}

/// A table in its own horizontal scroll container, so a wide table
/// never widens the page.
#[component]
pub fn DataTable(
    headers: Vec<String>,
    rows: Vec<Row>,
    #[prop(optional, into)] class: String,
) -> impl IntoView {
    let class = if names_rows(&rows) {
        format!("{class} sticky-first")
    } else {
        class
    };
    let head = headers
        .into_iter()
        .map(|h| view! { <th scope="col">{h}</th> })
        .collect_view();
    let body = rows
        .into_iter()
        .map(|row| {
            let cells = row.cells.into_iter().map(cell_view).collect_view();
            view! { <tr class:home=row.highlight>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class=class>
                <thead><tr>{head}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_column_sticks_for_names() {
        let row = |first: Cell| vec![Row::new(vec![first, Cell::number("1.5")])];
        assert!(names_rows(&row(Cell::text("济阳区"))));
        assert!(names_rows(&row(Cell::link("/indicators/gdp", "地区生产总值"))));
        assert!(!names_rows(&row(Cell::number("第 1 名"))));
        assert!(!names_rows(&row(Cell::count(3))));
        assert!(!names_rows(&[]));
    }
}
