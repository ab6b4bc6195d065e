//! The scheme's areas and indicators, read from indicators.txt (the
//! file's header describes its columns), with the generator of each
//! indicator's synthetic figures.

use dukao_core::model::{
    Area, Bounds, Direction, Indicator, Kind, Method, RankSet,
};
use dukao_core::Period;

use crate::seasons::season;
pub use crate::seasons::Season;

const TABLE: &str = include_str!("indicators.txt");

/// The factor a year-to-date amount is scaled by across peers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scale {
    /// Economic size to the power `exponent`.
    Size { exponent: f64 },
    /// Farming weight.
    Farm,
}

/// The generator of an indicator's synthetic figures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Generator {
    /// A year-to-date amount: the 2021 total is `mid` times the peer's
    /// scale, spread by `spread` (relative); 2022's is up by `growth`.
    Amount {
        mid: f64,
        spread: f64,
        scale: Scale,
        growth: f64,
        season: Season,
    },
    /// A year-to-date count of rare events, `mean` a year.
    Events { mean: f64 },
    /// A level around `mid[year]` (2021, 2022) within `low..=high`.
    Rate {
        mid: [f64; 2],
        spread: f64,
        low: f64,
        high: f64,
    },
    /// A growth rate in % with the 2020 base effect in early 2021.
    Growth { mid: [f64; 2], spread: f64 },
    /// A stock count that grows over the year by `growth` (relative).
    Stock {
        mid: f64,
        growth: f64,
        spread: f64,
        exponent: f64,
    },
}

impl Generator {
    /// Typical distance between peers' figures, for placing a figure
    /// between two published ones.
    pub fn spread_near(&self, value: f64) -> f64 {
        match *self {
            Generator::Rate { spread, .. }
            | Generator::Growth { spread, .. } => spread,
            Generator::Amount { spread, .. }
            | Generator::Stock { spread, .. } => {
                (value.abs() * spread).max(1.0)
            }
            Generator::Events { mean } => mean.max(1.0),
        }
    }
}

/// An indicator of the scheme and how its figures are generated.
#[derive(Clone, Debug)]
pub struct Spec {
    pub indicator: Indicator,
    pub generator: Generator,
}

/// Reads the areas and indicators, in file order. Panics with the line
/// number when indicators.txt is malformed, which a unit test catches.
pub fn catalog() -> (Vec<Area>, Vec<Spec>) {
    let mut areas = Vec::new();
    let mut specs = Vec::new();
    for (index, line) in TABLE.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fail = |what: &str| -> ! {
            panic!("indicators.txt line {}: {what}: {line}", index + 1)
        };
        if let Some(rest) = line.strip_prefix("area ") {
            let (id, name) =
                rest.split_once(' ').unwrap_or_else(|| fail("area name"));
            areas.push(Area {
                id: id.to_string(),
                name: name.trim().to_string(),
            });
            continue;
        }
        let area = match areas.last() {
            Some(area) => area.id.clone(),
            None => fail("indicator before the first area"),
        };
        match parse_indicator(line, area) {
            Ok(spec) => specs.push(spec),
            Err(what) => fail(&what),
        }
    }
    (areas, specs)
}

fn parse_indicator(line: &str, area: String) -> Result<Spec, String> {
    let fields: Vec<&str> = line.split('|').map(str::trim).collect();
    if fields.len() != 14 {
        return Err(format!("expected 14 columns, found {}", fields.len()));
    }
    let kind = match fields[3] {
        "cumulative" => Kind::Cumulative,
        "level" => Kind::Level,
        other => return Err(format!("invalid kind {other:?}")),
    };
    let direction = match fields[4] {
        "higher" => Direction::Higher,
        "lower" => Direction::Lower,
        other => return Err(format!("invalid direction {other:?}")),
    };
    let rank_set = match fields[8] {
        "city" => RankSet::City,
        "group" => RankSet::Group,
        "district" => RankSet::District,
        other => return Err(format!("invalid rank set {other:?}")),
    };
    let monthly = match fields[9] {
        "monthly" => true,
        "-" => false,
        other => return Err(format!("invalid monthly flag {other:?}")),
    };
    let (active_from, active_until) = parse_active(fields[13])?;
    let indicator = Indicator {
        id: fields[0].to_string(),
        name: fields[1].to_string(),
        area,
        direction,
        kind,
        measure: fields[2].to_string(),
        decimals: fields[5]
            .parse()
            .map_err(|_| format!("invalid decimals {:?}", fields[5]))?,
        full_points: number(fields[6])?,
        method: parse_method(fields[7])?,
        rank_set,
        lead_unit: fields[10].to_string(),
        support_units: fields[11]
            .split(',')
            .map(str::trim)
            .filter(|unit| !unit.is_empty())
            .map(str::to_string)
            .collect(),
        monthly,
        active_from,
        active_until,
        seasonal_profile: None,
    };
    let generator = parse_generator(fields[12])?;
    Ok(Spec {
        indicator,
        generator,
    })
}

fn number(text: &str) -> Result<f64, String> {
    text.parse().map_err(|_| format!("invalid number {text:?}"))
}

fn numbers(words: &[&str]) -> Result<Vec<f64>, String> {
    words.iter().map(|w| number(w)).collect()
}

fn parse_active(
    text: &str,
) -> Result<(Option<Period>, Option<Period>), String> {
    let month = |text: &str| {
        text.parse::<Period>()
            .map_err(|_| format!("invalid month {text:?}"))
    };
    match text.split_once(' ') {
        None if text.is_empty() => Ok((None, None)),
        Some(("from", when)) => Ok((Some(month(when)?), None)),
        Some(("until", when)) => Ok((None, Some(month(when)?))),
        _ => Err(format!("invalid active months {text:?}")),
    }
}

fn parse_method(text: &str) -> Result<Method, String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let args = numbers(
        &words
            .iter()
            .skip(if words.first() == Some(&"efficacy") {
                2
            } else {
                1
            })
            .filter(|w| **w != "clamp")
            .copied()
            .collect::<Vec<_>>(),
    )?;
    let method = match (words.as_slice(), args.as_slice()) {
        (["rank"], []) => Method::RankPoints {
            step: 0.05,
            table: None,
        },
        (["rank", _], [step]) => Method::RankPoints {
            step: *step,
            table: None,
        },
        (["table", ..], table) if !table.is_empty() => Method::RankPoints {
            step: 0.05,
            table: Some(table.to_vec()),
        },
        (["efficacy", "set"], []) => Method::Efficacy {
            base_share: 0.6,
            bounds: Bounds::RankSet,
        },
        (["efficacy", "fixed", ..], [satisfactory, unacceptable]) => {
            Method::Efficacy {
                base_share: 0.6,
                bounds: Bounds::Fixed {
                    satisfactory: *satisfactory,
                    unacceptable: *unacceptable,
                    clamp: words.last() == Some(&"clamp"),
                },
            }
        }
        (["completion", ..], [target, cap]) => Method::Completion {
            target: *target,
            cap: *cap,
        },
        (["threshold", ..], [target, partial]) => Method::Threshold {
            target: *target,
            partial: *partial,
        },
        (["bonus", ..], [per_event, bonus_cap, penalty_cap]) => {
            Method::BonusPenalty {
                per_event: *per_event,
                bonus_cap: *bonus_cap,
                penalty_cap: *penalty_cap,
            }
        }
        _ => return Err(format!("invalid method {text:?}")),
    };
    Ok(method)
}

fn parse_generator(text: &str) -> Result<Generator, String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let invalid = || format!("invalid generator {text:?}");
    let (name, rest) = words.split_first().ok_or_else(invalid)?;
    let generator = match *name {
        "amount" | "farm" => {
            let (season_name, args) = rest.split_last().ok_or_else(invalid)?;
            let season = season(season_name).ok_or_else(invalid)?;
            match (*name, numbers(args)?.as_slice()) {
                ("amount", [mid, spread, exponent, growth]) => {
                    Generator::Amount {
                        mid: *mid,
                        spread: *spread,
                        scale: Scale::Size {
                            exponent: *exponent,
                        },
                        growth: *growth,
                        season,
                    }
                }
                ("farm", [mid, spread, growth]) => Generator::Amount {
                    mid: *mid,
                    spread: *spread,
                    scale: Scale::Farm,
                    growth: *growth,
                    season,
                },
                _ => return Err(invalid()),
            }
        }
        "events" => match numbers(rest)?.as_slice() {
            [mean] => Generator::Events { mean: *mean },
            _ => return Err(invalid()),
        },
        "rate" => match numbers(rest)?.as_slice() {
            [mid21, mid22, spread, low, high] => Generator::Rate {
                mid: [*mid21, *mid22],
                spread: *spread,
                low: *low,
                high: *high,
            },
            _ => return Err(invalid()),
        },
        "growth" => match numbers(rest)?.as_slice() {
            [mid21, mid22, spread] => Generator::Growth {
                mid: [*mid21, *mid22],
                spread: *spread,
            },
            _ => return Err(invalid()),
        },
        "stock" => match numbers(rest)?.as_slice() {
            [mid, growth, spread, exponent] => Generator::Stock {
                mid: *mid,
                growth: *growth,
                spread: *spread,
                exponent: *exponent,
            },
            _ => return Err(invalid()),
        },
        _ => return Err(invalid()),
    };
    Ok(generator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_parses() {
        let (areas, specs) = catalog();
        assert_eq!(areas.len(), 18);
        assert_eq!(specs.len(), 121);
    }

    #[test]
    fn method_syntax() {
        let table = parse_method("table 3 2 1").unwrap();
        assert_eq!(
            table,
            Method::RankPoints {
                step: 0.05,
                table: Some(vec![3.0, 2.0, 1.0])
            }
        );
        let fixed = parse_method("efficacy fixed 35 60 clamp").unwrap();
        assert_eq!(
            fixed,
            Method::Efficacy {
                base_share: 0.6,
                bounds: Bounds::Fixed {
                    satisfactory: 35.0,
                    unacceptable: 60.0,
                    clamp: true
                }
            }
        );
        assert!(parse_method("completion 5").is_err());
        assert!(parse_method("rank x").is_err());
        assert!(parse_generator("amount 1 2 3 4 nosuchseason").is_err());
    }
}
