//! Wall-clock time for audit entries, document timestamps and dates.

use dukao_core::Date;
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

/// China Standard Time (UTC+8, no daylight saving), the districts' zone.
const CHINA: UtcOffset = match UtcOffset::from_hms(8, 0, 0) {
    Ok(offset) => offset,
    Err(_) => panic!("UTC+8 is a valid offset"),
};

/// Returns the seconds since the Unix epoch.
pub fn unix_now() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

/// Returns the current time to the second in RFC 3339 with the +08:00 offset.
pub fn now_rfc3339() -> String {
    let now = OffsetDateTime::now_utc();
    now.replace_nanosecond(0)
        .unwrap_or(now)
        .to_offset(CHINA)
        .format(&Rfc3339)
        .unwrap_or_else(|_| String::from("1970-01-01T00:00:00Z"))
}

/// Returns today's date in China Standard Time.
pub fn today() -> Date {
    let now = OffsetDateTime::now_utc().to_offset(CHINA);
    let date = now.date();
    Date {
        year: date.year(),
        month: u8::from(date.month()) as u32,
        day: date.day() as u32,
    }
}
