use crate::graphql::scalars::DateTime;
use async_graphql::{Context, InputObject, Object};

use crate::entities::{staff, staff_alias};
use crate::error::AppResult;
use crate::graphql::enums::{Access, Role};
use crate::graphql::teams::Team;
use crate::graphql::{
    context::{actor, db, hasher, loaders},
    id::Id,
    loaders::load_error,
    relay::{IdConnection, connection, page_request},
};
use crate::services::auth::Auth;

/// A member of a shop team (or an admin, who belongs to none).
pub struct Staff(pub staff::Model);

/// The person with this id through the request's loader (one batch for a whole list).
pub async fn load_staff(ctx: &Context<'_>, id: Option<i64>) -> AppResult<Option<Staff>> {
    let Some(id) = id else { return Ok(None) };
    let found = loaders(ctx).staff.load_one(id).await.map_err(load_error)?;
    Ok(found.map(Staff))
}

impl Staff {
    /// §9: a colleague's id, name, role, access and team are visible to the team; private
    /// fields only to the person, their team's manager and admins. Without a signed-in caller
    /// the only way here is `login`, which returns the person who just proved their password.
    fn private<T>(&self, ctx: &Context<'_>, value: T) -> Option<T> {
        let visible = match ctx.data_opt::<Auth>() {
            Some(Auth::Signed(s)) => s.actor.can_view_staff(&self.0),
            _ => true,
        };
        visible.then_some(value)
    }
}

#[Object]
impl Staff {
    async fn id(&self) -> Id {
        Id(self.0.id)
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// Null for a colleague (only the person, their manager and admins see it).
    async fn email(&self, ctx: &Context<'_>) -> Option<&str> {
        self.private(ctx, self.0.email.as_str())
    }
    async fn role(&self) -> Option<Role> {
        self.0.role.map(Into::into)
    }
    async fn access(&self) -> Access {
        self.0.access.into()
    }
    async fn active(&self) -> bool {
        self.0.active
    }
    async fn team_id(&self) -> Option<Id> {
        self.0.team_id.map(Id)
    }
    async fn team(&self, ctx: &Context<'_>) -> AppResult<Option<Team>> {
        let Some(team_id) = self.0.team_id else {
            return Ok(None);
        };
        let team = loaders(ctx)
            .teams
            .load_one(team_id)
            .await
            .map_err(load_error)?;
        Ok(team.map(Team))
    }
    /// Chat sub-account nicknames (旺旺子账号) that customer-service exports use for this person;
    /// null for a colleague (only the person, their manager and admins see them).
    #[graphql(
        complexity = "crate::graphql::cost::rows(crate::graphql::cost::ITEM_ROWS, child_complexity)"
    )]
    async fn aliases(&self, ctx: &Context<'_>) -> AppResult<Option<Vec<StaffAlias>>> {
        if self.private(ctx, ()).is_none() {
            return Ok(None);
        }
        let aliases = loaders(ctx)
            .aliases
            .load_one(self.0.id)
            .await
            .map_err(load_error)?;
        Ok(Some(
            aliases
                .unwrap_or_default()
                .into_iter()
                .map(StaffAlias)
                .collect(),
        ))
    }
    async fn created_at(&self) -> DateTime {
        self.0.created_at.into()
    }
}

pub struct StaffAlias(pub staff_alias::Model);

#[Object]
impl StaffAlias {
    async fn id(&self) -> Id {
        Id(self.0.id)
    }
    async fn alias(&self) -> &str {
        &self.0.alias
    }
    async fn staff_id(&self) -> Id {
        Id(self.0.staff_id)
    }
}

#[derive(Default)]
pub struct StaffQuery;

#[Object]
impl StaffQuery {
    /// A person's profile: yourself, or anyone in a team you manage.
    async fn staff_member(&self, ctx: &Context<'_>, id: Id) -> AppResult<Staff> {
        crate::services::staff::get(db(ctx), actor(ctx)?, id.0)
            .await
            .map(Staff)
    }

    /// Admins list anyone, managers their team; a staff member gets only themselves.
    #[graphql(complexity = "crate::graphql::cost::page(first, child_complexity)")]
    async fn staff(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 20)] first: i32,
        after: Option<String>,
        #[graphql(default)] filter: StaffFilter,
    ) -> AppResult<IdConnection<Staff>> {
        let after_given = after.is_some();
        let page = page_request(first, after)?;
        let staff = crate::services::staff::list(db(ctx), actor(ctx)?, filter.into(), page).await?;
        Ok(connection(staff, after_given, |s| s.id, Staff))
    }
}

#[derive(Default)]
pub struct StaffMutation;

#[Object]
impl StaffMutation {
    /// Admins create anyone; a manager creates STAFF and MANAGER accounts in their team.
    async fn create_staff(&self, ctx: &Context<'_>, input: NewStaff) -> AppResult<Staff> {
        crate::services::staff::create(db(ctx), hasher(ctx), actor(ctx)?, input.into())
            .await
            .map(Staff)
    }

    async fn update_staff(
        &self,
        ctx: &Context<'_>,
        id: Id,
        input: StaffChanges,
    ) -> AppResult<Staff> {
        crate::services::staff::update(db(ctx), actor(ctx)?, id.0, input.into())
            .await
            .map(Staff)
    }

    /// The person can no longer sign in; tokens already issued stop working at once.
    async fn deactivate_staff(&self, ctx: &Context<'_>, id: Id) -> AppResult<Staff> {
        crate::services::staff::set_active(db(ctx), actor(ctx)?, id.0, false)
            .await
            .map(Staff)
    }

    async fn reactivate_staff(&self, ctx: &Context<'_>, id: Id) -> AppResult<Staff> {
        crate::services::staff::set_active(db(ctx), actor(ctx)?, id.0, true)
            .await
            .map(Staff)
    }

    /// Changes your own password; the current one must be given. Every token of yours, this
    /// one included, stops working: sign in again with the new password.
    async fn change_password(
        &self,
        ctx: &Context<'_>,
        current_password: String,
        new_password: String,
    ) -> AppResult<bool> {
        crate::services::staff::change_own_password(
            db(ctx),
            hasher(ctx),
            actor(ctx)?,
            current_password,
            new_password,
        )
        .await?;
        Ok(true)
    }

    /// A manager (or admin) sets a new password for someone they manage; their tokens stop
    /// working.
    async fn reset_staff_password(
        &self,
        ctx: &Context<'_>,
        id: Id,
        new_password: String,
    ) -> AppResult<bool> {
        crate::services::staff::reset_password(
            db(ctx),
            hasher(ctx),
            actor(ctx)?,
            id.0,
            new_password,
        )
        .await?;
        Ok(true)
    }

    async fn add_staff_alias(
        &self,
        ctx: &Context<'_>,
        staff_id: Id,
        alias: String,
    ) -> AppResult<StaffAlias> {
        crate::services::staff::add_alias(db(ctx), actor(ctx)?, staff_id.0, &alias)
            .await
            .map(StaffAlias)
    }

    /// Returns the id of the removed alias.
    async fn remove_staff_alias(&self, ctx: &Context<'_>, id: Id) -> AppResult<Id> {
        crate::services::staff::remove_alias(db(ctx), actor(ctx)?, id.0).await?;
        Ok(id)
    }
}

#[derive(Debug, InputObject)]
pub struct NewStaff {
    /// Required except for admins.
    pub team_id: Option<Id>,
    pub name: String,
    pub email: String,
    pub password: String,
    /// Required for STAFF access.
    pub role: Option<Role>,
    /// Default STAFF. Only an admin may grant ADMIN.
    pub access: Option<Access>,
}

impl From<NewStaff> for crate::services::staff::NewStaff {
    fn from(input: NewStaff) -> Self {
        Self {
            team_id: input.team_id.map(|id| id.0),
            name: input.name,
            email: input.email,
            password: input.password,
            role: input.role.map(Into::into),
            access: input.access.map(Into::into),
        }
    }
}

/// Fields left null are unchanged. People may change their own name; the rest is the manager's.
#[derive(Debug, Default, InputObject)]
pub struct StaffChanges {
    pub name: Option<String>,
    pub email: Option<String>,
    pub role: Option<Role>,
    pub access: Option<Access>,
}

impl From<StaffChanges> for crate::services::staff::StaffChanges {
    fn from(input: StaffChanges) -> Self {
        Self {
            name: input.name,
            email: input.email,
            role: input.role.map(Into::into),
            access: input.access.map(Into::into),
        }
    }
}

#[derive(Debug, Default, InputObject)]
pub struct StaffFilter {
    pub team_id: Option<Id>,
    pub role: Option<Role>,
    pub access: Option<Access>,
    pub active: Option<bool>,
}

impl From<StaffFilter> for crate::services::staff::StaffFilter {
    fn from(input: StaffFilter) -> Self {
        Self {
            team_id: input.team_id.map(|id| id.0),
            role: input.role.map(Into::into),
            access: input.access.map(Into::into),
            active: input.active,
        }
    }
}
