//! The KPI library (§7): each role's scorecard in a team, seeded with §7's defaults and editable
//! by the team's manager, and how its KPIs are scored ([`scoring`]).

pub mod scoring;

use chrono::Utc;
use rust_decimal::Decimal;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};

use crate::db;
use crate::entities::kpi_definition::{self, Basis, Direction, Method};
use crate::entities::{Metric, Role};
use crate::error::{AppError, AppResult};
use crate::services::auth::Actor;
use crate::validate::Checks;
use scoring::{Scoring, TargetSource, Tier};

/// A KPI of a role's scorecard.
#[derive(Debug, Clone, PartialEq)]
pub struct Kpi {
    pub code: String,
    pub role: Role,
    pub metric: Metric,
    pub basis: Basis,
    pub direction: Direction,
    pub scoring: Scoring,
    pub weight: Decimal,
}

impl Kpi {
    fn from_model(m: &kpi_definition::Model) -> AppResult<Self> {
        let broken = |what: &str, e: String| {
            AppError::internal(anyhow::anyhow!("kpi_definition {} {what}: {e}", m.id))
        };
        Ok(Self {
            code: m.code.clone(),
            role: m.role,
            metric: m.metric,
            basis: m.basis,
            direction: m.direction,
            scoring: serde_json::from_str(&m.params)
                .map_err(|e| broken("params", e.to_string()))?,
            weight: m
                .weight
                .parse()
                .map_err(|e| broken("weight", format!("{e}")))?,
        })
    }

    pub fn method(&self) -> Method {
        match self.scoring {
            Scoring::Tiers { .. } => Method::Tiers,
            Scoring::Linear { .. } => Method::Linear,
            Scoring::TargetRatio { .. } => Method::TargetRatio,
        }
    }
}

fn d(mantissa: i64, scale: u32) -> Decimal {
    Decimal::new(mantissa, scale)
}

fn tiers(list: &[(i64, u32, i64)]) -> Scoring {
    Scoring::Tiers {
        tiers: list
            .iter()
            .map(|&(m, s, score)| Tier {
                threshold: d(m, s),
                score: Decimal::from(score),
            })
            .collect(),
    }
}

fn ratio(target: TargetSource, value: Option<Decimal>) -> Scoring {
    Scoring::TargetRatio {
        target,
        value,
        cap: d(12, 1),
    }
}

/// §7's default library for every role.
pub fn defaults() -> Vec<Kpi> {
    use Basis::{Completion, Value};
    use Role::*;
    let kpi = |code: &str, role, metric: Metric, basis, scoring, weight: i64| Kpi {
        code: code.into(),
        role,
        metric,
        basis,
        direction: metric.def().direction,
        scoring,
        weight: Decimal::from(weight),
    };
    vec![
        kpi(
            "CS_SALES_COMPLETION",
            CustomerService,
            Metric::SalesAmount,
            Completion,
            tiers(&[
                (100, 2, 100),
                (90, 2, 85),
                (80, 2, 70),
                (70, 2, 55),
                (60, 2, 40),
                (40, 2, 20),
            ]),
            30,
        ),
        kpi(
            "CS_INQUIRY_CONVERSION",
            CustomerService,
            Metric::InquiryConversion,
            Value,
            tiers(&[(45, 2, 100), (40, 2, 80), (35, 2, 60)]),
            20,
        ),
        kpi(
            "CS_AOV",
            CustomerService,
            Metric::CsAov,
            Value,
            tiers(&[(250, 0, 100), (230, 0, 80), (210, 0, 60)]),
            20,
        ),
        kpi(
            "CS_REPLY_RATE",
            CustomerService,
            Metric::ReplyRate,
            Value,
            tiers(&[(98, 2, 100), (95, 2, 80), (92, 2, 60)]),
            20,
        ),
        kpi(
            "CS_AVG_RESPONSE",
            CustomerService,
            Metric::AvgResponse,
            Value,
            tiers(&[(35, 0, 100), (45, 0, 80), (55, 0, 60)]),
            10,
        ),
        kpi(
            "DESIGN_ON_TIME",
            Designer,
            Metric::OnTimeRate,
            Value,
            Scoring::Linear {
                worst: d(70, 2),
                best: d(100, 2),
            },
            40,
        ),
        kpi(
            "DESIGN_DELIVERED",
            Designer,
            Metric::Delivered,
            Value,
            ratio(TargetSource::Target, None),
            30,
        ),
        kpi(
            "DESIGN_OWNED_CONVERSION",
            Designer,
            Metric::OwnedConversion,
            Value,
            ratio(TargetSource::TeamAverage, None),
            30,
        ),
        kpi(
            "PROMO_ROI",
            Promotion,
            Metric::Roi,
            Value,
            ratio(TargetSource::Target, None),
            40,
        ),
        kpi(
            "PROMO_CTR",
            Promotion,
            Metric::Ctr,
            Value,
            ratio(TargetSource::Fixed, Some(d(3, 2))),
            20,
        ),
        kpi(
            "PROMO_CPC",
            Promotion,
            Metric::Cpc,
            Value,
            ratio(TargetSource::Target, None),
            20,
        ),
        kpi(
            "PROMO_ATTRIBUTED",
            Promotion,
            Metric::AttributedAmount,
            Value,
            ratio(TargetSource::Target, None),
            20,
        ),
        kpi(
            "OPS_PAID_AMOUNT",
            Operations,
            Metric::PaidAmount,
            Value,
            ratio(TargetSource::Target, None),
            50,
        ),
        kpi(
            "OPS_CONVERSION",
            Operations,
            Metric::ConversionRate,
            Value,
            ratio(TargetSource::Target, None),
            20,
        ),
        kpi(
            "OPS_REFUND_RATE",
            Operations,
            Metric::RefundRate,
            Value,
            ratio(TargetSource::Target, None),
            15,
        ),
        kpi(
            "OPS_NET_PROFIT",
            Operations,
            Metric::NetProfit,
            Value,
            ratio(TargetSource::Target, None),
            15,
        ),
    ]
}

fn row(team_id: i64, position: i32, k: &Kpi) -> AppResult<kpi_definition::ActiveModel> {
    Ok(kpi_definition::ActiveModel {
        team_id: Set(team_id),
        role: Set(k.role),
        code: Set(k.code.clone()),
        metric: Set(k.metric),
        basis: Set(k.basis),
        direction: Set(k.direction),
        method: Set(k.method()),
        params: Set(serde_json::to_string(&k.scoring).map_err(AppError::internal)?),
        weight: Set(k.weight.normalize().to_string()),
        position: Set(position),
        updated_at: Set(Utc::now()),
        ..Default::default()
    })
}

/// The team's KPIs, by role then position. A team without any gets §7's defaults first (two
/// callers racing both insert nothing twice: the (team, code) key ignores the second).
pub async fn library(db: &DatabaseConnection, team_id: i64) -> AppResult<Vec<Kpi>> {
    let select = || {
        kpi_definition::Entity::find()
            .filter(kpi_definition::Column::TeamId.eq(team_id))
            .order_by_asc(kpi_definition::Column::Role)
            .order_by_asc(kpi_definition::Column::Position)
    };
    let mut rows = select().all(db).await?;
    if rows.is_empty() {
        let seed = defaults()
            .iter()
            .enumerate()
            .map(|(i, k)| row(team_id, i as i32, k))
            .collect::<AppResult<Vec<_>>>()?;
        kpi_definition::Entity::insert_many(seed)
            .on_conflict(
                OnConflict::columns([kpi_definition::Column::TeamId, kpi_definition::Column::Code])
                    .do_nothing()
                    .to_owned(),
            )
            .try_insert()
            .exec(db)
            .await?;
        rows = select().all(db).await?;
    }
    rows.iter().map(Kpi::from_model).collect()
}

/// The team's scorecards (every role's, or `role`'s) for a member of the team (§9).
pub async fn scorecards(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    role: Option<Role>,
) -> AppResult<Vec<Kpi>> {
    actor.ensure_member_of(team_id)?;
    let mut all = library(db, team_id).await?;
    all.retain(|k| role.is_none_or(|r| r == k.role));
    Ok(all)
}

/// The metrics a role's scorecard scores, each once, in scorecard order.
pub fn metrics_of(library: &[Kpi], role: Role) -> Vec<Metric> {
    let mut metrics: Vec<Metric> = Vec::new();
    for k in library.iter().filter(|k| k.role == role) {
        if !metrics.contains(&k.metric) {
            metrics.push(k.metric);
        }
    }
    metrics
}

/// One KPI as the API takes it: the method's parameters in the field named after it.
#[derive(Debug)]
pub struct KpiInput {
    pub code: String,
    pub metric: Metric,
    pub basis: Basis,
    pub direction: Option<Direction>,
    pub method: Method,
    pub tiers: Option<Vec<Tier>>,
    pub worst: Option<Decimal>,
    pub best: Option<Decimal>,
    pub target: Option<TargetSource>,
    pub value: Option<Decimal>,
    pub cap: Option<Decimal>,
    pub weight: Decimal,
}

fn check(c: &mut Checks, role: Role, input: KpiInput) -> Kpi {
    let mut code = c.text("code", &input.code, 40);
    if !crate::services::catalogue::applies(role, input.metric) {
        c.fail("metric", "OWNED_CONVERSION is a designer's metric");
    }
    code.make_ascii_uppercase();
    if c.setting("weight", input.weight) <= Decimal::ZERO {
        c.fail("weight", "must be positive");
    }
    let scoring = match input.method {
        Method::Tiers => {
            let tiers = input.tiers.unwrap_or_default();
            for t in &tiers {
                c.setting("tiers.threshold", t.threshold);
                c.setting("tiers.score", t.score);
            }
            if tiers.is_empty() {
                c.fail("tiers", "TIERS needs at least one tier");
            }
            Scoring::Tiers { tiers }
        }
        Method::Linear => {
            let (worst, best) = (
                c.setting("worst", input.worst.unwrap_or_default()),
                c.setting("best", input.best.unwrap_or_default()),
            );
            if input.worst.is_none() || input.best.is_none() || worst == best {
                c.fail("best", "LINEAR needs worst and best, and they must differ");
            }
            Scoring::Linear { worst, best }
        }
        Method::TargetRatio => {
            let target = input.target.unwrap_or(TargetSource::Target);
            if target == TargetSource::Fixed && input.value.is_none_or(|v| v.is_zero()) {
                c.fail("value", "a FIXED target needs a non-zero value");
            }
            if let Some(v) = input.value {
                c.setting("value", v);
            }
            let cap = c.setting("cap", input.cap.unwrap_or(d(12, 1)));
            if cap <= Decimal::ZERO {
                c.fail("cap", "must be positive");
            }
            Scoring::TargetRatio {
                target,
                value: input.value.filter(|_| target == TargetSource::Fixed),
                cap,
            }
        }
    };
    Kpi {
        code,
        role,
        metric: input.metric,
        basis: input.basis,
        direction: input.direction.unwrap_or(input.metric.def().direction),
        scoring,
        weight: input.weight,
    }
}

/// Replaces a role's scorecard with `inputs` (in order), all or nothing; the team's manager.
/// Reviews already finalized keep the scores they were given.
pub async fn set_role(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    role: Role,
    inputs: Vec<KpiInput>,
) -> AppResult<Vec<Kpi>> {
    actor.ensure_manager_of(team_id)?;
    crate::services::teams::get_active(db, team_id).await?;
    let others: Vec<String> = library(db, team_id)
        .await?
        .into_iter()
        .filter(|k| k.role != role)
        .map(|k| k.code)
        .collect();
    let mut checks = Checks::default();
    let mut kpis: Vec<Kpi> = Vec::with_capacity(inputs.len());
    for (i, input) in inputs.into_iter().enumerate() {
        checks.at_row(i + 1);
        let k = check(&mut checks, role, input);
        if others.contains(&k.code) || kpis.iter().any(|o| o.code == k.code) {
            checks.fail("code", format!("{} is already used in this team", k.code));
        }
        kpis.push(k);
    }
    checks.finish()?;
    let tx = db::begin_write(db).await?;
    kpi_definition::Entity::delete_many()
        .filter(kpi_definition::Column::TeamId.eq(team_id))
        .filter(kpi_definition::Column::Role.eq(role))
        .exec(&tx)
        .await?;
    if !kpis.is_empty() {
        let rows = kpis
            .iter()
            .enumerate()
            .map(|(i, k)| row(team_id, i as i32, k))
            .collect::<AppResult<Vec<_>>>()?;
        kpi_definition::Entity::insert_many(rows).exec(&tx).await?;
    }
    tx.commit().await?;
    Ok(kpis)
}
