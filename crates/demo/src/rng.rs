//! A seeded pseudo-random generator and the few distributions the demo
//! needs, built from IEEE-754 arithmetic only (no libm calls), so the
//! same seed gives the same figures on every platform.

/// SplitMix64 (Steele, Lea and Flood, 2014): small, fast and good
/// enough for synthetic figures.
#[derive(Clone, Debug)]
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng { state: seed }
    }

    /// A generator whose seed is derived from `parts`, so each series
    /// draws from its own stream and editing one leaves the others as
    /// they were.
    pub fn for_key(parts: &[&str]) -> Rng {
        // FNV-1a over the parts, with a separator between them.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for part in parts {
            for byte in part.bytes().chain([0xff]) {
                hash ^= byte as u64;
                hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
            }
        }
        Rng::new(hash)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in [low, high).
    pub fn uniform(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.unit()
    }

    /// Uniform in 0..n; `n` must be positive.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Approximately standard normal: the Irwin–Hall sum of 12 uniforms
    /// minus 6 (mean 0, variance 1, tails cut at ±6).
    pub fn normal(&mut self) -> f64 {
        (0..12).map(|_| self.unit()).sum::<f64>() - 6.0
    }

    /// Poisson-distributed count with mean `mean` (Knuth's method).
    pub fn poisson(&mut self, mean: f64) -> u32 {
        let limit = exp(-mean);
        let mut product = self.unit();
        let mut count = 0;
        while product > limit && count < 1000 {
            product *= self.unit();
            count += 1;
        }
        count
    }

    /// Picks one element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// e^x by range reduction to |r| ≤ ln 2 / 2 and a Taylor series.
pub fn exp(x: f64) -> f64 {
    const LN2: f64 = std::f64::consts::LN_2;
    let k = (x / LN2).round();
    let r = x - k * LN2;
    let mut term = 1.0;
    let mut sum = 1.0;
    for n in 1..20 {
        term *= r / n as f64;
        sum += term;
    }
    let mut scale = 1.0;
    let two: f64 = if k >= 0.0 { 2.0 } else { 0.5 };
    for _ in 0..(k.abs() as i64) {
        scale *= two;
    }
    sum * scale
}

/// Natural logarithm of a positive x, by halving or doubling into
/// [0.75, 1.5) and the series of atanh((x − 1) / (x + 1)).
pub fn ln(x: f64) -> f64 {
    const LN2: f64 = std::f64::consts::LN_2;
    let mut m = x;
    let mut k = 0.0;
    while m >= 1.5 {
        m /= 2.0;
        k += 1.0;
    }
    while m < 0.75 {
        m *= 2.0;
        k -= 1.0;
    }
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    let mut term = s;
    let mut sum = 0.0;
    for n in 0..30 {
        sum += term / (2 * n + 1) as f64;
        term *= s2;
    }
    2.0 * sum + k * LN2
}

/// base^power for a positive base.
pub fn pow(base: f64, power: f64) -> f64 {
    if power == 0.0 {
        return 1.0;
    }
    exp(power * ln(base))
}

/// Rounds to `decimals` places, the way figures are stored; never
/// returns negative zero, which would print as "-0".
pub fn round_to(value: f64, decimals: u32) -> f64 {
    let scale = 10f64.powi(decimals as i32);
    let rounded = (value * scale).round() / scale;
    if rounded == 0.0 {
        0.0
    } else {
        rounded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_and_ln_match_std() {
        for x in [-7.5, -1.0, -0.01, 0.0, 0.3, 1.0, 2.7, 9.0] {
            let ours = exp(x);
            assert!((ours - x.exp()).abs() <= 1e-12 * x.exp(), "exp({x})");
        }
        for x in [0.01, 0.12, 0.7, 1.0, 1.9, 5.66, 1234.5] {
            assert!((ln(x) - x.ln()).abs() < 1e-12, "ln({x})");
        }
        assert!((pow(5.66, 0.8) - 5.66f64.powf(0.8)).abs() < 1e-12);
    }

    #[test]
    fn same_key_same_stream() {
        let mut a = Rng::for_key(&["gdp", "jiyang"]);
        let mut b = Rng::for_key(&["gdp", "jiyang"]);
        let mut c = Rng::for_key(&["gdpj", "iyang"]);
        let first = a.next_u64();
        assert_eq!(first, b.next_u64());
        assert_ne!(first, c.next_u64());
    }

    #[test]
    fn normal_has_unit_variance() {
        let mut rng = Rng::new(7);
        let draws: Vec<f64> = (0..20_000).map(|_| rng.normal()).collect();
        let mean = draws.iter().sum::<f64>() / draws.len() as f64;
        let var = draws.iter().map(|d| (d - mean) * (d - mean)).sum::<f64>()
            / draws.len() as f64;
        assert!(mean.abs() < 0.03, "mean {mean}");
        assert!((var - 1.0).abs() < 0.05, "variance {var}");
    }
}
