//! How a KPI's actual becomes a score, scores a total, and totals grades (§7). Pure functions:
//! exact decimals in, exact decimals out. Nothing here rounds: a tier, a grade or a payout never
//! depends on a rounded display value (§7 *Precision*).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::entities::Grade;
use crate::entities::kpi_definition::Direction;
use crate::services::catalogue::exact;

/// One tier of a TIERS method: reaching `threshold` scores `score`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tier {
    pub threshold: Decimal,
    pub score: Decimal,
}

/// Where a TARGET_RATIO KPI's target comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TargetSource {
    /// The person's monthly target for the metric, else the team's (§4).
    Target,
    /// A fixed value (`value`).
    Fixed,
    /// The team's value: the shop's conversion for owned-product conversion, else the mean of
    /// the people of the same role.
    TeamAverage,
}

/// A scoring method with its parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Scoring {
    /// The highest tier met, else 0. A tier is met at or above its threshold (at or below when
    /// lower is better).
    Tiers { tiers: Vec<Tier> },
    /// 100 × (actual − worst) / (best − worst), clamped to 0..100 (best may be below worst).
    Linear { worst: Decimal, best: Decimal },
    /// min(actual / target, cap) × 100; lower is better: clamp(2 − actual / target, 0, cap) × 100.
    TargetRatio {
        target: TargetSource,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        value: Option<Decimal>,
        cap: Decimal,
    },
}

/// The exact score of the exact `actual`, or `None` when it cannot be scored: no actual, or a
/// TARGET_RATIO without a (non-zero) target.
pub fn score(
    scoring: &Scoring,
    direction: Direction,
    actual: Option<Decimal>,
    target: Option<Decimal>,
) -> Option<Decimal> {
    let actual = actual?;
    let hundred = Decimal::ONE_HUNDRED;
    let raw = match scoring {
        Scoring::Tiers { tiers } => tiers
            .iter()
            .filter(|t| match direction {
                Direction::Higher => actual >= t.threshold,
                Direction::Lower => actual <= t.threshold,
            })
            .map(|t| t.score)
            .max()
            .unwrap_or(Decimal::ZERO),
        Scoring::Linear { worst, best } => {
            if worst == best {
                return None;
            }
            exact(
                &[hundred, actual.checked_sub(*worst)?],
                &[best.checked_sub(*worst)?],
            )?
            .clamp(Decimal::ZERO, hundred)
        }
        Scoring::TargetRatio { cap, .. } => {
            let target = target.filter(|t| !t.is_zero())?;
            let ratio = exact(&[actual], &[target])?;
            let capped = match direction {
                Direction::Higher => ratio.min(*cap).max(Decimal::ZERO),
                Direction::Lower => (Decimal::TWO - ratio).clamp(Decimal::ZERO, *cap),
            };
            capped * hundred
        }
    };
    Some(raw)
}

/// Σ(weight × score) / Σweight over the scored KPIs, exact; `None` when none was scored (or,
/// with settings stored past the input bounds, when the sums overflow `Decimal`).
pub fn total(scored: impl IntoIterator<Item = (Decimal, Decimal)>) -> Option<Decimal> {
    let (mut sum, mut weights) = (Decimal::ZERO, Decimal::ZERO);
    for (weight, score) in scored {
        sum = sum.checked_add(weight.checked_mul(score)?)?;
        weights = weights.checked_add(weight)?;
    }
    exact(&[sum], &[weights])
}

/// The lowest total of each grade above D (§7: S ≥ 100, A ≥ 90, B ≥ 80, C ≥ 70).
pub const GRADE_FLOORS: [(Grade, Decimal); 4] = [
    (Grade::S, Decimal::ONE_HUNDRED),
    (Grade::A, Decimal::from_parts(90, 0, 0, false, 0)),
    (Grade::B, Decimal::from_parts(80, 0, 0, false, 0)),
    (Grade::C, Decimal::from_parts(70, 0, 0, false, 0)),
];

pub fn grade(total: Decimal) -> Grade {
    GRADE_FLOORS
        .iter()
        .find(|(_, floor)| total >= *floor)
        .map_or(Grade::D, |(g, _)| *g)
}

pub fn one_lower(g: Grade) -> Grade {
    match g {
        Grade::S => Grade::A,
        Grade::A => Grade::B,
        Grade::B => Grade::C,
        Grade::C | Grade::D => Grade::D,
    }
}

/// A cumulative quota of a forced distribution: at most `max` (a fraction) of the graded people
/// may have `grade` or better.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradeQuota {
    pub grade: Grade,
    pub max: Decimal,
}

/// Applies quotas to grades given in rank order (best total first): for each quota, from the top
/// grade down, the lowest-ranked people over it (floor(max × n) allowed) move down one grade.
/// Returns the new grades, in the same order.
pub fn force(ranked: &[Grade], quotas: &[GradeQuota]) -> Vec<Grade> {
    let mut grades = ranked.to_vec();
    let n = Decimal::from(grades.len());
    let mut quotas = quotas.to_vec();
    quotas.sort_by_key(|q| q.grade);
    for q in quotas {
        let allowed = (q.max * n).floor();
        let mut within = 0;
        for g in grades.iter_mut() {
            if *g <= q.grade {
                within += 1;
                if Decimal::from(within) > allowed {
                    *g = one_lower(*g);
                }
            }
        }
    }
    grades
}

#[cfg(test)]
mod tests {
    use super::*;
    use Direction::{Higher, Lower};

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn tiers(list: &[(&str, &str)]) -> Scoring {
        Scoring::Tiers {
            tiers: list
                .iter()
                .map(|(t, s)| Tier {
                    threshold: d(t),
                    score: d(s),
                })
                .collect(),
        }
    }

    #[test]
    fn tiers_score_the_highest_tier_met_boundaries_included() {
        let conversion = tiers(&[("0.45", "100"), ("0.40", "80"), ("0.35", "60")]);
        let s = |a: &str| score(&conversion, Higher, Some(d(a)), None);
        assert_eq!(s("0.40"), Some(d("80")), "exactly on the tier");
        assert_eq!(s("0.3999"), Some(d("60")));
        assert_eq!(s("0.50"), Some(d("100")));
        assert_eq!(s("0.20"), Some(d("0")), "no tier met");
        let response = tiers(&[("35", "100"), ("45", "80"), ("55", "60")]);
        assert_eq!(score(&response, Lower, Some(d("45")), None), Some(d("80")));
        assert_eq!(
            score(&response, Lower, Some(d("45.01")), None),
            Some(d("60"))
        );
        assert_eq!(score(&response, Lower, None, None), None);
    }

    #[test]
    fn linear_clamps_both_ways() {
        let on_time = Scoring::Linear {
            worst: d("0.70"),
            best: d("1.00"),
        };
        let s = |a: &str| score(&on_time, Higher, Some(d(a)), None);
        assert_eq!(s("0.85"), Some(d("50")));
        assert_eq!(s("0.60"), Some(d("0")));
        assert_eq!(s("1"), Some(d("100")));
        // 100 × (0.9 − 0.7) / 0.3 = 66.666…, not rounded
        assert_eq!(s("0.9"), Some(d("66.666666666666666666666666667")));
    }

    #[test]
    fn target_ratio_caps_and_lower_is_better() {
        let ratio = Scoring::TargetRatio {
            target: TargetSource::Target,
            value: None,
            cap: d("1.2"),
        };
        let s = |dir, a: &str, t: Option<&str>| score(&ratio, dir, Some(d(a)), t.map(d));
        assert_eq!(
            s(Higher, "130", Some("100")),
            Some(d("120")),
            "capped at 120 %"
        );
        assert_eq!(s(Higher, "95", Some("100")), Some(d("95")));
        assert_eq!(s(Higher, "-5", Some("100")), Some(d("0")));
        assert_eq!(s(Higher, "5", None), None, "no target: not scored");
        assert_eq!(s(Higher, "5", Some("0")), None);
        // CPC ¥1.10 against ¥1.00: 2 − 1.1 = 0.9 → 90; ¥0.50: 1.5 capped at 1.2 → 120.
        assert_eq!(s(Lower, "1.10", Some("1.00")), Some(d("90")));
        assert_eq!(s(Lower, "0.50", Some("1.00")), Some(d("120")));
        assert_eq!(s(Lower, "2.50", Some("1.00")), Some(d("0")));
        // CPC 1.234 against 1.00: 2 − 1.234 = 0.766 → 76.6 (not 1.23 → 77).
        assert_eq!(s(Lower, "1.234", Some("1.00")), Some(d("76.6")));
    }

    #[test]
    fn totals_weigh_scored_kpis_and_grades_follow() {
        // (30 × 100 + 20 × 80 + 10 × 55) / 60 = 5150 / 60 = 85.8333…, not rounded
        let t = total([(d("30"), d("100")), (d("20"), d("80")), (d("10"), d("55"))]);
        assert_eq!(t, Some(d("85.833333333333333333333333333")));
        // Issue 12's designer: on time 100 (weight 40), delivered 76.6564 (weight 30):
        // (4000 + 2299.692) / 70 = 89.9956 is a B, though it would show as 90.00.
        let t = total([(d("40"), d("100")), (d("30"), d("76.6564"))]).unwrap();
        assert_eq!((t, grade(t)), (d("89.9956"), Grade::B));
        assert_eq!(total([]), None);
        assert_eq!(grade(d("100")), Grade::S);
        assert_eq!(grade(d("99.99")), Grade::A);
        assert_eq!(grade(d("70")), Grade::C);
        assert_eq!(grade(d("69.99")), Grade::D);
    }

    #[test]
    fn forced_distribution_demotes_the_lowest_ranked_over_each_quota() {
        use Grade::*;
        let quotas = [
            GradeQuota {
                grade: S,
                max: d("0.1"),
            },
            GradeQuota {
                grade: A,
                max: d("0.3"),
            },
        ];
        // Ten people: at most 1 S and 3 S-or-A.
        let ranked = [S, S, A, A, A, B, B, C, C, D];
        assert_eq!(force(&ranked, &quotas), vec![S, A, A, B, B, B, B, C, C, D]);
        assert_eq!(force(&[A, B], &quotas), vec![B, B], "floor(0.3 × 2) = 0");
    }
}
