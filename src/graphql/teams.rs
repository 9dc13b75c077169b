use crate::graphql::scalars::DateTime;
use async_graphql::{Context, InputObject, Object};

use crate::entities::team;
use crate::error::AppResult;
use crate::graphql::enums::Platform;
use crate::graphql::{
    context::{actor, db},
    id::Id,
    relay::{IdConnection, connection, page_request},
};
use crate::services::teams;

/// A shop (店铺) and its team.
pub struct Team(pub team::Model);

#[Object]
impl Team {
    async fn id(&self) -> Id {
        Id(self.0.id)
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn platform(&self) -> Platform {
        self.0.platform.into()
    }
    /// Every day and month of the team's numbers is local to this zone.
    async fn time_zone(&self) -> &str {
        &self.0.time_zone
    }
    async fn currency(&self) -> &str {
        &self.0.currency
    }
    /// Whether staff (not only managers) may see the customer-service ranking.
    async fn cs_ranking_visible(&self) -> bool {
        self.0.cs_ranking_visible
    }
    async fn active(&self) -> bool {
        self.0.active
    }
    async fn created_at(&self) -> DateTime {
        self.0.created_at.into()
    }
}

#[derive(Default)]
pub struct TeamQuery;

#[Object]
impl TeamQuery {
    async fn team(&self, ctx: &Context<'_>, id: Id) -> AppResult<Team> {
        crate::services::teams::get(db(ctx), actor(ctx)?, id.0)
            .await
            .map(Team)
    }

    /// Admins see every team; everyone else their own.
    #[graphql(complexity = "crate::graphql::cost::page(first, child_complexity)")]
    async fn teams(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 20)] first: i32,
        after: Option<String>,
        #[graphql(default)] filter: TeamFilter,
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
    async fn create_team(&self, ctx: &Context<'_>, input: NewTeam) -> AppResult<Team> {
        crate::services::teams::create(db(ctx), actor(ctx)?, input.into())
            .await
            .map(Team)
    }

    /// The team's manager or an admin.
    async fn update_team(&self, ctx: &Context<'_>, id: Id, input: TeamChanges) -> AppResult<Team> {
        crate::services::teams::update(db(ctx), actor(ctx)?, id.0, input.into())
            .await
            .map(Team)
    }

    /// Admin only. Members (other than admins) can no longer sign in; history is kept.
    async fn deactivate_team(&self, ctx: &Context<'_>, id: Id) -> AppResult<Team> {
        crate::services::teams::set_active(db(ctx), actor(ctx)?, id.0, false)
            .await
            .map(Team)
    }

    /// Admin only.
    async fn reactivate_team(&self, ctx: &Context<'_>, id: Id) -> AppResult<Team> {
        crate::services::teams::set_active(db(ctx), actor(ctx)?, id.0, true)
            .await
            .map(Team)
    }
}

#[derive(Debug, InputObject)]
pub struct NewTeam {
    pub name: String,
    pub platform: Platform,
    /// IANA zone every "day" and "month" of the team is local to; default Asia/Shanghai.
    pub time_zone: Option<String>,
    /// Whether staff may see the customer-service ranking; default true.
    pub cs_ranking_visible: Option<bool>,
}

impl From<NewTeam> for teams::NewTeam {
    fn from(input: NewTeam) -> Self {
        Self {
            name: input.name,
            platform: input.platform.into(),
            time_zone: input.time_zone,
            cs_ranking_visible: input.cs_ranking_visible,
        }
    }
}

/// Fields left null are unchanged.
#[derive(Debug, Default, InputObject)]
pub struct TeamChanges {
    pub name: Option<String>,
    pub platform: Option<Platform>,
    pub time_zone: Option<String>,
    pub cs_ranking_visible: Option<bool>,
}

impl From<TeamChanges> for teams::TeamChanges {
    fn from(input: TeamChanges) -> Self {
        Self {
            name: input.name,
            platform: input.platform.map(Into::into),
            time_zone: input.time_zone,
            cs_ranking_visible: input.cs_ranking_visible,
        }
    }
}

#[derive(Debug, Default, InputObject)]
pub struct TeamFilter {
    pub active: Option<bool>,
}

impl From<TeamFilter> for teams::TeamFilter {
    fn from(input: TeamFilter) -> Self {
        Self {
            active: input.active,
        }
    }
}
