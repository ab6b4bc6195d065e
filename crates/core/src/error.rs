//! The error a rejected document gets.

use std::fmt;

/// What is wrong with a document; each kind has an English description
/// for logs and a Chinese one for the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The text is not valid JSON, or a field has the wrong type or is
    /// missing; the detail is serde's description.
    Syntax(String),
    /// A reference to a peer, unit, group, area, indicator or task that
    /// the scheme does not define; the detail names what was looked for.
    Unknown(&'static str),
    /// The same id appears twice in one list.
    Duplicate,
    /// A number is NaN or infinite.
    NotFinite,
    /// A number lies outside its allowed range; the detail gives it.
    OutOfRange(String),
    /// A month or date lies outside the assessment year.
    OutsideYear(i32),
}

/// A document was rejected: which one, where in it, which value, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// File name of the document, e.g. `scheme.json`.
    pub document: String,
    /// JSON path of the offending value, e.g. `$.indicators[3].decimals`.
    pub path: String,
    /// The offending value as written (empty for a syntax error).
    pub value: String,
    pub kind: ErrorKind,
}

impl Error {
    pub(crate) fn new(
        document: &str,
        path: impl Into<String>,
        value: impl fmt::Display,
        kind: ErrorKind,
    ) -> Error {
        Error {
            document: document.to_string(),
            path: path.into(),
            value: value.to_string(),
            kind,
        }
    }

    /// The message for the screen, in Chinese.
    pub fn message_zh(&self) -> String {
        let what = match &self.kind {
            ErrorKind::Syntax(detail) => {
                format!("格式不正确（{detail}），请检查该处的写法")
            }
            ErrorKind::Unknown(what) => {
                format!(
                    "值 {} 不是已定义的{}，请先在方案中添加或改正拼写",
                    self.value,
                    unknown_zh(what)
                )
            }
            ErrorKind::Duplicate => {
                format!("编号 {} 重复，请为每一项使用不同的编号", self.value)
            }
            ErrorKind::NotFinite => {
                format!("值 {} 不是有效数字，请填写有限的数值", self.value)
            }
            ErrorKind::OutOfRange(range) => {
                format!(
                    "值 {} 超出允许范围（{range}），请改为范围内的数值",
                    self.value
                )
            }
            ErrorKind::OutsideYear(year) => {
                format!(
                    "月份或日期 {} 不在考核年度 {year} 内，请改为本年度的月份",
                    self.value
                )
            }
        };
        format!("{} 的 {}：{}", self.document, self.path, what)
    }
}

fn unknown_zh(what: &str) -> &'static str {
    match what {
        "peer" => "区县",
        "unit" => "责任单位",
        "peer group" => "区县小组",
        "unit group" => "单位分组",
        "area" => "一级指标",
        "indicator" => "指标",
        "entity" => "区县或单位",
        _ => "项目",
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: ", self.document, self.path)?;
        match &self.kind {
            ErrorKind::Syntax(detail) => write!(f, "invalid JSON: {detail}"),
            ErrorKind::Unknown(what) => write!(
                f,
                "unknown {what} {:?}: define it in the scheme or fix the id",
                self.value
            ),
            ErrorKind::Duplicate => {
                write!(f, "duplicate id {:?}: ids must be unique", self.value)
            }
            ErrorKind::NotFinite => write!(
                f,
                "value {} is not a finite number: write a plain number",
                self.value
            ),
            ErrorKind::OutOfRange(range) => write!(
                f,
                "value {} is out of range: expected {range}",
                self.value
            ),
            ErrorKind::OutsideYear(year) => write!(
                f,
                "{} is outside the assessment year {year}",
                self.value
            ),
        }
    }
}

impl std::error::Error for Error {}
