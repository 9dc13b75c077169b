use crate::graphql::scalars::DateTime;
use async_graphql::{Context, InputObject, Object, SimpleObject};

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
use crate::services::staff as staff_service;

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

/// A member of a shop team (or an admin, who belongs to none).
#[Object]
impl Staff {
    /// The person's id.
    async fn id(&self) -> Id {
        Id(self.0.id)
    }
    /// Display name.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// Null for a colleague (only the person, their manager and admins see it).
    async fn email(&self, ctx: &Context<'_>) -> Option<&str> {
        self.private(ctx, self.0.email.as_str())
    }
    /// The work they do in the team (null for someone without one, such as an admin).
    async fn role(&self) -> Option<Role> {
        self.0.role.map(Into::into)
    }
    /// What they may see and change.
    async fn access(&self) -> Access {
        self.0.access.into()
    }
    /// False once deactivated: they cannot sign in.
    async fn active(&self) -> bool {
        self.0.active
    }
    /// Their team (null for an admin, who belongs to none).
    async fn team_id(&self) -> Option<Id> {
        self.0.team_id.map(Id)
    }
    /// Their team (null for an admin, who belongs to none).
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
    /// When the account was made.
    async fn created_at(&self) -> DateTime {
        self.0.created_at.into()
    }
}

pub struct StaffAlias(pub staff_alias::Model);

/// A chat sub-account nickname (旺旺子账号) of a person.
#[Object]
impl StaffAlias {
    /// The alias's id.
    async fn id(&self) -> Id {
        Id(self.0.id)
    }
    /// The nickname as customer-service exports spell it.
    async fn alias(&self) -> &str {
        &self.0.alias
    }
    /// The person it belongs to.
    async fn staff_id(&self) -> Id {
        Id(self.0.staff_id)
    }
}

#[derive(Default)]
pub struct StaffQuery;

#[Object]
impl StaffQuery {
    /// A person's profile: yourself, or anyone in a team you manage.
    async fn staff_member(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The person.")] id: Id,
    ) -> AppResult<Staff> {
        crate::services::staff::get(db(ctx), actor(ctx)?, id.0)
            .await
            .map(Staff)
    }

    /// Admins list anyone, managers their team; a staff member gets only themselves. In id
    /// order; a Relay connection.
    #[graphql(complexity = "crate::graphql::cost::page(first, child_complexity)")]
    async fn staff(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 20, desc = "Page size, 1 to 100.")] first: i32,
        #[graphql(desc = "The `endCursor` of the previous page; omit for the first page.")]
        after: Option<String>,
        #[graphql(default, desc = "Which people; conditions given are all met.")]
        filter: StaffFilter,
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
    async fn create_staff(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A new person.")] input: CreateStaffInput,
    ) -> AppResult<CreateStaffPayload> {
        let made = staff_service::create(db(ctx), hasher(ctx), actor(ctx)?, input.into()).await?;
        Ok(CreateStaffPayload { staff: Staff(made) })
    }

    /// People change their own name; the rest is their manager's (or an admin's).
    async fn update_staff(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The person and their changes.")] input: UpdateStaffInput,
    ) -> AppResult<UpdateStaffPayload> {
        let id = input.id.0;
        let changed = staff_service::update(db(ctx), actor(ctx)?, id, input.into()).await?;
        Ok(UpdateStaffPayload {
            staff: Staff(changed),
        })
    }

    /// The person can no longer sign in; tokens already issued stop working at once.
    async fn deactivate_staff(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The person to deactivate.")] input: DeactivateStaffInput,
    ) -> AppResult<DeactivateStaffPayload> {
        let changed = staff_service::set_active(db(ctx), actor(ctx)?, input.id.0, false).await?;
        Ok(DeactivateStaffPayload {
            staff: Staff(changed),
        })
    }

    /// The person can sign in again.
    async fn reactivate_staff(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The person to reactivate.")] input: ReactivateStaffInput,
    ) -> AppResult<ReactivateStaffPayload> {
        let changed = staff_service::set_active(db(ctx), actor(ctx)?, input.id.0, true).await?;
        Ok(ReactivateStaffPayload {
            staff: Staff(changed),
        })
    }

    /// Changes your own password; the current one must be given. Every token of yours, this
    /// one included, stops working: sign in again with the new password.
    async fn change_password(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Your current password and the new one.")] input: ChangePasswordInput,
    ) -> AppResult<ChangePasswordPayload> {
        staff_service::change_own_password(
            db(ctx),
            hasher(ctx),
            actor(ctx)?,
            input.current_password,
            input.new_password,
        )
        .await?;
        let me = ctx.data_unchecked::<Auth>().staff()?.clone();
        Ok(ChangePasswordPayload { staff: Staff(me) })
    }

    /// A manager (or admin) sets a new password for someone they manage; their tokens stop
    /// working.
    async fn reset_staff_password(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The person and their new password.")] input: ResetStaffPasswordInput,
    ) -> AppResult<ResetStaffPasswordPayload> {
        let actor = actor(ctx)?;
        let id = input.id.0;
        staff_service::reset_password(db(ctx), hasher(ctx), actor, id, input.new_password).await?;
        let target = staff_service::get(db(ctx), actor, id).await?;
        Ok(ResetStaffPasswordPayload {
            staff: Staff(target),
        })
    }

    /// A chat nickname the person uses in customer-service exports; the team's manager or an
    /// admin.
    async fn add_staff_alias(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A chat nickname for a person.")] input: AddStaffAliasInput,
    ) -> AppResult<AddStaffAliasPayload> {
        let actor = actor(ctx)?;
        let alias =
            staff_service::add_alias(db(ctx), actor, input.staff_id.0, &input.alias).await?;
        Ok(AddStaffAliasPayload {
            alias: StaffAlias(alias),
        })
    }

    /// Removes a chat nickname; exports naming it no longer match the person.
    async fn remove_staff_alias(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The alias to remove.")] input: RemoveStaffAliasInput,
    ) -> AppResult<RemoveStaffAliasPayload> {
        staff_service::remove_alias(db(ctx), actor(ctx)?, input.id.0).await?;
        Ok(RemoveStaffAliasPayload {
            removed_alias_id: input.id,
        })
    }
}

/// A new person.
#[derive(Debug, InputObject)]
pub struct CreateStaffInput {
    /// Their team; required except for admins.
    pub team_id: Option<Id>,
    /// Their name, at most 100 characters.
    pub name: String,
    /// Their e-mail address, with which they sign in; one account per address.
    pub email: String,
    /// Their first password, 8 to 128 characters.
    pub password: String,
    /// Required for STAFF access.
    pub role: Option<Role>,
    /// Default STAFF. Only an admin may grant ADMIN.
    pub access: Option<Access>,
}

impl From<CreateStaffInput> for staff_service::NewStaff {
    fn from(input: CreateStaffInput) -> Self {
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

/// What `createStaff` made.
#[derive(SimpleObject)]
pub struct CreateStaffPayload {
    /// The new person.
    staff: Staff,
}

/// The person to change and their changes: fields left null are unchanged. People may change
/// their own name; the rest is the manager's.
#[derive(Debug, InputObject)]
pub struct UpdateStaffInput {
    /// The person.
    pub id: Id,
    /// A new name, at most 100 characters.
    pub name: Option<String>,
    /// A new e-mail address to sign in with; one account per address.
    pub email: Option<String>,
    /// A new role.
    pub role: Option<Role>,
    /// New access. Only an admin may grant ADMIN.
    pub access: Option<Access>,
}

impl From<UpdateStaffInput> for staff_service::StaffChanges {
    fn from(input: UpdateStaffInput) -> Self {
        Self {
            name: input.name,
            email: input.email,
            role: input.role.map(Into::into),
            access: input.access.map(Into::into),
        }
    }
}

/// What `updateStaff` changed.
#[derive(SimpleObject)]
pub struct UpdateStaffPayload {
    /// The person as changed.
    staff: Staff,
}

/// The person to deactivate.
#[derive(InputObject)]
pub struct DeactivateStaffInput {
    /// The person.
    pub id: Id,
}

/// What `deactivateStaff` changed.
#[derive(SimpleObject)]
pub struct DeactivateStaffPayload {
    /// The person, now inactive.
    staff: Staff,
}

/// The person to reactivate.
#[derive(InputObject)]
pub struct ReactivateStaffInput {
    /// The person.
    pub id: Id,
}

/// What `reactivateStaff` changed.
#[derive(SimpleObject)]
pub struct ReactivateStaffPayload {
    /// The person, active again.
    staff: Staff,
}

/// Your current password and the new one.
#[derive(InputObject)]
pub struct ChangePasswordInput {
    /// The password you signed in with.
    pub current_password: String,
    /// 8 to 128 characters.
    pub new_password: String,
}

/// What `changePassword` changed.
#[derive(SimpleObject)]
pub struct ChangePasswordPayload {
    /// You; your tokens no longer work.
    staff: Staff,
}

/// The person and their new password.
#[derive(InputObject)]
pub struct ResetStaffPasswordInput {
    /// The person, someone you manage.
    pub id: Id,
    /// 8 to 128 characters.
    pub new_password: String,
}

/// What `resetStaffPassword` changed.
#[derive(SimpleObject)]
pub struct ResetStaffPasswordPayload {
    /// The person; their tokens no longer work.
    staff: Staff,
}

/// A chat nickname for a person.
#[derive(InputObject)]
pub struct AddStaffAliasInput {
    /// The person.
    pub staff_id: Id,
    /// The nickname (旺旺子账号) as exports write it, at most 64 characters; unique within
    /// the team.
    pub alias: String,
}

/// What `addStaffAlias` made.
#[derive(SimpleObject)]
pub struct AddStaffAliasPayload {
    /// The new alias.
    alias: StaffAlias,
}

/// The alias to remove.
#[derive(InputObject)]
pub struct RemoveStaffAliasInput {
    /// The alias.
    pub id: Id,
}

/// What `removeStaffAlias` removed.
#[derive(SimpleObject)]
pub struct RemoveStaffAliasPayload {
    /// The id of the alias, which no longer exists.
    removed_alias_id: Id,
}

/// Which people to list; conditions given are all met.
#[derive(Debug, Default, InputObject)]
pub struct StaffFilter {
    /// In this team.
    pub team_id: Option<Id>,
    /// Of this role.
    pub role: Option<Role>,
    /// With this access level.
    pub access: Option<Access>,
    /// Active (true) or deactivated (false); omit for both.
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
