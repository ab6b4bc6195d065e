//! Text for numbers, ranks, colours and months as the screens show them.

use dukao_core::model::{Bounds, Direction, Indicator, Method};
use dukao_core::{Colour, Date, Period};

/// A figure at the indicator's decimals, or "—" when missing.
pub fn figure(value: Option<f64>, decimals: u32) -> String {
    match value {
        Some(value) => format!("{:.*}", decimals as usize, value),
        None => "—".to_string(),
    }
}

/// A figure with its unit of measure, e.g. "12.5 %".
pub fn figure_with_measure(
    value: Option<f64>,
    decimals: u32,
    measure: &str,
) -> String {
    match value {
        Some(_) if !measure.is_empty() => {
            format!("{} {measure}", figure(value, decimals))
        }
        _ => figure(value, decimals),
    }
}

/// Points at two decimals.
pub fn points(value: f64) -> String {
    format!("{value:.2}")
}

/// A change in points with its sign, e.g. "+1.25" or "-0.50".
pub fn signed_points(value: f64) -> String {
    if value.abs() < 0.005 {
        "±0.00".to_string()
    } else {
        format!("{value:+.2}")
    }
}

/// A rank out of the number ranked, e.g. "3/7", or "—" when unranked.
pub fn rank_of(rank: Option<u32>, ranked: usize) -> String {
    match rank {
        Some(rank) if ranked > 0 => format!("{rank}/{ranked}"),
        Some(rank) => rank.to_string(),
        None => "—".to_string(),
    }
}

/// A rank as "第 3 名", or "未排名".
pub fn rank_text(rank: Option<u32>) -> String {
    match rank {
        Some(rank) => format!("第 {rank} 名"),
        None => "未排名".to_string(),
    }
}

/// Places risen (positive) or fallen (negative), with an arrow so the
/// direction does not rest on colour.
pub fn rank_change(change: Option<i32>) -> String {
    match change {
        Some(change) if change > 0 => format!("↑{change}"),
        Some(change) if change < 0 => format!("↓{}", -change),
        Some(_) => "→ 持平".to_string(),
        None => "—".to_string(),
    }
}

/// The colour with a shape and its name, so the colour is never the only
/// signal: "● 绿", "▲ 黄", "■ 红", "○ 缺报".
pub fn colour_label(colour: Colour) -> String {
    let shape = match colour {
        Colour::Green => "●",
        Colour::Yellow => "▲",
        Colour::Red => "■",
        Colour::Grey => "○",
    };
    format!("{shape} {}", colour.name_zh())
}

/// The CSS class and URL value of a colour.
pub fn colour_key(colour: Colour) -> &'static str {
    match colour {
        Colour::Green => "green",
        Colour::Yellow => "yellow",
        Colour::Red => "red",
        Colour::Grey => "missing",
    }
}

/// The colour a URL value names.
pub fn colour_from_key(key: &str) -> Option<Colour> {
    match key {
        "green" => Some(Colour::Green),
        "yellow" => Some(Colour::Yellow),
        "red" => Some(Colour::Red),
        "missing" => Some(Colour::Grey),
        _ => None,
    }
}

/// A month as "2022年12月".
pub fn period(period: Period) -> String {
    format!("{}年{}月", period.year, period.month)
}

/// A month as "12月", for table headers and chart axes.
pub fn month(period: Period) -> String {
    format!("{}月", period.month)
}

/// A date as "2022年12月10日".
pub fn date(date: Date) -> String {
    format!("{}年{}月{}日", date.year, date.month, date.day)
}

/// An ISO 8601 timestamp as "2022-12-10 09:30"; other text unchanged.
pub fn timestamp(text: &str) -> String {
    let bytes = text.as_bytes();
    if text.len() >= 16 && bytes[10] == b'T' && text.is_char_boundary(16) {
        format!("{} {}", &text[..10], &text[11..16])
    } else {
        text.to_string()
    }
}

/// A share as a percentage with one decimal, e.g. "20.6%".
pub fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// Which way is better, in words.
pub fn direction(direction: Direction) -> &'static str {
    match direction {
        Direction::Higher => "越高越好",
        Direction::Lower => "越低越好",
    }
}

/// The scoring method in words, with its parameters.
pub fn method(indicator: &Indicator) -> String {
    match &indicator.method {
        Method::RankPoints {
            table: Some(table), ..
        } => {
            let table: Vec<String> =
                table.iter().map(|p| format!("{p}")).collect();
            format!("排名赋分（按名次得 {} 分）", table.join("、"))
        }
        Method::RankPoints { step, .. } => {
            format!("排名赋分（每降一名扣满分的 {}）", percent(*step))
        }
        Method::Efficacy { base_share, bounds } => match bounds {
            Bounds::Fixed {
                satisfactory,
                unacceptable,
                ..
            } => format!(
                "功效系数法（基础分 {}，满意值 {satisfactory}，不允许值 \
                 {unacceptable}）",
                percent(*base_share)
            ),
            Bounds::RankSet => format!(
                "功效系数法（基础分 {}，以最好和最差数值为界）",
                percent(*base_share)
            ),
        },
        Method::Completion { target, cap } => {
            format!("目标完成率（全年目标 {target}，最高 {}）", percent(*cap))
        }
        Method::Threshold { target, partial } => {
            format!("达标赋分（目标 {target}，未达标得 {partial} 分）")
        }
        Method::BonusPenalty {
            per_event,
            bonus_cap,
            penalty_cap,
        } => format!(
            "加减分（每起 {per_event} 分，最多加 {bonus_cap} 分、扣 \
             {penalty_cap} 分）"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figure_uses_decimals() {
        assert_eq!(figure(Some(12.345), 1), "12.3");
        assert_eq!(figure(Some(3.0), 0), "3");
        assert_eq!(figure(None, 2), "—");
    }

    #[test]
    fn figure_with_measure_skips_missing() {
        assert_eq!(figure_with_measure(Some(1.5), 1, "%"), "1.5 %");
        assert_eq!(figure_with_measure(None, 1, "%"), "—");
        assert_eq!(figure_with_measure(Some(2.0), 0, ""), "2");
    }

    #[test]
    fn signed_points_shows_sign() {
        assert_eq!(signed_points(1.234), "+1.23");
        assert_eq!(signed_points(-0.5), "-0.50");
        assert_eq!(signed_points(0.001), "±0.00");
    }

    #[test]
    fn rank_change_uses_arrows() {
        assert_eq!(rank_change(Some(2)), "↑2");
        assert_eq!(rank_change(Some(-3)), "↓3");
        assert_eq!(rank_change(Some(0)), "→ 持平");
        assert_eq!(rank_change(None), "—");
    }

    #[test]
    fn colour_label_has_shape_and_name() {
        assert_eq!(colour_label(Colour::Green), "● 绿");
        assert_eq!(colour_label(Colour::Yellow), "▲ 黄");
        assert_eq!(colour_label(Colour::Red), "■ 红");
        assert_eq!(colour_label(Colour::Grey), "○ 缺报");
    }

    #[test]
    fn colour_key_round_trips() {
        for colour in [Colour::Green, Colour::Yellow, Colour::Red, Colour::Grey]
        {
            assert_eq!(colour_from_key(colour_key(colour)), Some(colour));
        }
        assert_eq!(colour_from_key("blue"), None);
    }

    #[test]
    fn timestamp_keeps_date_and_minute() {
        assert_eq!(timestamp("2022-12-10T09:30:00+08:00"), "2022-12-10 09:30");
        assert_eq!(timestamp("昨天"), "昨天");
        assert_eq!(timestamp(""), "");
    }

    #[test]
    fn rank_of_shows_count() {
        assert_eq!(rank_of(Some(3), 7), "3/7");
        assert_eq!(rank_of(None, 7), "—");
    }
}
