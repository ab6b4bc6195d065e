//! Months (`YYYY-MM`) and calendar dates (`YYYY-MM-DD`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One month of the assessment year, written `YYYY-MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
}

impl Period {
    /// Returns a period, or `None` when the month is not 1 to 12.
    pub fn new(year: i32, month: u32) -> Option<Period> {
        (1..=12).contains(&month).then_some(Period { year, month })
    }

    /// Returns the month before, across a year boundary.
    pub fn prev(self) -> Period {
        if self.month == 1 {
            Period {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Period {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    /// Returns the month after, across a year boundary.
    pub fn next(self) -> Period {
        if self.month == 12 {
            Period {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Period {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// Returns the same month one year earlier.
    pub fn year_before(self) -> Period {
        Period {
            year: self.year - 1,
            month: self.month,
        }
    }

    /// Returns the months of `year`, January first.
    pub fn months_of(year: i32) -> impl Iterator<Item = Period> {
        (1..=12).map(move |month| Period { year, month })
    }

    /// Months from January of `year - 1` to this one, counting from 0;
    /// the engine's dense figure arrays are indexed this way.
    pub fn offset_from_year_before(self, year: i32) -> Option<usize> {
        let months = (self.year - (year - 1)) * 12 + self.month as i32 - 1;
        (0..24).contains(&months).then_some(months as usize)
    }

    /// Returns the last day of the month.
    pub fn last_day(self) -> Date {
        let day = match self.month {
            2 if is_leap(self.year) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        Date {
            year: self.year,
            month: self.month,
            day,
        }
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// The text was not a `YYYY-MM` month or a `YYYY-MM-DD` date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseDateError(pub String);

impl fmt::Display for ParseDateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid date or month {:?}", self.0)
    }
}

impl std::error::Error for ParseDateError {}

fn parse_number(text: &str, digits: usize) -> Option<u32> {
    if text.len() != digits || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl FromStr for Period {
    type Err = ParseDateError;

    fn from_str(text: &str) -> Result<Period, ParseDateError> {
        let bad = || ParseDateError(text.to_string());
        let (year, month) = text.split_once('-').ok_or_else(bad)?;
        let year = parse_number(year, 4).ok_or_else(bad)?;
        let month = parse_number(month, 2).ok_or_else(bad)?;
        Period::new(year as i32, month).ok_or_else(bad)
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Period, D::Error> {
        let text = String::deserialize(d)?;
        text.parse()
            .map_err(|_| serde::de::Error::custom(expected_month(&text)))
    }
}

fn expected_month(text: &str) -> String {
    format!("invalid month {text:?}: expected YYYY-MM, e.g. 2026-03")
}

/// A calendar date, written `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Returns a date, or `None` when no such day exists.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let period = Period::new(year, month)?;
        (day >= 1 && day <= period.last_day().day).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// Returns the month this date falls in.
    pub fn period(self) -> Period {
        Period {
            year: self.year,
            month: self.month,
        }
    }

    /// This date plus `days` days.
    pub fn add_days(self, days: u32) -> Date {
        let mut date = self;
        for _ in 0..days {
            let last = date.period().last_day().day;
            if date.day < last {
                date.day += 1;
            } else {
                let next = date.period().next();
                date = Date {
                    year: next.year,
                    month: next.month,
                    day: 1,
                };
            }
        }
        date
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = ParseDateError;

    fn from_str(text: &str) -> Result<Date, ParseDateError> {
        let bad = || ParseDateError(text.to_string());
        let mut parts = text.splitn(3, '-');
        let mut next =
            |digits| parts.next().and_then(|part| parse_number(part, digits));
        let year = next(4).ok_or_else(bad)?;
        let month = next(2).ok_or_else(bad)?;
        let day = next(2).ok_or_else(bad)?;
        Date::new(year as i32, month, day).ok_or_else(bad)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(|_| {
            serde::de::Error::custom(format!(
                "invalid date {text:?}: expected YYYY-MM-DD, e.g. 2026-03-31"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn period_parses_and_prints() {
        let period: Period = "2026-03".parse().unwrap();
        assert_eq!(
            period,
            Period {
                year: 2026,
                month: 3
            }
        );
        assert_eq!(period.to_string(), "2026-03");
    }

    #[test]
    fn period_rejects_bad_text() {
        for text in ["2026-13", "2026-00", "2026-3", "26-03", "2026/03", ""] {
            assert!(text.parse::<Period>().is_err(), "{text}");
        }
    }

    #[test]
    fn period_steps_across_years() {
        let january = Period {
            year: 2026,
            month: 1,
        };
        assert_eq!(
            january.prev(),
            Period {
                year: 2025,
                month: 12
            }
        );
        assert_eq!(january.prev().next(), january);
    }

    #[test]
    fn offset_covers_two_years() {
        let first = Period {
            year: 2025,
            month: 1,
        };
        let last = Period {
            year: 2026,
            month: 12,
        };
        assert_eq!(first.offset_from_year_before(2026), Some(0));
        assert_eq!(last.offset_from_year_before(2026), Some(23));
        assert_eq!(last.next().offset_from_year_before(2026), None);
    }

    #[test]
    fn date_rejects_impossible_days() {
        assert!("2026-02-29".parse::<Date>().is_err());
        assert!("2028-02-29".parse::<Date>().is_ok());
        assert!("2026-04-31".parse::<Date>().is_err());
    }

    #[test]
    fn date_adds_days_across_months() {
        let date: Date = "2026-12-30".parse().unwrap();
        assert_eq!(date.add_days(3).to_string(), "2027-01-02");
    }
}
