//! A validated set of the four documents, indexed for the engine.

use std::collections::HashMap;

use serde::de::DeserializeOwned;

use crate::error::{Error, ErrorKind};
use crate::model::{Figures, Ledger, Scheme, SupervisionLog};
use crate::period::Period;
use crate::validate;

/// Months held per entity and indicator: the year before and this year.
pub const MONTHS: usize = 24;

/// The documents' file names, as the backend serves them.
pub const SCHEME_FILE: &str = "scheme.json";
pub const FIGURES_FILE: &str = "figures.json";
pub const LEDGER_FILE: &str = "ledger.json";
pub const SUPERVISION_FILE: &str = "supervision.json";

/// Parses one document, naming the JSON path of the first bad field.
pub fn parse<T: DeserializeOwned>(
    document: &str,
    text: &str,
) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." {
            "$".to_string()
        } else {
            format!("$.{path}")
        };
        Error::new(document, path, "", ErrorKind::Syntax(e.inner().to_string()))
    })?;
    de.end().map_err(|e| {
        Error::new(document, "$", "", ErrorKind::Syntax(e.to_string()))
    })?;
    Ok(value)
}

/// The scheme, figures, ledger and supervision log, checked against each
/// other, with lookup tables and dense figure arrays.
#[derive(Clone, Debug)]
pub struct Dataset {
    pub scheme: Scheme,
    pub figures: Figures,
    pub ledger: Ledger,
    pub supervision: SupervisionLog,
    pub(crate) index: Index,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Index {
    pub peer: HashMap<String, usize>,
    pub unit: HashMap<String, usize>,
    pub indicator: HashMap<String, usize>,
    pub home: usize,
    /// Group index of each peer.
    pub peer_group: Vec<usize>,
    /// Peers of each group, in scheme order.
    pub group_members: Vec<Vec<usize>>,
    pub unit_group: Vec<usize>,
    /// `[indicator][month][peer]`, NaN where missing.
    pub peer_values: Vec<f64>,
    /// `[indicator][month][unit]`, NaN where missing.
    pub unit_values: Vec<f64>,
    /// Indicators with at least one unit series.
    pub has_unit_figures: Vec<bool>,
}

impl Dataset {
    /// Parses and validates the four documents.
    pub fn from_json(
        scheme: &str,
        figures: &str,
        ledger: &str,
        supervision: &str,
    ) -> Result<Dataset, Error> {
        Dataset::new(
            parse(SCHEME_FILE, scheme)?,
            parse(FIGURES_FILE, figures)?,
            parse(LEDGER_FILE, ledger)?,
            parse(SUPERVISION_FILE, supervision)?,
        )
    }

    /// Validates the documents against each other and indexes them.
    pub fn new(
        scheme: Scheme,
        figures: Figures,
        ledger: Ledger,
        supervision: SupervisionLog,
    ) -> Result<Dataset, Error> {
        validate::scheme(&scheme)?;
        validate::figures(&scheme, &figures)?;
        validate::ledger(&scheme, &ledger)?;
        validate::supervision(&scheme, &supervision)?;
        let index = Index::build(&scheme, &figures);
        Ok(Dataset {
            scheme,
            figures,
            ledger,
            supervision,
            index,
        })
    }

    /// Index of a peer by id.
    pub fn peer_index(&self, id: &str) -> Option<usize> {
        self.index.peer.get(id).copied()
    }

    /// Index of a unit by id.
    pub fn unit_index(&self, id: &str) -> Option<usize> {
        self.index.unit.get(id).copied()
    }

    /// Index of an indicator by id.
    pub fn indicator_index(&self, id: &str) -> Option<usize> {
        self.index.indicator.get(id).copied()
    }

    /// Index of the home peer.
    pub fn home(&self) -> usize {
        self.index.home
    }

    /// Peers in the same group as `peer`, including it.
    pub fn group_of(&self, peer: usize) -> &[usize] {
        &self.index.group_members[self.index.peer_group[peer]]
    }

    /// A peer's figure, or `None` when missing or outside the two years.
    pub fn peer_value(
        &self,
        indicator: usize,
        period: Period,
        peer: usize,
    ) -> Option<f64> {
        let month = period.offset_from_year_before(self.scheme.year)?;
        let peers = self.scheme.peers.len();
        let value =
            self.index.peer_values[(indicator * MONTHS + month) * peers + peer];
        (!value.is_nan()).then_some(value)
    }

    /// All peers' figures for one indicator and month, NaN where missing.
    pub(crate) fn peer_row(&self, indicator: usize, month: usize) -> &[f64] {
        let peers = self.scheme.peers.len();
        let start = (indicator * MONTHS + month) * peers;
        &self.index.peer_values[start..start + peers]
    }

    /// All units' figures for one indicator and month, NaN where missing.
    pub(crate) fn unit_row(&self, indicator: usize, month: usize) -> &[f64] {
        let units = self.scheme.units.len();
        let start = (indicator * MONTHS + month) * units;
        &self.index.unit_values[start..start + units]
    }

    /// Whether units report figures for this indicator (全区排名).
    pub fn has_unit_figures(&self, indicator: usize) -> bool {
        self.index.has_unit_figures[indicator]
    }

    /// The months of the assessment year that are closed.
    pub fn closed_periods(&self) -> impl Iterator<Item = Period> + '_ {
        let open = self.figures.open_period;
        Period::months_of(self.scheme.year).filter(move |p| *p < open)
    }
}

impl Index {
    fn build(scheme: &Scheme, figures: &Figures) -> Index {
        let ids = |items: Vec<&String>| -> HashMap<String, usize> {
            items
                .into_iter()
                .enumerate()
                .map(|(i, id)| (id.clone(), i))
                .collect()
        };
        let peer = ids(scheme.peers.iter().map(|p| &p.id).collect());
        let unit = ids(scheme.units.iter().map(|u| &u.id).collect());
        let indicator = ids(scheme.indicators.iter().map(|i| &i.id).collect());
        let peer_groups =
            ids(scheme.peer_groups.iter().map(|g| &g.id).collect());
        let unit_groups =
            ids(scheme.unit_groups.iter().map(|g| &g.id).collect());
        let peer_group: Vec<usize> =
            scheme.peers.iter().map(|p| peer_groups[&p.group]).collect();
        let mut group_members = vec![Vec::new(); scheme.peer_groups.len()];
        for (i, group) in peer_group.iter().enumerate() {
            group_members[*group].push(i);
        }
        let unit_group =
            scheme.units.iter().map(|u| unit_groups[&u.group]).collect();
        let indicators = scheme.indicators.len();
        let mut peer_values =
            vec![f64::NAN; indicators * MONTHS * scheme.peers.len()];
        let mut unit_values =
            vec![f64::NAN; indicators * MONTHS * scheme.units.len()];
        let mut has_unit_figures = vec![false; indicators];
        let fill = |series: &crate::model::Series,
                    entities: &HashMap<String, usize>,
                    values: &mut Vec<f64>| {
            let i = indicator[&series.indicator];
            let e = entities[&series.entity];
            let count = entities.len();
            let Some(start) = series.from.offset_from_year_before(scheme.year)
            else {
                return;
            };
            for (k, value) in series.values.iter().enumerate() {
                if let Some(value) = value {
                    if start + k < MONTHS {
                        values[(i * MONTHS + start + k) * count + e] = *value;
                    }
                }
            }
        };
        for series in &figures.peers {
            fill(series, &peer, &mut peer_values);
        }
        for series in &figures.units {
            has_unit_figures[indicator[&series.indicator]] = true;
            fill(series, &unit, &mut unit_values);
        }
        Index {
            home: peer[&scheme.home],
            peer,
            unit,
            indicator,
            peer_group,
            group_members,
            unit_group,
            peer_values,
            unit_values,
            has_unit_figures,
        }
    }
}
