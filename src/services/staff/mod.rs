//! Staff: the people of a team, their access, passwords and chat aliases.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, ModelTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};

use crate::entities::{Access, Role, staff, staff_alias};
use crate::error::{AppError, AppResult};
use crate::pagination::{self, Page, PageRequest};
use crate::services::auth::{Actor, Hasher};
use crate::services::teams;
use crate::validate::Checks;

#[derive(Debug)]
pub struct NewStaff {
    pub team_id: Option<i64>,
    pub name: String,
    pub email: String,
    pub password: String,
    pub role: Option<Role>,
    pub access: Option<Access>,
}

/// Fields left null are unchanged. People may change their own name; the rest is the manager's.
#[derive(Debug, Default)]
pub struct StaffChanges {
    pub name: Option<String>,
    pub email: Option<String>,
    pub role: Option<Role>,
    pub access: Option<Access>,
}

#[derive(Debug, Default)]
pub struct StaffFilter {
    pub team_id: Option<i64>,
    pub role: Option<Role>,
    pub access: Option<Access>,
    pub active: Option<bool>,
}

async fn find(db: &DatabaseConnection, id: i64) -> AppResult<staff::Model> {
    staff::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found(format!("staff {id}")))
}

pub async fn get(db: &DatabaseConnection, actor: &Actor, id: i64) -> AppResult<staff::Model> {
    let staff = find(db, id).await?;
    actor.ensure_can_view_staff(&staff)?;
    Ok(staff)
}

/// Admins list anyone, managers their team; a staff member sees only themselves.
pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    filter: StaffFilter,
    page: PageRequest,
) -> AppResult<Page<staff::Model>> {
    let mut select = staff::Entity::find();
    if let Some(team) = actor.team_scope(filter.team_id)? {
        select = select.filter(staff::Column::TeamId.eq(team));
    }
    if actor.access == Access::Staff {
        select = select.filter(staff::Column::Id.eq(actor.id));
    }
    if let Some(role) = filter.role {
        select = select.filter(staff::Column::Role.eq(role));
    }
    if let Some(access) = filter.access {
        select = select.filter(staff::Column::Access.eq(access));
    }
    if let Some(active) = filter.active {
        select = select.filter(staff::Column::Active.eq(active));
    }
    pagination::fetch(db, select, staff::Column::Id, page).await
}

async fn ensure_email_free(db: &DatabaseConnection, email: &str) -> AppResult<()> {
    let taken = staff::Entity::find()
        .filter(staff::Column::Email.eq(email))
        .count(db)
        .await?
        > 0;
    if taken {
        return Err(AppError::conflict(format!(
            "e-mail {email} is already registered"
        )));
    }
    Ok(())
}

/// Admins create anyone; a manager creates STAFF and MANAGER accounts in their own team.
pub async fn create(
    db: &DatabaseConnection,
    hasher: &Hasher,
    actor: &Actor,
    input: NewStaff,
) -> AppResult<staff::Model> {
    let access = input.access.unwrap_or(Access::Staff);
    let team_id = input.team_id;
    match (access, team_id) {
        (Access::Admin, _) => actor.ensure_admin()?,
        (_, Some(team)) => actor.ensure_manager_of(team)?,
        (_, None) => {
            return Err(AppError::invalid(
                "teamId",
                "required unless access is ADMIN",
            ));
        }
    }
    let mut checks = Checks::default();
    let name = checks.text("name", &input.name, 100);
    let email = checks.email("email", &input.email);
    checks.password("password", &input.password);
    if access == Access::Staff && input.role.is_none() {
        checks.fail("role", "required for STAFF access");
    }
    checks.finish()?;
    if let Some(team) = team_id {
        teams::get_active(db, team).await?;
    }
    ensure_email_free(db, &email).await?;
    let now = Utc::now();
    let staff = staff::ActiveModel {
        team_id: Set(team_id),
        name: Set(name),
        email: Set(email),
        password_hash: Set(hasher.hash(input.password).await?),
        role: Set(input.role),
        access: Set(access),
        active: Set(true),
        // Set, not left to the column default: on SQLite a pool connection that predates the
        // migration adding it can read the new row back without it.
        session_epoch: Set(0),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    Ok(staff.insert(db).await?)
}

/// The target must be in a team the actor manages; only admins touch admins.
fn ensure_manages(actor: &Actor, target: &staff::Model) -> AppResult<()> {
    match (target.access, target.team_id) {
        (Access::Admin, _) | (_, None) => actor.ensure_admin(),
        (_, Some(team)) => actor.ensure_manager_of(team),
    }
}

pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    changes: StaffChanges,
) -> AppResult<staff::Model> {
    let target = find(db, id).await?;
    let managerial = changes.email.is_some() || changes.role.is_some() || changes.access.is_some();
    if actor.id != target.id || managerial {
        ensure_manages(actor, &target)?;
    }
    let mut checks = Checks::default();
    let name = changes.name.map(|n| checks.text("name", &n, 100));
    let email = changes.email.map(|e| checks.email("email", &e));
    if let Some(access) = changes.access {
        if actor.id == target.id && access != target.access {
            checks.fail("access", "you cannot change your own access level");
        }
        if access == Access::Admin && !actor.is_admin() {
            checks.fail("access", "only an admin may grant ADMIN");
        }
        if access != Access::Admin && target.team_id.is_none() {
            checks.fail("access", "a person without a team can only be an admin");
        }
    }
    let role = changes.role.or(target.role);
    if changes.access.unwrap_or(target.access) == Access::Staff && role.is_none() {
        checks.fail("role", "required for STAFF access");
    }
    checks.finish()?;
    if let Some(email) = &email
        && *email != target.email
    {
        ensure_email_free(db, email).await?;
    }
    let mut model: staff::ActiveModel = target.into();
    if let Some(name) = name {
        model.name = Set(name);
    }
    if let Some(email) = email {
        model.email = Set(email);
    }
    if let Some(access) = changes.access {
        model.access = Set(access);
    }
    model.role = Set(role);
    model.updated_at = Set(Utc::now());
    Ok(model.update(db).await?)
}

/// A deactivated person can no longer sign in, and their unexpired tokens stop working.
pub async fn set_active(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    active: bool,
) -> AppResult<staff::Model> {
    let target = find(db, id).await?;
    ensure_manages(actor, &target)?;
    if target.id == actor.id {
        return Err(AppError::invalid(
            "id",
            "you cannot deactivate or reactivate yourself",
        ));
    }
    let mut model: staff::ActiveModel = target.into();
    model.active = Set(active);
    model.updated_at = Set(Utc::now());
    Ok(model.update(db).await?)
}

/// Stores the new password and advances the session epoch, which ends every session (token)
/// the person had, the caller's own included when they changed their own password.
async fn store_password(
    db: &DatabaseConnection,
    hasher: &Hasher,
    target: staff::Model,
    new: String,
) -> AppResult<()> {
    let epoch = target.session_epoch + 1;
    let mut model: staff::ActiveModel = target.into();
    model.password_hash = Set(hasher.hash(new).await?);
    model.session_epoch = Set(epoch);
    model.updated_at = Set(Utc::now());
    model.update(db).await?;
    Ok(())
}

/// Anyone may change their own password, proving the current one. Their tokens, this one too,
/// stop working: they sign in again with the new password.
pub async fn change_own_password(
    db: &DatabaseConnection,
    hasher: &Hasher,
    actor: &Actor,
    current: String,
    new: String,
) -> AppResult<()> {
    let mut checks = Checks::default();
    checks.password("newPassword", &new);
    checks.finish()?;
    let me = find(db, actor.id).await?;
    if !hasher
        .verify(current, Some(me.password_hash.clone()))
        .await?
    {
        return Err(AppError::invalid("currentPassword", "incorrect"));
    }
    store_password(db, hasher, me, new).await
}

/// A manager (or admin) sets a new password for someone they manage, signing them out.
pub async fn reset_password(
    db: &DatabaseConnection,
    hasher: &Hasher,
    actor: &Actor,
    id: i64,
    new: String,
) -> AppResult<()> {
    let target = find(db, id).await?;
    ensure_manages(actor, &target)?;
    let mut checks = Checks::default();
    checks.password("newPassword", &new);
    checks.finish()?;
    store_password(db, hasher, target, new).await
}

/// Creates an admin outside any team (the CLI's `create-admin`, on
/// [`Hasher::offline`]).
pub async fn create_admin(
    db: &DatabaseConnection,
    hasher: &Hasher,
    email: &str,
    name: &str,
    password: String,
) -> AppResult<staff::Model> {
    let bootstrap = Actor::operator();
    let input = NewStaff {
        team_id: None,
        name: name.into(),
        email: email.into(),
        password,
        role: None,
        access: Some(Access::Admin),
    };
    create(db, hasher, &bootstrap, input).await
}

/// Binds a chat nickname to a person; nicknames are unique within a team.
pub async fn add_alias(
    db: &DatabaseConnection,
    actor: &Actor,
    staff_id: i64,
    alias: &str,
) -> AppResult<staff_alias::Model> {
    let target = find(db, staff_id).await?;
    let team_id = target
        .team_id
        .ok_or_else(|| AppError::invalid("staffId", "only team members have chat aliases"))?;
    actor.ensure_manager_of(team_id)?;
    let mut checks = Checks::default();
    let alias = checks.text("alias", alias, 64);
    checks.finish()?;
    let existing = staff_alias::Entity::find()
        .filter(staff_alias::Column::TeamId.eq(team_id))
        .filter(staff_alias::Column::Alias.eq(alias.as_str()))
        .one(db)
        .await?;
    if let Some(existing) = existing {
        return Err(AppError::conflict(format!(
            "alias {alias} is already bound to staff {}",
            existing.staff_id
        )));
    }
    let row = staff_alias::ActiveModel {
        team_id: Set(team_id),
        staff_id: Set(target.id),
        alias: Set(alias),
        created_at: Set(Utc::now()),
        ..Default::default()
    };
    Ok(row.insert(db).await?)
}

pub async fn remove_alias(db: &DatabaseConnection, actor: &Actor, id: i64) -> AppResult<()> {
    let alias = staff_alias::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found(format!("alias {id}")))?;
    actor.ensure_manager_of(alias.team_id)?;
    alias.delete(db).await?;
    Ok(())
}

/// The team's active people with a role (or just `only`), in id order. Callers check access.
pub async fn active_members(
    db: &DatabaseConnection,
    team_id: i64,
    only: Option<i64>,
) -> AppResult<Vec<staff::Model>> {
    let mut select = staff::Entity::find()
        .filter(staff::Column::TeamId.eq(team_id))
        .filter(staff::Column::Active.eq(true))
        .filter(staff::Column::Role.is_not_null());
    if let Some(id) = only {
        select = select.filter(staff::Column::Id.eq(id));
    }
    Ok(select.order_by_asc(staff::Column::Id).all(db).await?)
}
