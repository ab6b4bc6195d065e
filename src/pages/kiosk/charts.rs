//! The kiosk's chart options, sized for reading from across a room.

use charming::component::{Axis, Grid, Legend, Title};
use charming::datatype::DataPointItem;
use charming::element::{
    AxisLabel, AxisType, ItemStyle, Label, LabelPosition, LineStyle, TextStyle,
};
use charming::series::{Bar, Line};
use charming::Chart;
use dukao_core::{Dataset, Report};

use crate::format;

const HOME_COLOUR: &str = "#ff7043";
const PEER_COLOUR: &str = "#5c8dd6";

fn title(text: &str, font: f64) -> Title {
    Title::new()
        .text(text)
        .left("center")
        .text_style(TextStyle::new().font_size(font * 1.2))
}

fn axis_label(font: f64) -> AxisLabel {
    AxisLabel::new().font_size(font)
}

fn rounded(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// Builds a line chart of the home's total of the monthly-ranked
/// indicators and its group rank, month by month up to the open month.
/// `font` is the text size in CSS pixels.
pub fn total_trend_chart(
    dataset: &Dataset,
    report: &Report,
    font: f64,
) -> Chart {
    let home = dataset.home();
    let months: Vec<String> = report
        .monthly_totals
        .iter()
        .map(|totals| format::month(totals.period))
        .collect();
    let scores: Vec<f64> = report
        .monthly_totals
        .iter()
        .map(|totals| rounded(totals.scores[home]))
        .collect();
    let ranks: Vec<Option<f64>> = report
        .monthly_totals
        .iter()
        .map(|totals| totals.group_ranks[home].map(f64::from))
        .collect();
    let group_size = dataset.group_of(home).len().max(1) as f64;

    // No animation: a wall display redraws these every playlist round.
    Chart::new()
        .animation(false)
        .background_color("transparent")
        .title(title("本区月度总分与小组排名", font))
        .legend(
            Legend::new()
                .top(font * 2.4)
                .text_style(TextStyle::new().font_size(font)),
        )
        .grid(
            Grid::new()
                .contain_label(true)
                .left(font)
                .right(font)
                .top(font * 5.0)
                .bottom(font * 0.5),
        )
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .data(months)
                .axis_label(axis_label(font)),
        )
        // Scaled to the data, so month-to-month changes stay visible.
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .scale(true)
                .axis_label(axis_label(font)),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .inverse(true)
                .min(1)
                .max(group_size)
                .interval(1)
                .axis_label(axis_label(font)),
        )
        .series(
            Line::new()
                .name("总分")
                .data(scores)
                .symbol_size(14)
                .line_style(LineStyle::new().width(5))
                .label(Label::new().show(true).font_size(font * 0.85)),
        )
        .series(
            Line::new()
                .name("小组排名（右轴，越高越好）")
                .y_axis_index(1)
                .data(ranks)
                .symbol_size(12)
                .line_style(LineStyle::new().width(3)),
        )
}

/// Builds a bar chart of the projected year-end totals of the home's
/// group, highest first, with the home's bar in its own colour and
/// starred in the axis label.
/// `font` is the text size in CSS pixels.
pub fn projected_totals_chart(
    dataset: &Dataset,
    report: &Report,
    font: f64,
) -> Chart {
    let home = dataset.home();
    let totals = &report.projected_totals;
    let mut peers: Vec<usize> = dataset.group_of(home).to_vec();
    peers.sort_by(|&a, &b| totals.scores[b].total_cmp(&totals.scores[a]));
    let names: Vec<String> = peers
        .iter()
        .map(|&peer| {
            let name = &dataset.scheme.peers[peer].name;
            if peer == home {
                format!("★{name}")
            } else {
                name.clone()
            }
        })
        .collect();
    let bars: Vec<DataPointItem> = peers
        .iter()
        .map(|&peer| {
            let colour = if peer == home {
                HOME_COLOUR
            } else {
                PEER_COLOUR
            };
            DataPointItem::new(rounded(totals.scores[peer]))
                .item_style(ItemStyle::new().color(colour))
        })
        .collect();

    Chart::new()
        .animation(false)
        .background_color("transparent")
        .title(title("本组预估年终总分", font))
        .grid(
            Grid::new()
                .contain_label(true)
                .left(font)
                .right(font)
                .top(font * 3.6)
                .bottom(font * 0.5),
        )
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .data(names)
                .axis_label(axis_label(font)),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .axis_label(axis_label(font)),
        )
        .series(
            Bar::new().name("预估总分").data(bars).label(
                Label::new()
                    .show(true)
                    .position(LabelPosition::Top)
                    .font_size(font * 0.9),
            ),
        )
}
