//! Teams (shops): the unit everything else belongs to.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    QueryFilter, Set,
};

use crate::entities::{Platform, team};
use crate::error::{AppError, AppResult};
use crate::pagination::{self, Page, PageRequest};
use crate::services::auth::Actor;
use crate::validate::Checks;

pub const DEFAULT_TIME_ZONE: &str = "Asia/Shanghai";

#[derive(Debug)]
pub struct NewTeam {
    pub name: String,
    pub platform: Platform,
    pub time_zone: Option<String>,
    pub cs_ranking_visible: Option<bool>,
}

/// Fields left null are unchanged.
#[derive(Debug, Default)]
pub struct TeamChanges {
    pub name: Option<String>,
    pub platform: Option<Platform>,
    pub time_zone: Option<String>,
    pub cs_ranking_visible: Option<bool>,
}

#[derive(Debug, Default)]
pub struct TeamFilter {
    pub active: Option<bool>,
}

async fn find(db: &DatabaseConnection, id: i64) -> AppResult<team::Model> {
    team::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found(format!("team {id}")))
}

pub async fn get(db: &DatabaseConnection, actor: &Actor, id: i64) -> AppResult<team::Model> {
    let team = find(db, id).await?;
    actor.ensure_member_of(team.id)?;
    Ok(team)
}

/// The team's time zone: every "day" of the team is local to it (§1).
pub fn zone(team: &team::Model) -> chrono_tz::Tz {
    team.time_zone.parse().unwrap_or(chrono_tz::Asia::Shanghai)
}

/// Today in the team's time zone.
pub fn today(team: &team::Model) -> NaiveDate {
    local_date(team, Utc::now())
}

/// The team's local date at `at`.
pub fn local_date(team: &team::Model, at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&zone(team)).date_naive()
}

/// The day the morning looks back on (§1): yesterday in the team's time zone.
pub fn yesterday(team: &team::Model, at: DateTime<Utc>) -> NaiveDate {
    local_date(team, at) - chrono::Duration::days(1)
}

/// An active team that exists, for attaching people or products to it.
pub async fn get_active(db: &DatabaseConnection, id: i64) -> AppResult<team::Model> {
    let team = find(db, id).await?;
    if !team.active {
        return Err(AppError::conflict(format!("team {id} is deactivated")));
    }
    Ok(team)
}

/// Admins list every team; everyone else sees their own.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    filter: TeamFilter,
    page: PageRequest,
) -> AppResult<Page<team::Model>> {
    let mut select = team::Entity::find();
    if let Some(own) = actor.team_scope(None)? {
        select = select.filter(team::Column::Id.eq(own));
    }
    if let Some(active) = filter.active {
        select = select.filter(team::Column::Active.eq(active));
    }
    pagination::fetch(db, select, team::Column::Id, page).await
}

pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    input: NewTeam,
) -> AppResult<team::Model> {
    actor.ensure_admin()?;
    let mut checks = Checks::default();
    let name = checks.text("name", &input.name, 100);
    let time_zone = input
        .time_zone
        .map(|tz| checks.time_zone("timeZone", &tz))
        .unwrap_or_else(|| DEFAULT_TIME_ZONE.into());
    checks.finish()?;
    let now = Utc::now();
    let team = team::ActiveModel {
        name: Set(name),
        platform: Set(input.platform),
        time_zone: Set(time_zone),
        currency: Set("CNY".into()),
        cs_ranking_visible: Set(input.cs_ranking_visible.unwrap_or(true)),
        data_version: Set(0),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    Ok(team.insert(db).await?)
}

pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    changes: TeamChanges,
) -> AppResult<team::Model> {
    let team = find(db, id).await?;
    actor.ensure_manager_of(team.id)?;
    let mut checks = Checks::default();
    let mut model: team::ActiveModel = team.into();
    if let Some(name) = changes.name {
        model.name = Set(checks.text("name", &name, 100));
    }
    if let Some(tz) = changes.time_zone {
        model.time_zone = Set(checks.time_zone("timeZone", &tz));
    }
    checks.finish()?;
    if let Some(platform) = changes.platform {
        model.platform = Set(platform);
    }
    if let Some(visible) = changes.cs_ranking_visible {
        model.cs_ranking_visible = Set(visible);
    }
    model.updated_at = Set(Utc::now());
    Ok(model.update(db).await?)
}

/// Deactivating a team signs out its members (admins excepted) and keeps all its history.
pub async fn set_active(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    active: bool,
) -> AppResult<team::Model> {
    actor.ensure_admin()?;
    let mut model: team::ActiveModel = find(db, id).await?.into();
    model.active = Set(active);
    model.updated_at = Set(Utc::now());
    Ok(model.update(db).await?)
}

/// Marks the team's data as changed, in the transaction that changes it: every dashboard cached
/// under the old version is dead from the moment it commits, in this process or any other.
pub async fn bump_data_version(tx: &DatabaseTransaction, team_id: i64) -> AppResult<()> {
    team::Entity::update_many()
        .col_expr(
            team::Column::DataVersion,
            Expr::col(team::Column::DataVersion).add(1),
        )
        .filter(team::Column::Id.eq(team_id))
        .exec(tx)
        .await?;
    Ok(())
}
