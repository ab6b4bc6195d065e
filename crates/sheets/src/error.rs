//! Rejections of imported files and figures. Each names the sheet, the
//! cell (spreadsheet style, e.g. "C7") and the value where there is one,
//! in Chinese for the screen and in English for logs.

use std::fmt;

use serde::Serialize;

/// The reason a file, a cell or a match was rejected.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ErrorKind {
    /// The bytes are not a workbook or CSV file this crate reads.
    UnreadableFile { detail: String },
    /// The file contains no cells at all.
    EmptyFile,
    /// No sheet lists the scheme's districts by name.
    NoDistricts,
    /// No column or row header names an indicator of the scheme.
    NoIndicators,
    /// The cell is neither a number nor a missing-figure mark.
    InvalidNumber,
    /// The figure's unit cannot be converted to the indicator's measure.
    UnitMismatch { unit: String, measure: String },
    /// A year-to-date amount or an event count below 0.
    Negative { indicator: String },
    /// Larger in magnitude than any real figure.
    OutOfRange,
    /// A district appears twice in one sheet.
    DuplicatePeer { peer: String, first: String },
    /// An indicator appears twice in one sheet.
    DuplicateIndicator { indicator: String, first: String },
    /// Two sheets give different figures for one indicator and district.
    ConflictingFigure {
        indicator: String,
        peer: String,
        first: String,
    },
    /// A district or header that only resembles a name of the scheme
    /// (or none) and awaits the user's confirmation.
    Unconfirmed { candidates: Vec<String> },
    /// A confirmation names an id the scheme does not have.
    UnknownTarget { target: String },
}

/// One rejection with its place in the file. It serialises with its
/// messages, `message_zh` and `message` (English), for the screen and
/// logs.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportError {
    /// The sheet's name, or the CSV file's name; empty when the whole
    /// file is rejected.
    pub sheet: String,
    /// Spreadsheet-style cell name, e.g. "C7".
    pub cell: Option<String>,
    /// The cell's content as the spreadsheet shows it.
    pub value: String,
    pub kind: ErrorKind,
}

impl Serialize for ImportError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shape<'a> {
            sheet: &'a str,
            cell: &'a Option<String>,
            value: &'a str,
            #[serde(flatten)]
            kind: &'a ErrorKind,
            message_zh: String,
            message: String,
        }
        Shape {
            sheet: &self.sheet,
            cell: &self.cell,
            value: &self.value,
            kind: &self.kind,
            message_zh: self.message_zh(),
            message: self.to_string(),
        }
        .serialize(s)
    }
}

/// Largest magnitude a figure may have; larger ones are typing errors.
/// The backend rejects the same.
pub const MAX_MAGNITUDE: f64 = 1e15;

impl ImportError {
    pub fn new(
        sheet: impl Into<String>,
        cell: Option<String>,
        value: impl Into<String>,
        kind: ErrorKind,
    ) -> ImportError {
        ImportError {
            sheet: sheet.into(),
            cell,
            value: value.into(),
            kind,
        }
    }

    /// Creates a rejection of the whole file.
    pub fn file(kind: ErrorKind) -> ImportError {
        ImportError::new("", None, "", kind)
    }

    fn place_zh(&self) -> String {
        match (&self.cell, self.sheet.is_empty()) {
            (Some(cell), false) => {
                format!("工作表“{}”{cell} 单元格", self.sheet)
            }
            (None, false) => format!("工作表“{}”", self.sheet),
            (Some(cell), true) => format!("{cell} 单元格"),
            (None, true) => "文件".to_string(),
        }
    }

    fn place_en(&self) -> String {
        match (&self.cell, self.sheet.is_empty()) {
            (Some(cell), false) => {
                format!("sheet \"{}\" cell {cell}", self.sheet)
            }
            (None, false) => format!("sheet \"{}\"", self.sheet),
            (Some(cell), true) => format!("cell {cell}"),
            (None, true) => "file".to_string(),
        }
    }

    /// Formats the rejection in Chinese, for the screen: where, what and
    /// what to do.
    pub fn message_zh(&self) -> String {
        let place = self.place_zh();
        let value = &self.value;
        match &self.kind {
            ErrorKind::UnreadableFile { .. } => {
                "无法读取该文件：请上传 .xlsx、.xls 或 .csv 格式的表格\
                 （CSV 请用 UTF-8 或 GBK 编码）"
                    .to_string()
            }
            ErrorKind::EmptyFile => {
                "文件中没有任何数据，请检查是否选错了文件".to_string()
            }
            ErrorKind::NoDistricts => format!(
                "{place}中找不到区县名称（如“历下区”）：\
                 请确认上传的是各区县指标数据表"
            ),
            ErrorKind::NoIndicators => format!(
                "{place}的表头中找不到本考核方案的指标名称：\
                 请确认表头为指标名称"
            ),
            ErrorKind::InvalidNumber => format!(
                "{place}的“{value}”不是有效数字：\
                 请填写数字，缺报可留空或填“—”"
            ),
            ErrorKind::UnitMismatch { unit, measure } => format!(
                "{place}的“{value}”单位为“{unit}”，\
                 无法换算为该指标的单位“{measure}”：请改用“{measure}”填写"
            ),
            ErrorKind::Negative { indicator } => format!(
                "{place}的“{value}”为负数，但指标“{indicator}”为累计值或次数，\
                 不能为负：请改为 0 或正数"
            ),
            ErrorKind::OutOfRange => {
                format!("{place}的“{value}”超出允许范围，请检查是否多输了位数")
            }
            ErrorKind::DuplicatePeer { peer, first } => format!(
                "{place}的区县“{peer}”重复出现（首次出现在 {first}）：\
                 请删除重复的行或列"
            ),
            ErrorKind::DuplicateIndicator { indicator, first } => format!(
                "{place}的指标“{indicator}”重复出现（首次出现在 {first}）：\
                 请删除重复的列或行"
            ),
            ErrorKind::ConflictingFigure {
                indicator,
                peer,
                first,
            } => format!(
                "{place}中“{peer}”的“{indicator}”为 {value}，\
                 与 {first} 的数值不同：请核对后只保留一个"
            ),
            ErrorKind::Unconfirmed { candidates } if candidates.is_empty() => {
                format!(
                    "{place}的“{value}”无法对应到本方案中的名称：\
                     请选择对应项或忽略"
                )
            }
            ErrorKind::Unconfirmed { candidates } => format!(
                "{place}的“{value}”可能是“{}”，请确认后再导入",
                candidates.join("”或“")
            ),
            ErrorKind::UnknownTarget { target } => format!(
                "“{value}”确认为的“{target}”不在本考核方案中，请重新选择"
            ),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = self.place_en();
        let value = &self.value;
        match &self.kind {
            ErrorKind::UnreadableFile { detail } => write!(
                f,
                "cannot read the file ({detail}): upload an .xlsx, .xls or \
                 .csv file (CSV in UTF-8 or GBK)"
            ),
            ErrorKind::EmptyFile => write!(
                f,
                "the file holds no data: check that the right file was chosen"
            ),
            ErrorKind::NoDistricts => write!(
                f,
                "{place}: no district names (such as 历下区) found: upload \
                 the table of districts' figures"
            ),
            ErrorKind::NoIndicators => {
                write!(f, "{place}: no header names an indicator of the scheme")
            }
            ErrorKind::InvalidNumber => write!(
                f,
                "{place}: \"{value}\" is not a valid number: enter a \
                 number, or leave the cell blank or write — when the \
                 figure is missing"
            ),
            ErrorKind::UnitMismatch { unit, measure } => write!(
                f,
                "{place}: \"{value}\" is in \"{unit}\", which cannot be \
                 converted to the indicator's measure \"{measure}\""
            ),
            ErrorKind::Negative { indicator } => write!(
                f,
                "{place}: \"{value}\" is negative, but indicator \
                 {indicator} is a year-to-date amount or an event count: \
                 enter 0 or more"
            ),
            ErrorKind::OutOfRange => write!(
                f,
                "{place}: \"{value}\" is out of range (at most \
                 {MAX_MAGNITUDE:e} in magnitude): check for extra digits"
            ),
            ErrorKind::DuplicatePeer { peer, first } => write!(
                f,
                "{place}: district {peer} appears again (first at {first}): \
                 delete the duplicate row or column"
            ),
            ErrorKind::DuplicateIndicator { indicator, first } => write!(
                f,
                "{place}: indicator {indicator} appears again (first at \
                 {first}): delete the duplicate column or row"
            ),
            ErrorKind::ConflictingFigure {
                indicator,
                peer,
                first,
            } => write!(
                f,
                "{place}: {peer}'s figure for {indicator} is {value}, which \
                 differs from the one at {first}: keep one of them"
            ),
            ErrorKind::Unconfirmed { candidates } if candidates.is_empty() => {
                write!(
                    f,
                    "{place}: \"{value}\" matches no name of the scheme: \
                     choose one or ignore it"
                )
            }
            ErrorKind::Unconfirmed { candidates } => write!(
                f,
                "{place}: \"{value}\" may be {}: confirm before importing",
                candidates.join(" or ")
            ),
            ErrorKind::UnknownTarget { target } => write!(
                f,
                "\"{value}\" was confirmed as {target}, which the scheme \
                 does not have: choose again"
            ),
        }
    }
}

impl std::error::Error for ImportError {}
