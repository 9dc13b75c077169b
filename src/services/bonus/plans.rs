//! Each role's bonus plan in a team: the rules a team set, or [`rules::default_plan`].

use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, Iterable, QueryFilter,
    QueryOrder, Set,
};

use super::rules::{self, Kind, PlanRule, Rule};
use crate::db;
use crate::entities::{Role, bonus_plan, bonus_rule};
use crate::error::{AppError, AppResult};
use crate::services::auth::Actor;
use crate::services::teams;
use crate::validate::Checks;

/// A role's plan in a team.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub role: Role,
    pub rules: Vec<PlanRule>,
    /// No plan was set: the role's default.
    pub is_default: bool,
    pub updated_at: Option<DateTime<Utc>>,
}

/// Every role's plan in the team, in role order.
pub async fn plans(db: &impl ConnectionTrait, team_id: i64) -> AppResult<Vec<Plan>> {
    let stored = bonus_plan::Entity::find()
        .filter(bonus_plan::Column::TeamId.eq(team_id))
        .all(db)
        .await?;
    let rules = if stored.is_empty() {
        Vec::new()
    } else {
        bonus_rule::Entity::find()
            .filter(bonus_rule::Column::PlanId.is_in(stored.iter().map(|p| p.id)))
            .order_by_asc(bonus_rule::Column::PlanId)
            .order_by_asc(bonus_rule::Column::Position)
            .all(db)
            .await?
    };
    Role::iter()
        .map(|role| match stored.iter().find(|p| p.role == role) {
            None => Ok(Plan {
                role,
                rules: rules::default_plan(role),
                is_default: true,
                updated_at: None,
            }),
            Some(p) => Ok(Plan {
                role,
                rules: rules
                    .iter()
                    .filter(|r| r.plan_id == p.id)
                    .map(stored_rule)
                    .collect::<AppResult<_>>()?,
                is_default: false,
                updated_at: Some(p.updated_at),
            }),
        })
        .collect()
}

fn stored_rule(r: &bonus_rule::Model) -> AppResult<PlanRule> {
    let broken = |e: String| AppError::internal(anyhow::anyhow!("bonus_rule {}: {e}", r.id));
    let kind = Kind::parse(&r.kind).ok_or_else(|| broken(format!("kind {:?}", r.kind)))?;
    Ok(PlanRule {
        code: r.code.clone(),
        rule: Rule::from_json(kind, &r.params).map_err(broken)?,
    })
}

/// A rule given for a plan: its code (default the kind's name) and the parameters of each kind
/// given, of which there must be exactly one.
#[derive(Debug, Clone, Default)]
pub struct RuleInput {
    pub code: Option<String>,
    pub given: Vec<Rule>,
}

fn valid_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 40
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        && code != Kind::Adjustment.name()
}

fn check_rule(c: &mut Checks, role: Role, input: RuleInput) -> Option<PlanRule> {
    let Ok([rule]) = <[Rule; 1]>::try_from(input.given) else {
        c.fail(
            "rules",
            format!("give exactly one of {}", Kind::FIELDS.join(", ")),
        );
        return None;
    };
    let rule = rule.check(role, c);
    let code = match input.code {
        Some(code) => {
            let code = code.trim().to_ascii_uppercase();
            if !valid_code(&code) {
                c.fail(
                    "code",
                    "1 to 40 of A–Z, 0–9 and _ (and not ADJUSTMENT), e.g. SALES_COMMISSION",
                );
            }
            code
        }
        None => rule.kind().name().to_owned(),
    };
    Some(PlanRule { code, rule })
}

/// Sets a role's plan (replacing its rules); the team's manager. An empty list pays the role
/// nothing but adjustments. Runs already finalized keep what they paid.
pub async fn set_plan(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    role: Role,
    inputs: Vec<RuleInput>,
    now: DateTime<Utc>,
) -> AppResult<Plan> {
    actor.ensure_manager_of(team_id)?;
    teams::get_active(db, team_id).await?;
    let mut checks = Checks::default();
    let mut rules: Vec<PlanRule> = Vec::with_capacity(inputs.len());
    for (i, input) in inputs.into_iter().enumerate() {
        checks.at_row(i + 1);
        if let Some(rule) = check_rule(&mut checks, role, input) {
            if rules.iter().any(|r| r.code == rule.code) {
                checks.fail(
                    "code",
                    format!("{} is used twice; give the rules distinct codes", rule.code),
                );
            }
            rules.push(rule);
        }
    }
    checks.finish()?;
    let tx = db::begin_write(db).await?;
    bonus_plan::Entity::insert(bonus_plan::ActiveModel {
        team_id: Set(team_id),
        role: Set(role),
        updated_at: Set(now),
        updated_by: Set(actor.recorded_id()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([bonus_plan::Column::TeamId, bonus_plan::Column::Role])
            .update_columns([bonus_plan::Column::UpdatedAt, bonus_plan::Column::UpdatedBy])
            .to_owned(),
    )
    .exec_without_returning(&tx)
    .await?;
    let plan = bonus_plan::Entity::find()
        .filter(bonus_plan::Column::TeamId.eq(team_id))
        .filter(bonus_plan::Column::Role.eq(role))
        .one(&tx)
        .await?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("bonus plan vanished")))?;
    bonus_rule::Entity::delete_many()
        .filter(bonus_rule::Column::PlanId.eq(plan.id))
        .exec(&tx)
        .await?;
    if !rules.is_empty() {
        bonus_rule::Entity::insert_many(rules.iter().enumerate().map(|(i, r)| {
            bonus_rule::ActiveModel {
                plan_id: Set(plan.id),
                position: Set(i as i32),
                code: Set(r.code.clone()),
                kind: Set(r.rule.kind().name().into()),
                params: Set(r.rule.params_json()),
                ..Default::default()
            }
        }))
        .exec_without_returning(&tx)
        .await?;
    }
    tx.commit().await?;
    Ok(Plan {
        role,
        rules,
        is_default: false,
        updated_at: Some(now),
    })
}

/// Puts a role back on its default plan; the team's manager.
pub async fn reset_plan(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    role: Role,
) -> AppResult<Plan> {
    actor.ensure_manager_of(team_id)?;
    teams::get_active(db, team_id).await?;
    let tx = db::begin_write(db).await?;
    if let Some(plan) = bonus_plan::Entity::find()
        .filter(bonus_plan::Column::TeamId.eq(team_id))
        .filter(bonus_plan::Column::Role.eq(role))
        .one(&tx)
        .await?
    {
        bonus_rule::Entity::delete_many()
            .filter(bonus_rule::Column::PlanId.eq(plan.id))
            .exec(&tx)
            .await?;
        bonus_plan::Entity::delete_by_id(plan.id).exec(&tx).await?;
    }
    tx.commit().await?;
    Ok(Plan {
        role,
        rules: rules::default_plan(role),
        is_default: true,
        updated_at: None,
    })
}
