//! Seasonal patterns of year-to-date amounts, by the names
//! indicators.txt uses.

/// The typical path of a year-to-date amount: the share of the year's
/// total reached by the end of each month, January first.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Season(pub [f64; 12]);

/// Looks up the season named `name` in indicators.txt.
pub fn season(name: &str) -> Option<Season> {
    let shares = match name {
        "even" => [
            0.08, 0.16, 0.25, 0.33, 0.41, 0.50, 0.58, 0.66, 0.75, 0.83, 0.91,
            1.0,
        ],
        "gdp" => [
            0.07, 0.14, 0.23, 0.31, 0.39, 0.48, 0.56, 0.64, 0.73, 0.82, 0.91,
            1.0,
        ],
        "invest" => [
            0.03, 0.10, 0.19, 0.27, 0.36, 0.48, 0.56, 0.64, 0.74, 0.82, 0.91,
            1.0,
        ],
        "revenue" => [
            0.12, 0.20, 0.29, 0.39, 0.48, 0.57, 0.65, 0.72, 0.80, 0.87, 0.93,
            1.0,
        ],
        "retail" => [
            0.09, 0.16, 0.24, 0.32, 0.40, 0.48, 0.56, 0.64, 0.72, 0.81, 0.90,
            1.0,
        ],
        "back" => [
            0.02, 0.05, 0.10, 0.17, 0.25, 0.35, 0.44, 0.53, 0.64, 0.75, 0.87,
            1.0,
        ],
        // Winter wheat is harvested in June, maize in September and October.
        "grain" => [
            0.005, 0.005, 0.005, 0.005, 0.02, 0.45, 0.46, 0.47, 0.70, 0.97,
            0.99, 1.0,
        ],
        "tourism" => [
            0.07, 0.15, 0.21, 0.30, 0.41, 0.49, 0.58, 0.68, 0.76, 0.88, 0.94,
            1.0,
        ],
        "jobs" => [
            0.06, 0.12, 0.22, 0.32, 0.42, 0.52, 0.61, 0.70, 0.79, 0.87, 0.94,
            1.0,
        ],
        // Planting in spring and again in late autumn.
        "spring" => [
            0.02, 0.10, 0.40, 0.62, 0.66, 0.68, 0.69, 0.70, 0.75, 0.85, 0.95,
            1.0,
        ],
        _ => return None,
    };
    Some(Season(shares))
}
