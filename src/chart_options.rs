//! ECharts options for the indicator detail, built with charming: the
//! home figure month by month against its group's peers, and one
//! month's peers in rank order. Animation is off, so live what-if
//! figures redraw at once.

use charming::component::{Axis, Grid, Legend};
use charming::element::NameLocation;
use charming::element::{
    AxisLabel, AxisType, ItemStyle, LineStyle, Tooltip, Trigger,
};
use charming::series::{Bar, Line};
use charming::Chart;

use crate::view_model::detail::{PeerFigure, TrendSeries};

/// Colour of the home peer's line and bar.
const HOME_COLOUR: &str = "#b71c1c";
/// Colour of the other peers in the home's group.
const GROUP_COLOUR: &str = "#5c6bc0";
/// Colour of peers outside the home's group.
const OTHER_COLOUR: &str = "#9e9e9e";

/// The trend chart: one line per peer of the home's group over
/// `months` (axis labels such as "3月"); the home's line is thicker and
/// red. Missing figures leave gaps.
pub fn trend_chart(
    months: &[String],
    series: &[TrendSeries],
    measure: &str,
) -> Chart {
    let mut chart = Chart::new()
        .animation(false)
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(Legend::new().top("bottom"))
        // Room above the plot for the y axis's unit, drawn at its top.
        .grid(Grid::new().left(48).right(16).top(40).bottom(72))
        .x_axis(Axis::new().type_(AxisType::Category).data(months.to_vec()))
        .y_axis(Axis::new().type_(AxisType::Value).name(measure).scale(true));
    for peer in series {
        let values: Vec<Option<f64>> = peer.values.clone();
        let mut line = Line::new().name(peer.name.as_str()).data(values);
        if peer.is_home {
            line = line
                .item_style(ItemStyle::new().color(HOME_COLOUR))
                .line_style(LineStyle::new().width(4).color(HOME_COLOUR))
                .z(10);
        } else {
            line = line.line_style(LineStyle::new().width(1.5));
        }
        chart = chart.series(line);
    }
    chart
}

/// The peers chart: one bar per peer in city rank order (best at the
/// top), the home red, its group's peers blue, the rest grey.
pub fn peers_chart(peers: &[PeerFigure], measure: &str) -> Chart {
    // ECharts draws the first category at the bottom, so reverse the
    // ranking to put the best peer at the top.
    let ranked: Vec<&PeerFigure> =
        peers.iter().filter(|p| p.value.is_some()).rev().collect();
    let names: Vec<String> = ranked.iter().map(|p| p.name.clone()).collect();
    let bars: Vec<charming::datatype::DataPointItem> = ranked
        .iter()
        .map(|p| {
            let colour = if p.is_home {
                HOME_COLOUR
            } else if p.in_home_group {
                GROUP_COLOUR
            } else {
                OTHER_COLOUR
            };
            charming::datatype::DataPointItem::new(p.value)
                .item_style(ItemStyle::new().color(colour))
        })
        .collect();
    Chart::new()
        .animation(false)
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .grid(Grid::new().left(72).right(24).top(16).bottom(48))
        // The unit under the axis's middle: at its end it would be cut off.
        .x_axis(
            Axis::new()
                .type_(AxisType::Value)
                .name(measure)
                .name_location(NameLocation::Middle)
                .name_gap(28)
                .scale(true),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .data(names)
                .axis_label(AxisLabel::new().interval(0)),
        )
        .series(Bar::new().name(measure).data(bars))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dukao_core::Colour;
    use serde_json::Value;

    fn json(chart: &Chart) -> Value {
        serde_json::from_str(&chart.to_string()).expect("charming emits JSON")
    }

    fn peer(name: &str, value: Option<f64>, is_home: bool) -> PeerFigure {
        PeerFigure {
            name: name.to_string(),
            is_home,
            in_home_group: true,
            value,
            city_rank: None,
            group_rank: None,
            score: 0.0,
            colour: Colour::Grey,
        }
    }

    #[test]
    fn trend_chart_has_line_per_peer() {
        let months = vec!["1月".to_string(), "2月".to_string()];
        let series = vec![
            TrendSeries {
                name: "本区".to_string(),
                is_home: true,
                values: vec![Some(1.0), None],
            },
            TrendSeries {
                name: "甲区".to_string(),
                is_home: false,
                values: vec![Some(2.0), Some(3.0)],
            },
        ];
        let option = json(&trend_chart(&months, &series, "%"));
        assert_eq!(option["animation"], Value::Bool(false));
        assert_eq!(option["xAxis"]["data"][1], "2月");
        let lines = option["series"].as_array().unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["name"], "本区");
        assert_eq!(lines[0]["data"][1], Value::Null, "gap for a missing month");
        assert_eq!(lines[0]["lineStyle"]["color"], HOME_COLOUR);
    }

    #[test]
    fn peers_chart_best_on_top_without_missing() {
        let peers = vec![
            peer("甲区", Some(9.0), false),
            peer("本区", Some(7.0), true),
            peer("乙区", None, false),
        ];
        let option = json(&peers_chart(&peers, "亿元"));
        let names = option["yAxis"]["data"].as_array().unwrap();
        assert_eq!(names.len(), 2, "the missing peer has no bar");
        assert_eq!(names[1], "甲区", "the last category is drawn on top");
        let bars = option["series"][0]["data"].as_array().unwrap();
        assert_eq!(bars[0]["value"], 7.0);
        assert_eq!(bars[0]["itemStyle"]["color"], HOME_COLOUR);
    }
}
