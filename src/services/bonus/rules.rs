//! The month-end bonus rules of §8 as a pure function: each person's month (score, grade, metric
//! values, targets, owned products' units) and their role's plan in, line items out.
//!
//! Every amount is exact `Decimal` arithmetic on exact inputs (sums of integer fen and counts),
//! multiplied out before the one division a rule needs, then rounded half-up to 0.01 per line:
//! the same month gives the same cents on any database. A payout is the sum of its lines and
//! manual adjustments, never below zero.
//!
//! A rule type is its parameters' struct and one `impl` of [`RuleType`] (its name, how given
//! parameters are checked, what they pay), listed once in `rule_types!`, which makes [`Kind`]
//! and [`Rule`] of the list.

use std::cell::RefCell;
use std::collections::HashMap;

use rust_decimal::Decimal;
use sea_orm::ActiveEnum;
use serde::{Deserialize, Serialize, de::DeserializeOwned};

use crate::entities::{Grade, Metric, Role};
use crate::money::{cents, round_half_up};
use crate::services::catalogue::{self, Quotient, Unit, exact};
use crate::services::metrics::month::ProductUnits;
use crate::validate::Checks;

/// A type of rule: the parameters it is given, stored (as JSON) and shown with, how given ones
/// are checked, and what a person's month earns under them.
pub trait RuleType: Serialize + DeserializeOwned {
    /// The kind's name: the stored `kind`, and a rule's code unless one is given.
    const NAME: &'static str;
    /// The input field the parameters are given in, the prefix of their errors.
    const FIELD: &'static str;

    /// Given parameters of a plan of `role`, each problem recorded in `c`, in the form stored.
    fn check(self, role: Role, c: &mut Checks) -> Self;

    /// The metric of §3 the rule pays on: the run loads only those.
    fn metric(&self) -> Option<Metric> {
        None
    }

    /// The line of `person`, whose role's people are `peers`; the amount exact (the line rounds).
    fn pay(&self, person: &Person, peers: &Peers) -> Computed;
}

/// A line's inputs, formula and exact amount.
pub type Computed = (Vec<Input>, String, Decimal);

/// Makes [`Kind`] (each rule type's, then ADJUSTMENT) and [`Rule`] (the parameters of one rule
/// type) of the list of rule types, and has each [`Rule`] do what its type's [`RuleType`] does.
macro_rules! rule_types {
    ($($T:ident),+ $(,)?) => {
        /// What a line item comes from: a rule type, or a manager's manual adjustment.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Kind {
            $($T,)+
            Adjustment,
        }

        impl Kind {
            /// Every rule type's kind, in listed order (ADJUSTMENT is none).
            pub const RULES: &[Kind] = &[$(Kind::$T),+];
            /// The input fields of the rule types, in the same order.
            pub const FIELDS: &[&str] = &[$(<$T as RuleType>::FIELD),+];

            pub fn name(self) -> &'static str {
                match self {
                    $(Kind::$T => <$T as RuleType>::NAME,)+
                    Kind::Adjustment => "ADJUSTMENT",
                }
            }
        }

        /// One typed rule of a plan, with its parameters.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Rule {
            $($T($T),)+
        }

        impl Rule {
            pub fn kind(&self) -> Kind {
                match self {
                    $(Rule::$T(_) => Kind::$T,)+
                }
            }

            /// The metric of §3 the rule pays on, if any.
            pub fn metric(&self) -> Option<Metric> {
                match self {
                    $(Rule::$T(p) => p.metric(),)+
                }
            }

            /// The parameters as stored (JSON, decimals as strings).
            pub fn params_json(&self) -> String {
                match self {
                    $(Rule::$T(p) => serde_json::to_string(p),)+
                }
                .unwrap_or_default()
            }

            pub fn from_json(kind: Kind, params: &str) -> Result<Rule, String> {
                let rule = match kind {
                    $(Kind::$T => serde_json::from_str(params).map(Rule::$T),)+
                    Kind::Adjustment => return Err("ADJUSTMENT is not a rule".into()),
                };
                rule.map_err(|e| e.to_string())
            }

            /// See [`RuleType::check`].
            pub fn check(self, role: Role, c: &mut Checks) -> Rule {
                match self {
                    $(Rule::$T(p) => Rule::$T(p.check(role, c)),)+
                }
            }

            fn pay(&self, person: &Person, peers: &Peers) -> Computed {
                match self {
                    $(Rule::$T(p) => p.pay(person, peers),)+
                }
            }
        }
    };
}

rule_types!(
    GradeBonus,
    ScoreBonus,
    Commission,
    PerUnitOverThreshold,
    TeamRelative,
);

impl Kind {
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::RULES
            .iter()
            .copied()
            .chain([Kind::Adjustment])
            .find(|k| k.name() == name)
    }
}

/// The money metrics a commission can be paid on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum CommissionMetric {
    SalesAmount,
    AttributedAmount,
    PaidAmount,
    NetProfit,
}

impl CommissionMetric {
    pub fn metric(self) -> Metric {
        match self {
            Self::SalesAmount => Metric::SalesAmount,
            Self::AttributedAmount => Metric::AttributedAmount,
            Self::PaidAmount => Metric::PaidAmount,
            Self::NetProfit => Metric::NetProfit,
        }
    }
}

/// What a TEAM_RELATIVE rule compares: the review score or a higher-is-better metric of §3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum RelativeMetric {
    Score,
    SalesAmount,
    InquiryConversion,
    CsAov,
    ReplyRate,
    OnTimeRate,
    Delivered,
    OwnedConversion,
    Roi,
    Ctr,
    AttributedAmount,
    PaidAmount,
    ConversionRate,
    NetProfit,
}

impl RelativeMetric {
    /// The §3 metric, or `None` for the score.
    pub fn metric(self) -> Option<Metric> {
        Some(match self {
            Self::Score => return None,
            Self::SalesAmount => Metric::SalesAmount,
            Self::InquiryConversion => Metric::InquiryConversion,
            Self::CsAov => Metric::CsAov,
            Self::ReplyRate => Metric::ReplyRate,
            Self::OnTimeRate => Metric::OnTimeRate,
            Self::Delivered => Metric::Delivered,
            Self::OwnedConversion => Metric::OwnedConversion,
            Self::Roi => Metric::Roi,
            Self::Ctr => Metric::Ctr,
            Self::AttributedAmount => Metric::AttributedAmount,
            Self::PaidAmount => Metric::PaidAmount,
            Self::ConversionRate => Metric::ConversionRate,
            Self::NetProfit => Metric::NetProfit,
        })
    }

    /// An amount of yuan, shown with two places.
    pub fn is_money(self) -> bool {
        self.metric()
            .is_some_and(|m| m.def().is_sum() && m.def().unit == Unit::Money)
    }

    /// A ratio, compared with the pooled value (Σ numerators / Σ denominators) rather than a
    /// mean per person.
    pub fn is_pooled(self) -> bool {
        self.metric().is_some_and(|m| !m.def().is_sum())
    }
}

/// The grade coefficients of a GRADE_BONUS (§8 defaults: S 1.5, A 1.2, B 1.0, C 0.6, D 0).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coefficients {
    pub s: Decimal,
    pub a: Decimal,
    pub b: Decimal,
    pub c: Decimal,
    pub d: Decimal,
}

impl Default for Coefficients {
    fn default() -> Self {
        Self {
            s: Decimal::new(15, 1),
            a: Decimal::new(12, 1),
            b: Decimal::ONE,
            c: Decimal::new(6, 1),
            d: Decimal::ZERO,
        }
    }
}

impl Coefficients {
    pub fn of(&self, grade: Grade) -> Decimal {
        match grade {
            Grade::S => self.s,
            Grade::A => self.a,
            Grade::B => self.b,
            Grade::C => self.c,
            Grade::D => self.d,
        }
    }

    pub fn all(&self) -> [Decimal; 5] {
        [self.s, self.a, self.b, self.c, self.d]
    }
}

/// Yuan with at most two decimals, not negative.
fn check_money(c: &mut Checks, field: &str, value: Decimal) -> Decimal {
    c.money(field, value);
    value
}

fn check_fraction(c: &mut Checks, field: &str, value: Decimal) {
    if value < Decimal::ZERO || value > Decimal::ONE {
        c.fail(field, "a fraction from 0 to 1 (0.01 = 1 %)");
    }
}

/// A commission or team-relative rule of `role` pays on one of the role's metrics (or the
/// shop's).
fn check_metric(c: &mut Checks, field: &str, role: Role, metric: Metric) {
    if !catalogue::applies(role, metric) {
        c.fail(
            field,
            format!("{} is not a metric of this role", metric.to_value()),
        );
    }
}

/// base × the grade's coefficient.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradeBonus {
    pub base: Decimal,
    pub coefficients: Coefficients,
}

impl RuleType for GradeBonus {
    const NAME: &'static str = "GRADE_BONUS";
    const FIELD: &'static str = "gradeBonus";

    fn check(self, _: Role, c: &mut Checks) -> Self {
        if self
            .coefficients
            .all()
            .iter()
            .any(|k| *k < Decimal::ZERO || *k > Decimal::TEN)
        {
            c.fail("gradeBonus.coefficients", "each from 0 to 10");
        }
        Self {
            base: check_money(c, "gradeBonus.base", self.base),
            coefficients: self.coefficients,
        }
    }

    fn pay(&self, p: &Person, _: &Peers) -> Computed {
        let mut inputs = vec![input("base", money(self.base))];
        let Some(grade) = p.grade else {
            inputs.push(input("grade", "none"));
            return (inputs, "no grade: 0".into(), Decimal::ZERO);
        };
        let coefficient = self.coefficients.of(grade);
        inputs.push(input("grade", format!("{grade:?}")));
        inputs.push(input("coefficient", plain(coefficient)));
        (
            inputs,
            format!("{} × {}", money(self.base), plain(coefficient)),
            self.base * coefficient,
        )
    }
}

/// base × score / 100.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreBonus {
    pub base: Decimal,
}

impl RuleType for ScoreBonus {
    const NAME: &'static str = "SCORE_BONUS";
    const FIELD: &'static str = "scoreBonus";

    fn check(self, _: Role, c: &mut Checks) -> Self {
        Self {
            base: check_money(c, "scoreBonus.base", self.base),
        }
    }

    fn pay(&self, p: &Person, _: &Peers) -> Computed {
        let mut inputs = vec![input("base", money(self.base))];
        let Some(score) = p.score else {
            inputs.push(input("score", "none"));
            return (inputs, "no score: 0".into(), Decimal::ZERO);
        };
        inputs.push(input("score", plain(score)));
        let amount = exact(&[self.base, score], &[Decimal::ONE_HUNDRED]).unwrap_or_default();
        (
            inputs,
            format!("{} × {} / 100", money(self.base), plain(score)),
            amount,
        )
    }
}

/// From `completion` (metric / target, 1.0 = 100 %) on, `rate` replaces the base rate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tier {
    pub completion: Decimal,
    pub rate: Decimal,
}

/// A money metric × a rate, the rate rising by tiers of target completion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Commission {
    pub metric: CommissionMetric,
    /// Below the lowest tier (or without a target).
    pub rate: Decimal,
    /// Ascending by completion; the highest one met applies.
    pub tiers: Vec<Tier>,
}

impl RuleType for Commission {
    const NAME: &'static str = "COMMISSION";
    const FIELD: &'static str = "commission";

    fn check(self, role: Role, c: &mut Checks) -> Self {
        check_metric(c, "commission.metric", role, self.metric.metric());
        check_fraction(c, "commission.rate", self.rate);
        let mut tiers: Vec<Tier> = Vec::with_capacity(self.tiers.len());
        for t in self.tiers {
            check_fraction(c, "commission.tiers.rate", t.rate);
            if t.completion <= Decimal::ZERO || t.completion > Decimal::ONE_THOUSAND {
                c.fail(
                    "commission.tiers.completion",
                    "a completion above 0 (1.0 = 100 %)",
                );
            }
            if tiers.iter().any(|x| x.completion == t.completion) {
                c.fail("commission.tiers.completion", "each tier's completion once");
            }
            tiers.push(Tier {
                completion: t.completion.normalize(),
                rate: t.rate.normalize(),
            });
        }
        tiers.sort_by_key(|t| t.completion);
        Self {
            metric: self.metric,
            rate: self.rate.normalize(),
            tiers,
        }
    }

    fn metric(&self) -> Option<Metric> {
        Some(self.metric.metric())
    }

    fn pay(&self, p: &Person, _: &Peers) -> Computed {
        let metric = self.metric.metric();
        let value = p
            .metrics
            .get(&metric)
            .and_then(Quotient::value)
            .unwrap_or_default();
        let name = metric.def().name;
        let mut inputs = vec![input(name, money(value))];
        let target = p.targets.get(&metric).copied();
        let completion = target.and_then(|t| (t > Decimal::ZERO).then(|| exact(&[value], &[t]))?);
        match (target, completion) {
            (Some(t), Some(done)) => {
                inputs.push(input("target", money(t)));
                inputs.push(input("completion", plain(round_half_up(done, 4))));
            }
            _ => inputs.push(input("target", "none")),
        }
        let tier = completion.and_then(|done| {
            self.tiers
                .iter()
                .filter(|t| done >= t.completion)
                .max_by_key(|t| t.completion)
        });
        let rate = match tier {
            Some(t) => {
                inputs.push(input(
                    "tier",
                    format!("completion ≥ {}", plain(t.completion)),
                ));
                t.rate
            }
            None => self.rate,
        };
        inputs.push(input("rate", plain(rate)));
        let formula = if value < Decimal::ZERO {
            format!("max({}, 0) × {}", money(value), plain(rate))
        } else {
            format!("{} × {}", money(value), plain(rate))
        };
        (inputs, formula, value.max(Decimal::ZERO) * rate)
    }
}

/// Σ over the products a designer owns of max(units − threshold, 0) × amount.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PerUnitOverThreshold {
    /// Paid per unit sold above the threshold.
    pub amount: Decimal,
    /// Units per product per month that earn nothing.
    pub threshold: i64,
}

/// What a rule given without an amount or threshold pays.
impl Default for PerUnitOverThreshold {
    fn default() -> Self {
        Self {
            amount: Decimal::ONE,
            threshold: 500,
        }
    }
}

impl RuleType for PerUnitOverThreshold {
    const NAME: &'static str = "PER_UNIT_OVER_THRESHOLD";
    const FIELD: &'static str = "perUnitOverThreshold";

    fn check(self, role: Role, c: &mut Checks) -> Self {
        if role != Role::Designer {
            c.fail(
                "perUnitOverThreshold",
                "only designers own products (DESIGNER plans only)",
            );
        }
        if self.threshold < 0 {
            c.fail("perUnitOverThreshold.threshold", "must not be negative");
        }
        Self {
            amount: check_money(c, "perUnitOverThreshold.amount", self.amount),
            threshold: self.threshold,
        }
    }

    fn pay(&self, p: &Person, _: &Peers) -> Computed {
        let mut inputs = vec![
            input("threshold", self.threshold.to_string()),
            input("amount", money(self.amount)),
        ];
        let mut products: Vec<&ProductUnits> = p.products.iter().collect();
        products.sort_by(|a, b| a.label.cmp(&b.label));
        if products.is_empty() {
            inputs.push(input("products", "none"));
            return (inputs, "no products: 0".into(), Decimal::ZERO);
        }
        let mut over = 0i64;
        let mut terms = Vec::with_capacity(products.len());
        for pu in products {
            inputs.push(input(format!("units {}", pu.label), pu.units.to_string()));
            over += (pu.units - self.threshold).max(0);
            terms.push(format!("max({} − {}, 0)", pu.units, self.threshold));
        }
        let sum = if terms.len() == 1 {
            terms.swap_remove(0)
        } else {
            format!("({})", terms.join(" + "))
        };
        (
            inputs,
            format!("{sum} × {}", money(self.amount)),
            Decimal::from(over) * self.amount,
        )
    }
}

/// pool × own metric / the average of the people of the same role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamRelative {
    pub pool: Decimal,
    pub metric: RelativeMetric,
}

impl RuleType for TeamRelative {
    const NAME: &'static str = "TEAM_RELATIVE";
    const FIELD: &'static str = "teamRelative";

    fn check(self, role: Role, c: &mut Checks) -> Self {
        if let Some(m) = self.metric.metric() {
            check_metric(c, "teamRelative.metric", role, m);
        }
        Self {
            pool: check_money(c, "teamRelative.pool", self.pool),
            metric: self.metric,
        }
    }

    fn metric(&self) -> Option<Metric> {
        self.metric.metric()
    }

    fn pay(&self, p: &Person, peers: &Peers) -> Computed {
        let t = self;
        let team = peers.value(t.metric);
        let label = relative_name(t.metric);
        let mut inputs = vec![input("pool", money(t.pool))];
        let own = match t.metric.metric() {
            None => p.score.map(Quotient::amount),
            Some(m) => Some(p.metrics.get(&m).copied().unwrap_or_default()),
        };
        let show = |d: Decimal| {
            if t.metric.is_money() {
                money(d)
            } else {
                plain(d)
            }
        };
        let (own_num, own_den, own_text) = match own {
            Some(q) if t.metric.is_pooled() => (
                q.num,
                q.den,
                format!("({} / {})", plain(q.num), plain(q.den)),
            ),
            Some(q) => {
                let v = q.value().unwrap_or_default();
                (v, Decimal::ONE, show(v))
            }
            None => (Decimal::ZERO, Decimal::ZERO, "none".into()),
        };
        inputs.push(input(label, own_text.clone()));
        let team_text = if t.metric.is_pooled() {
            format!("({} / {})", plain(team.num), plain(team.den))
        } else {
            format!("({} / {})", show(team.num), plain(team.den))
        };
        let average_name = if t.metric.is_pooled() {
            "team pooled"
        } else {
            "team mean"
        };
        inputs.push(input(average_name, team_text.clone()));
        if own_den.is_zero() {
            return (inputs, format!("no {label}: 0"), Decimal::ZERO);
        }
        if team.num <= Decimal::ZERO || team.den.is_zero() {
            return (inputs, format!("team {label} is 0: 0"), Decimal::ZERO);
        }
        // pool × (own_num / own_den) / (sum / of)
        let amount = exact(&[t.pool, own_num, team.den], &[own_den, team.num])
            .unwrap_or_default()
            .max(Decimal::ZERO);
        (
            inputs,
            format!("{} × {own_text} / {team_text}", money(t.pool)),
            amount,
        )
    }
}

fn relative_name(m: RelativeMetric) -> &'static str {
    m.metric().map_or("score", |m| m.def().name)
}

/// A rule of a role's plan under its name (the payroll column).
#[derive(Debug, Clone, PartialEq)]
pub struct PlanRule {
    pub code: String,
    pub rule: Rule,
}

fn dec(s: &str) -> Decimal {
    s.parse().expect("a decimal literal")
}

/// The plan a role gets until its team sets one (README, *Month-end bonus*).
pub fn default_plan(role: Role) -> Vec<PlanRule> {
    let grade = |base: &str| PlanRule {
        code: GradeBonus::NAME.into(),
        rule: Rule::GradeBonus(GradeBonus {
            base: dec(base),
            coefficients: Coefficients::default(),
        }),
    };
    let commission = |metric, rate: &str, tiers: &[(&str, &str)]| PlanRule {
        code: Commission::NAME.into(),
        rule: Rule::Commission(Commission {
            metric,
            rate: dec(rate),
            tiers: tiers
                .iter()
                .map(|(c, r)| Tier {
                    completion: dec(c),
                    rate: dec(r),
                })
                .collect(),
        }),
    };
    match role {
        Role::CustomerService => vec![
            grade("800.00"),
            commission(CommissionMetric::SalesAmount, "0.005", &[]),
        ],
        Role::Designer => vec![
            PlanRule {
                code: ScoreBonus::NAME.into(),
                rule: Rule::ScoreBonus(ScoreBonus {
                    base: dec("1500.00"),
                }),
            },
            PlanRule {
                code: PerUnitOverThreshold::NAME.into(),
                rule: Rule::PerUnitOverThreshold(PerUnitOverThreshold {
                    amount: dec("1.00"),
                    threshold: 500,
                }),
            },
        ],
        Role::Promotion => vec![
            grade("1000.00"),
            PlanRule {
                code: TeamRelative::NAME.into(),
                rule: Rule::TeamRelative(TeamRelative {
                    pool: dec("1000.00"),
                    metric: RelativeMetric::Roi,
                }),
            },
        ],
        Role::Operations => vec![
            grade("1000.00"),
            commission(
                CommissionMetric::PaidAmount,
                "0.01",
                &[("1.0", "0.02"), ("1.2", "0.03")],
            ),
        ],
    }
}

/// Everything the rules read about one person's month.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub staff_id: i64,
    pub role: Role,
    /// The review's total score; `None` when no KPI was scored.
    pub score: Option<Decimal>,
    /// The final grade (after forced distribution and adjustment).
    pub grade: Option<Grade>,
    /// The month's metrics of the person's role, and the shop's.
    pub metrics: HashMap<Metric, Quotient>,
    /// The person's target per metric, else the team's.
    pub targets: HashMap<Metric, Decimal>,
    pub products: Vec<ProductUnits>,
}

/// The people of one role, as rules that compare a person with them see them.
pub struct Peers<'a> {
    people: Vec<&'a Person>,
    /// Each value asked for, computed once for the whole role.
    values: RefCell<HashMap<RelativeMetric, Quotient>>,
}

impl Peers<'_> {
    /// The people's value of a metric: the mean of their scores, else as the catalogue pools
    /// the metric.
    pub fn value(&self, metric: RelativeMetric) -> Quotient {
        *self
            .values
            .borrow_mut()
            .entry(metric)
            .or_insert_with(|| match metric.metric() {
                None => catalogue::mean(self.people.iter().filter_map(|p| p.score)),
                Some(m) => catalogue::team_value(
                    m,
                    self.people
                        .iter()
                        .map(|p| p.metrics.get(&m).copied().unwrap_or_default()),
                ),
            })
    }
}

/// A manual adjustment: any amount (a deduction is negative) with its reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Adjustment {
    pub amount: Decimal,
    pub reason: String,
}

/// A named input of a line item, as shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Input {
    pub name: String,
    pub value: String,
}

fn input(name: impl Into<String>, value: impl Into<String>) -> Input {
    Input {
        name: name.into(),
        value: value.into(),
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The rule's code (its payroll column), or ADJUSTMENT.
    pub code: String,
    pub kind: Kind,
    pub inputs: Vec<Input>,
    /// How the amount was computed, with the inputs' values (`1500.00 × 87.5 / 100`).
    pub formula: String,
    /// Rounded half-up to 0.01.
    pub amount: Decimal,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Payout {
    pub staff_id: i64,
    pub lines: Vec<Line>,
    /// Σ line amounts (adjustments included).
    pub gross: Decimal,
    /// The gross floored at 0: what is paid.
    pub total: Decimal,
}

/// Money as shown in formulas: two places, exact when it has at most two.
fn money(d: Decimal) -> String {
    if d.normalize().scale() <= 2 {
        let mut d = d;
        d.rescale(2);
        d.to_string()
    } else {
        d.normalize().to_string()
    }
}

/// A number as shown in formulas: exact, or to 6 places and "…" when it has more (a score of
/// 85.8333…); the amount is computed from the exact value.
fn plain(d: Decimal) -> String {
    let d = d.normalize();
    if d.scale() > 6 {
        format!("{}…", round_half_up(d, 6).normalize())
    } else {
        d.to_string()
    }
}

/// Each person's payout under their role's plan, in the order given. `plans` lacks a role whose
/// people get nothing but their adjustments.
pub fn payouts(
    people: &[Person],
    plans: &HashMap<Role, Vec<PlanRule>>,
    adjustments: &HashMap<i64, Vec<Adjustment>>,
) -> Vec<Payout> {
    let peers: HashMap<Role, Peers> = plans
        .keys()
        .map(|role| {
            let people = people.iter().filter(|p| p.role == *role).collect();
            (
                *role,
                Peers {
                    people,
                    values: RefCell::default(),
                },
            )
        })
        .collect();
    people
        .iter()
        .map(|p| {
            let mut lines: Vec<Line> = plans
                .get(&p.role)
                .map(Vec::as_slice)
                .unwrap_or_default()
                .iter()
                .map(|r| {
                    let (inputs, formula, amount) = r.rule.pay(p, &peers[&p.role]);
                    Line {
                        code: r.code.clone(),
                        kind: r.rule.kind(),
                        inputs,
                        formula,
                        amount: cents(amount),
                    }
                })
                .collect();
            for a in adjustments.get(&p.staff_id).into_iter().flatten() {
                lines.push(Line {
                    code: Kind::Adjustment.name().into(),
                    kind: Kind::Adjustment,
                    inputs: vec![input("reason", a.reason.clone())],
                    formula: format!("manual adjustment {}", money(a.amount)),
                    amount: cents(a.amount),
                });
            }
            let gross: Decimal = lines.iter().map(|l| l.amount).sum();
            Payout {
                staff_id: p.staff_id,
                lines,
                gross: cents(gross),
                total: cents(gross.max(Decimal::ZERO)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(role: Role) -> Person {
        Person {
            staff_id: 1,
            role,
            score: None,
            grade: None,
            metrics: HashMap::new(),
            targets: HashMap::new(),
            products: vec![],
        }
    }

    fn one(p: &Person, rule: Rule) -> Line {
        let plans = HashMap::from([(
            p.role,
            vec![PlanRule {
                code: rule.kind().name().into(),
                rule,
            }],
        )]);
        payouts(std::slice::from_ref(p), &plans, &HashMap::new())
            .remove(0)
            .lines
            .remove(0)
    }

    /// One rule of each type, in the listed order; a new rule type adds one here.
    fn one_of_each() -> Vec<Rule> {
        vec![
            Rule::GradeBonus(GradeBonus {
                base: dec("800"),
                coefficients: Coefficients::default(),
            }),
            Rule::ScoreBonus(ScoreBonus { base: dec("1500") }),
            Rule::Commission(Commission {
                metric: CommissionMetric::SalesAmount,
                rate: dec("0.005"),
                tiers: vec![],
            }),
            Rule::PerUnitOverThreshold(PerUnitOverThreshold::default()),
            Rule::TeamRelative(TeamRelative {
                pool: dec("1000"),
                metric: RelativeMetric::Score,
            }),
        ]
    }

    #[test]
    fn each_kind_name_round_trips_through_parse() {
        let all: Vec<Kind> = Kind::RULES
            .iter()
            .copied()
            .chain([Kind::Adjustment])
            .collect();
        for k in &all {
            assert_eq!(Kind::parse(k.name()), Some(*k), "{k:?}");
            // bonus_rule.kind and bonus_line.kind are varchar(32).
            assert!(k.name().len() <= 32, "{k:?}");
        }
        assert_eq!(Kind::parse("grade_bonus"), None);
        // Each input field is its kind's name in camelCase (GRADE_BONUS: gradeBonus).
        let camel = |name: &str| {
            let words: Vec<String> = name.split('_').map(str::to_lowercase).collect();
            let tail: String = words[1..]
                .iter()
                .map(|w| w[..1].to_uppercase() + &w[1..])
                .collect();
            words[0].clone() + &tail
        };
        let fields: Vec<String> = Kind::RULES.iter().map(|k| camel(k.name())).collect();
        assert_eq!(fields, Kind::FIELDS);
    }

    #[test]
    fn every_rule_type_is_checked_stored_and_paid() {
        let rules = one_of_each();
        let kinds: Vec<Kind> = rules.iter().map(Rule::kind).collect();
        assert_eq!(kinds, Kind::RULES, "one rule of each type, in listed order");
        for rule in &rules {
            let mut checks = Checks::default();
            assert_eq!(&rule.clone().check(Role::Designer, &mut checks), rule);
            assert_eq!(checks.problems(), 0, "{rule:?}");
            let back = Rule::from_json(rule.kind(), &rule.params_json());
            assert_eq!(back.as_ref(), Ok(rule));
        }
        let metrics: Vec<Option<Metric>> = rules.iter().map(Rule::metric).collect();
        assert_eq!(
            metrics,
            vec![None, None, Some(Metric::SalesAmount), None, None]
        );

        let mut p = person(Role::Designer);
        p.grade = Some(Grade::A);
        p.score = Some(dec("80"));
        p.metrics
            .insert(Metric::SalesAmount, Quotient::amount(dec("1000")));
        p.products = vec![ProductUnits {
            label: "A".into(),
            units: 700,
        }];
        let plan = rules
            .into_iter()
            .map(|rule| PlanRule {
                code: rule.kind().name().into(),
                rule,
            })
            .collect();
        let plans = HashMap::from([(Role::Designer, plan)]);
        let payout = payouts(std::slice::from_ref(&p), &plans, &HashMap::new()).remove(0);
        let lines: Vec<(&str, Kind, String)> = payout
            .lines
            .iter()
            .map(|l| (l.code.as_str(), l.kind, l.amount.to_string()))
            .collect();
        // 800 × 1.2 = 960; 1500 × 80 / 100 = 1200; 1000.00 × 0.005 = 5 (no target);
        // max(700 − 500, 0) × 1 = 200; 1000 × 80 / (80 / 1) = 1000 (the only designer).
        assert_eq!(
            lines,
            vec![
                ("GRADE_BONUS", Kind::GradeBonus, "960.00".into()),
                ("SCORE_BONUS", Kind::ScoreBonus, "1200.00".into()),
                ("COMMISSION", Kind::Commission, "5.00".into()),
                (
                    "PER_UNIT_OVER_THRESHOLD",
                    Kind::PerUnitOverThreshold,
                    "200.00".into()
                ),
                ("TEAM_RELATIVE", Kind::TeamRelative, "1000.00".into()),
            ]
        );
        // 960 + 1200 + 5 + 200 + 1000 = 3365
        assert_eq!(payout.total.to_string(), "3365.00");
    }

    #[test]
    fn grade_bonus_uses_the_grade_coefficient() {
        let mut p = person(Role::CustomerService);
        p.grade = Some(Grade::A);
        let rule = Rule::GradeBonus(GradeBonus {
            base: dec("800"),
            coefficients: Coefficients::default(),
        });
        let line = one(&p, rule.clone());
        // 800.00 × 1.2 = 960.00
        assert_eq!(
            (line.formula.as_str(), line.amount.to_string()),
            ("800.00 × 1.2", "960.00".into())
        );
        p.grade = None;
        assert_eq!(one(&p, rule).amount.to_string(), "0.00");
    }

    #[test]
    fn score_bonus_rounds_half_up_at_the_cent() {
        let mut p = person(Role::Designer);
        // 1500.00 × 87.5 / 100 = 1312.50
        p.score = Some(dec("87.5"));
        let rule = Rule::ScoreBonus(ScoreBonus { base: dec("1500") });
        let line = one(&p, rule.clone());
        assert_eq!(line.formula, "1500.00 × 87.5 / 100");
        assert_eq!(line.amount.to_string(), "1312.50");
        // 0.01 × 50.5 / 100 = 0.00505 → 0.01; 0.01 × 50 / 100 = 0.005 → 0.01 (half up).
        let tiny = Rule::ScoreBonus(ScoreBonus { base: dec("0.01") });
        p.score = Some(dec("50"));
        assert_eq!(one(&p, tiny.clone()).amount.to_string(), "0.01");
        p.score = Some(dec("49.9"));
        assert_eq!(one(&p, tiny).amount.to_string(), "0.00");
    }

    #[test]
    fn commission_rises_by_tiers_of_completion() {
        let mut p = person(Role::Operations);
        let rule = Rule::Commission(Commission {
            metric: CommissionMetric::PaidAmount,
            rate: dec("0.01"),
            tiers: vec![
                Tier {
                    completion: dec("1.2"),
                    rate: dec("0.03"),
                },
                Tier {
                    completion: dec("1.0"),
                    rate: dec("0.02"),
                },
            ],
        });
        p.targets.insert(Metric::PaidAmount, dec("100000"));
        let cases = [
            ("99999.99", "999.9999", "1000.00"), // 99999.99 × 0.01 = 999.9999
            ("100000.00", "2000", "2000.00"),    // exactly 100 %: 0.02
            ("119999.99", "2399.9998", "2400.00"),
            ("120000.00", "3600", "3600.00"), // exactly 120 %: 0.03
        ];
        for (paid, exact_amount, rounded) in cases {
            p.metrics
                .insert(Metric::PaidAmount, Quotient::amount(dec(paid)));
            let line = one(&p, rule.clone());
            assert_eq!(cents(dec(exact_amount)), line.amount, "{paid}");
            assert_eq!(line.amount.to_string(), rounded, "{paid}");
        }
        // Without a target the base rate applies.
        p.targets.clear();
        assert_eq!(one(&p, rule.clone()).formula, "120000.00 × 0.01");
        // A loss earns nothing.
        p.metrics
            .insert(Metric::PaidAmount, Quotient::amount(dec("-5")));
        let loss = one(&p, rule);
        assert_eq!(
            (loss.formula.as_str(), loss.amount),
            ("max(-5.00, 0) × 0.01", Decimal::ZERO)
        );
    }

    #[test]
    fn per_unit_counts_only_units_over_the_threshold() {
        let mut p = person(Role::Designer);
        p.products = vec![
            ProductUnits {
                label: "A".into(),
                units: 812,
            },
            ProductUnits {
                label: "B".into(),
                units: 430,
            },
        ];
        let line = one(
            &p,
            Rule::PerUnitOverThreshold(PerUnitOverThreshold {
                amount: dec("1"),
                threshold: 500,
            }),
        );
        // (812 − 500) + 0 = 312 units × 1.00
        assert_eq!(
            line.formula,
            "(max(812 − 500, 0) + max(430 − 500, 0)) × 1.00"
        );
        assert_eq!(line.amount.to_string(), "312.00");
    }

    #[test]
    fn team_relative_pools_rates_and_averages_amounts() {
        let mut a = person(Role::CustomerService);
        let mut b = person(Role::CustomerService);
        b.staff_id = 2;
        // Conversion: a 45/100, b 40/100 → team 85/200.
        a.metrics
            .insert(Metric::InquiryConversion, Quotient::ratio(45, 100));
        b.metrics
            .insert(Metric::InquiryConversion, Quotient::ratio(40, 100));
        a.metrics
            .insert(Metric::SalesAmount, Quotient::amount(dec("3000")));
        b.metrics
            .insert(Metric::SalesAmount, Quotient::amount(dec("1000")));
        let plans = HashMap::from([(
            Role::CustomerService,
            vec![
                PlanRule {
                    code: "CONV".into(),
                    rule: Rule::TeamRelative(TeamRelative {
                        pool: dec("1000"),
                        metric: RelativeMetric::InquiryConversion,
                    }),
                },
                PlanRule {
                    code: "SALES".into(),
                    rule: Rule::TeamRelative(TeamRelative {
                        pool: dec("1000"),
                        metric: RelativeMetric::SalesAmount,
                    }),
                },
            ],
        )]);
        let out = payouts(&[a, b], &plans, &HashMap::new());
        let amounts: Vec<Vec<String>> = out
            .iter()
            .map(|p| p.lines.iter().map(|l| l.amount.to_string()).collect())
            .collect();
        // 1000 × 0.45 / 0.425 = 1058.8235… → 1058.82; 1000 × 0.40 / 0.425 = 941.176… → 941.18
        // 1000 × 3000 / 2000 = 1500; 1000 × 1000 / 2000 = 500
        assert_eq!(
            amounts,
            vec![vec!["1058.82", "1500.00"], vec!["941.18", "500.00"]]
        );
        assert_eq!(out[0].lines[0].formula, "1000.00 × (45 / 100) / (85 / 200)");
        assert_eq!(out[0].lines[1].formula, "1000.00 × 3000.00 / (4000.00 / 2)");
    }

    #[test]
    fn team_relative_on_scores_averages_the_scored_people() {
        let scored = |id: i64, score: Option<&str>| Person {
            staff_id: id,
            score: score.map(dec),
            ..person(Role::Promotion)
        };
        let people = [
            scored(1, Some("90")),
            scored(2, Some("60")),
            scored(3, None),
        ];
        let plans = HashMap::from([(
            Role::Promotion,
            vec![PlanRule {
                code: "SHARE".into(),
                rule: Rule::TeamRelative(TeamRelative {
                    pool: dec("500"),
                    metric: RelativeMetric::Score,
                }),
            }],
        )]);
        let out = payouts(&people, &plans, &HashMap::new());
        // Mean of the scored: (90 + 60) / 2 = 75. 500 × 90 / 75 = 600; 500 × 60 / 75 = 400.
        let shown: Vec<(String, String)> = out
            .iter()
            .map(|p| (p.lines[0].formula.clone(), p.total.to_string()))
            .collect();
        assert_eq!(
            shown,
            vec![
                ("500.00 × 90 / (150 / 2)".into(), "600.00".into()),
                ("500.00 × 60 / (150 / 2)".into(), "400.00".into()),
                ("no score: 0".into(), "0.00".into()),
            ]
        );
    }

    #[test]
    fn team_relative_without_a_team_value_pays_nothing() {
        let mut a = person(Role::CustomerService);
        a.metrics
            .insert(Metric::InquiryConversion, Quotient::ratio(0, 50));
        let line = one(
            &a,
            Rule::TeamRelative(TeamRelative {
                pool: dec("1000"),
                metric: RelativeMetric::InquiryConversion,
            }),
        );
        assert_eq!(
            (line.formula.as_str(), line.amount),
            ("team inquiry_conversion is 0: 0", Decimal::ZERO)
        );
    }

    #[test]
    fn payouts_add_adjustments_and_never_go_below_zero() {
        let mut p = person(Role::Designer);
        p.score = Some(dec("80"));
        let plans = HashMap::from([(Role::Designer, default_plan(Role::Designer))]);
        let adjust = |amount: &str| {
            HashMap::from([(
                1,
                vec![Adjustment {
                    amount: dec(amount),
                    reason: "r".into(),
                }],
            )])
        };
        // 1500 × 80 / 100 = 1200; no products; + 50.5
        let up = payouts(std::slice::from_ref(&p), &plans, &adjust("50.5")).remove(0);
        assert_eq!(
            (up.gross.to_string(), up.total.to_string(), up.lines.len()),
            ("1250.50".into(), "1250.50".into(), 3)
        );
        let down = payouts(std::slice::from_ref(&p), &plans, &adjust("-2000")).remove(0);
        assert_eq!(
            (down.gross.to_string(), down.total.to_string()),
            ("-800.00".into(), "0.00".into())
        );
    }

    #[test]
    fn params_round_trip_through_json() {
        for role in [
            Role::CustomerService,
            Role::Designer,
            Role::Promotion,
            Role::Operations,
        ] {
            for r in default_plan(role) {
                let back = Rule::from_json(r.rule.kind(), &r.rule.params_json()).unwrap();
                assert_eq!(back, r.rule);
            }
        }
    }
}
