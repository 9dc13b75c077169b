use crate::graphql::scalars::DateTime;
use async_graphql::{Context, InputObject, Object, SimpleObject};

use crate::entities::team;
use crate::error::AppResult;
use crate::graphql::enums::Platform;
use crate::graphql::{
    context::{actor, db},
    id::Id,
    relay::{IdConnection, connection, page_request},
};
use crate::services::teams;

pub struct Team(pub team::Model);

/// A shop (店铺) and its team.
#[Object]
impl Team {
    /// The team's id.
    async fn id(&self) -> Id {
        Id(self.0.id)
    }
    /// The shop's name.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// The marketplace the shop sells on.
    async fn platform(&self) -> Platform {
        self.0.platform.into()
    }
    /// Every day and month of the team's numbers is local to this zone.
    async fn time_zone(&self) -> &str {
        &self.0.time_zone
    }
    /// ISO 4217 code of the money amounts, always CNY: every amount is yuan.
    async fn currency(&self) -> &str {
        &self.0.currency
    }
    /// Whether staff (not only managers) may see the customer-service ranking.
    async fn cs_ranking_visible(&self) -> bool {
        self.0.cs_ranking_visible
    }
    /// False once deactivated: its members (other than admins) cannot sign in.
    async fn active(&self) -> bool {
        self.0.active
    }
    /// When the team was made.
    async fn created_at(&self) -> DateTime {
        self.0.created_at.into()
    }
}

#[derive(Default)]
pub struct TeamQuery;

#[Object]
impl TeamQuery {
    /// One team: any for an admin, else only the caller's own.
    async fn team(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team.")] id: Id,
    ) -> AppResult<Team> {
        crate::services::teams::get(db(ctx), actor(ctx)?, id.0)
            .await
            .map(Team)
    }

    /// Admins see every team; everyone else their own. In id order; a Relay connection.
    #[graphql(complexity = "crate::graphql::cost::page(first, child_complexity)")]
    async fn teams(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 20, desc = "Page size, 1 to 100.")] first: i32,
        #[graphql(desc = "The `endCursor` of the previous page; omit for the first page.")]
        after: Option<String>,
        #[graphql(default, desc = "Which teams.")] filter: TeamFilter,
    ) -> AppResult<IdConnection<Team>> {
        let after_given = after.is_some();
        let page = page_request(first, after)?;
        let teams = crate::services::teams::list(db(ctx), actor(ctx)?, filter.into(), page).await?;
        Ok(connection(teams, after_given, |t| t.id, Team))
    }
}

#[derive(Default)]
pub struct TeamMutation;

#[Object]
impl TeamMutation {
    /// Admin only.
    async fn create_team(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A new team.")] input: CreateTeamInput,
    ) -> AppResult<CreateTeamPayload> {
        let team = teams::create(db(ctx), actor(ctx)?, input.into()).await?;
        Ok(CreateTeamPayload { team: Team(team) })
    }

    /// The team's manager or an admin.
    async fn update_team(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team to change and its changes: fields left null are unchanged.")]
        input: UpdateTeamInput,
    ) -> AppResult<UpdateTeamPayload> {
        let id = input.id.0;
        let team = teams::update(db(ctx), actor(ctx)?, id, input.into()).await?;
        Ok(UpdateTeamPayload { team: Team(team) })
    }

    /// Admin only. Members (other than admins) can no longer sign in; history is kept.
    async fn deactivate_team(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team to deactivate.")] input: DeactivateTeamInput,
    ) -> AppResult<DeactivateTeamPayload> {
        let team = teams::set_active(db(ctx), actor(ctx)?, input.id.0, false).await?;
        Ok(DeactivateTeamPayload { team: Team(team) })
    }

    /// Admin only.
    async fn reactivate_team(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team to reactivate.")] input: ReactivateTeamInput,
    ) -> AppResult<ReactivateTeamPayload> {
        let team = teams::set_active(db(ctx), actor(ctx)?, input.id.0, true).await?;
        Ok(ReactivateTeamPayload { team: Team(team) })
    }
}

/// A new team.
#[derive(Debug, InputObject)]
pub struct CreateTeamInput {
    /// The shop's name, at most 100 characters.
    pub name: String,
    /// The platform the shop sells on.
    pub platform: Platform,
    /// IANA zone every "day" and "month" of the team is local to; default Asia/Shanghai.
    pub time_zone: Option<String>,
    /// Whether staff may see the customer-service ranking; default true.
    pub cs_ranking_visible: Option<bool>,
}

impl From<CreateTeamInput> for teams::NewTeam {
    fn from(input: CreateTeamInput) -> Self {
        Self {
            name: input.name,
            platform: input.platform.into(),
            time_zone: input.time_zone,
            cs_ranking_visible: input.cs_ranking_visible,
        }
    }
}

/// What `createTeam` made.
#[derive(SimpleObject)]
pub struct CreateTeamPayload {
    /// The new team.
    team: Team,
}

/// The team to change and its changes: fields left null are unchanged.
#[derive(Debug, InputObject)]
pub struct UpdateTeamInput {
    /// The team to change.
    pub id: Id,
    /// A new name, at most 100 characters.
    pub name: Option<String>,
    /// A new platform.
    pub platform: Option<Platform>,
    /// A new IANA zone; the team's days and months are read in it from then on.
    pub time_zone: Option<String>,
    /// Whether staff may see the customer-service ranking.
    pub cs_ranking_visible: Option<bool>,
}

impl From<UpdateTeamInput> for teams::TeamChanges {
    fn from(input: UpdateTeamInput) -> Self {
        Self {
            name: input.name,
            platform: input.platform.map(Into::into),
            time_zone: input.time_zone,
            cs_ranking_visible: input.cs_ranking_visible,
        }
    }
}

/// What `updateTeam` changed.
#[derive(SimpleObject)]
pub struct UpdateTeamPayload {
    /// The team as changed.
    team: Team,
}

/// The team to deactivate.
#[derive(InputObject)]
pub struct DeactivateTeamInput {
    /// The team.
    pub id: Id,
}

/// What `deactivateTeam` changed.
#[derive(SimpleObject)]
pub struct DeactivateTeamPayload {
    /// The team, now inactive.
    team: Team,
}

/// The team to reactivate.
#[derive(InputObject)]
pub struct ReactivateTeamInput {
    /// The team.
    pub id: Id,
}

/// What `reactivateTeam` changed.
#[derive(SimpleObject)]
pub struct ReactivateTeamPayload {
    /// The team, active again.
    team: Team,
}

/// Which teams to list.
#[derive(Debug, Default, InputObject)]
pub struct TeamFilter {
    /// Active (true) or deactivated (false); omit for both.
    pub active: Option<bool>,
}

impl From<TeamFilter> for teams::TeamFilter {
    fn from(input: TeamFilter) -> Self {
        Self {
            active: input.active,
        }
    }
}
