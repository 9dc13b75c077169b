use crate::graphql::scalars::{DateTime, Decimal};
use async_graphql::{Context, InputObject, Object, SimpleObject};

use crate::entities::review;
use crate::error::AppResult;
use crate::graphql::audit::AuditEntry;
use crate::graphql::enums::{Grade, Metric, Role};
use crate::graphql::staff::{Staff, load_staff};
use crate::graphql::{
    context::{actor, db, team},
    id::Id,
    relay::{IdConnection, connection, page_request},
};
use crate::period::Month;
use crate::services::catalogue::{Unit, precise, shown};
use crate::services::kpi::scoring::{self, GRADE_FLOORS};
use crate::services::reviews::ReviewLine;

/// One KPI of a review. Figures are computed and scored exactly and shown at their unit's places
/// (money 0.01, rates 0.0001 as fractions, seconds 0.01) or more: a TIERS actual with as many
/// places as it takes to show on which side of each tier it lies (249.995 against a tier at 250,
/// not 250.00), a LINEAR or TARGET_RATIO actual to 10 places (a CPC of 1.234 scores 76.6).
#[derive(SimpleObject)]
#[graphql(name = "ReviewLine")]
pub struct ReviewLineShown {
    /// The KPI's code in the scorecard, e.g. CS_AOV.
    pub code: String,
    /// The metric scored.
    pub metric: Metric,
    /// The month's sums the value is the quotient of (amounts: the amount over 1).
    pub numerator: Option<Decimal>,
    /// The divisor of `numerator` (1 for amounts and counts); null when there is no data.
    pub denominator: Option<Decimal>,
    /// The month's value of the metric: yuan, a fraction for rates, seconds, a count.
    pub value: Option<Decimal>,
    /// What was scored: the value, or for a completion KPI value ÷ target (a fraction).
    pub actual: Option<Decimal>,
    /// The month's target in the metric's unit (the person's, else the team's); null when none
    /// applies.
    pub target: Option<Decimal>,
    /// 0..120, shown to 0.01; null when not scored.
    pub score: Option<Decimal>,
    /// The KPI's weight in the total.
    pub weight: Decimal,
}

impl From<ReviewLine> for ReviewLineShown {
    fn from(l: ReviewLine) -> Self {
        let places = l.metric.def().unit.places();
        let actual_places = if l.completion {
            Unit::Rate.places()
        } else {
            places
        };
        Self {
            value: l
                .value
                .map(|v| shown(v, places, l.target.as_slice()).into()),
            actual: l.actual.map(|a| {
                if l.continuous {
                    precise(a, actual_places).into()
                } else {
                    shown(a, actual_places, &l.thresholds).into()
                }
            }),
            target: l
                .target
                .map(|t| shown(t, places, l.value.as_slice()).into()),
            score: l.score.map(|s| shown(s, 2, &[]).into()),
            code: l.code,
            metric: l.metric.into(),
            numerator: l.numerator.map(Into::into),
            denominator: l.denominator.map(Into::into),
            weight: l.weight.into(),
        }
    }
}

/// A cumulative quota of a forced distribution: at most `max` (a fraction) of the graded people
/// may have `grade` or better.
#[derive(SimpleObject, InputObject)]
#[graphql(input_name = "GradeQuotaInput")]
pub struct GradeQuota {
    /// The grade the quota counts down to.
    pub grade: Grade,
    /// At most this fraction of the graded people (0.3 = 30 %) have this grade or better.
    pub max: Decimal,
}

impl From<scoring::GradeQuota> for GradeQuota {
    fn from(q: scoring::GradeQuota) -> Self {
        Self {
            grade: q.grade.into(),
            max: q.max.into(),
        }
    }
}

impl From<GradeQuota> for scoring::GradeQuota {
    fn from(q: GradeQuota) -> Self {
        Self {
            grade: q.grade.into(),
            max: q.max.into(),
        }
    }
}

pub struct Review(pub review::Model);

/// One person's review of a month (§7).
#[Object]
impl Review {
    /// The review's id.
    async fn id(&self) -> Id {
        Id(self.0.id)
    }
    /// The person reviewed; null if no longer found.
    async fn staff(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        load_staff(ctx, Some(self.0.staff_id)).await
    }
    /// The role reviewed, whose scorecard scores the month.
    async fn role(&self) -> Role {
        self.0.role.into()
    }
    /// The month reviewed.
    async fn month(&self) -> Month {
        Month::of(self.0.month)
    }
    /// Every KPI of the role's scorecard: value, actual scored, target, score, weight. Bounded:
    /// one per KPI of the scorecard.
    #[graphql(
        complexity = "crate::graphql::cost::rows(crate::graphql::cost::ITEM_ROWS, child_complexity)"
    )]
    async fn lines(&self) -> AppResult<Vec<ReviewLineShown>> {
        Ok(crate::services::reviews::lines(&self.0)?
            .into_iter()
            .map(Into::into)
            .collect())
    }
    /// Σ(weight × score) / Σweight over the scored KPIs, computed exactly and shown to 0.01, or
    /// with more places where rounding would reach a grade's floor (89.996, not 90.00, is a
    /// B); null when none was scored.
    async fn total(&self) -> AppResult<Option<Decimal>> {
        let floors = GRADE_FLOORS.map(|(_, floor)| floor);
        Ok(crate::services::reviews::total(&self.0)?.map(|t| shown(t, 2, &floors).into()))
    }
    /// The grade the total gives.
    async fn computed_grade(&self) -> Option<Grade> {
        self.0.computed_grade.map(Into::into)
    }
    /// The grade that counts: after the forced distribution and any adjustment.
    async fn grade(&self) -> Option<Grade> {
        self.0.grade.map(Into::into)
    }
    /// Moved down a grade by the team's forced distribution.
    async fn demoted(&self) -> bool {
        self.0.demoted
    }
    /// Why the manager set the grade by hand (null when not adjusted).
    async fn adjustment_reason(&self) -> Option<&str> {
        self.0.adjustment_reason.as_deref()
    }
    /// The manager's comment; null when none.
    #[graphql(complexity = "crate::graphql::cost::LONG_TEXT")]
    async fn comment(&self) -> Option<&str> {
        self.0.comment.as_deref()
    }
    /// When the figures of this review last changed (a recompute that changes nothing keeps it).
    async fn computed_at(&self) -> DateTime {
        self.0.computed_at.into()
    }
}

#[derive(Default)]
pub struct ReviewQuery;

#[Object]
impl ReviewQuery {
    /// The month's reviews: the team's for its manager, their own for a member. Drafts are
    /// recomputed from the data until the month is finalized. Bounded: at most one per person of
    /// the team.
    #[graphql(
        complexity = "crate::graphql::cost::rows(crate::graphql::cost::TEAM_PEOPLE, child_complexity)"
    )]
    async fn reviews(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team reviewed.")] team_id: Id,
        #[graphql(desc = "The month reviewed.")] month: Month,
    ) -> AppResult<Vec<Review>> {
        let team = team(ctx, team_id.0).await?;
        let list = crate::services::reviews::visible(db(ctx), actor(ctx)?, &team, month).await?;
        Ok(list.into_iter().map(Review).collect())
    }

    /// Who changed a review's grade, when, and why, oldest first; the team's manager. A Relay
    /// connection.
    #[graphql(complexity = "crate::graphql::cost::page(first, child_complexity)")]
    async fn review_audit_trail(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The review.")] review_id: Id,
        #[graphql(default = 20, desc = "Page size, 1 to 100.")] first: i32,
        #[graphql(desc = "The `endCursor` of the previous page; omit for the first page.")]
        after: Option<String>,
    ) -> AppResult<IdConnection<AuditEntry>> {
        let after_given = after.is_some();
        let page = page_request(first, after)?;
        let trail =
            crate::services::reviews::audit_trail(db(ctx), actor(ctx)?, review_id.0, page).await?;
        Ok(connection(trail, after_given, |e| e.id, AuditEntry))
    }

    /// The team's forced distribution (empty: none). Every member of the team. Bounded: at most
    /// one quota per grade.
    #[graphql(
        complexity = "crate::graphql::cost::rows(<Grade as async_graphql::EnumType>::items().len(), child_complexity)"
    )]
    async fn forced_distribution(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team.")] team_id: Id,
    ) -> AppResult<Vec<GradeQuota>> {
        let team = team(ctx, team_id.0).await?;
        let quotas = crate::services::reviews::forced_distribution(actor(ctx)?, &team)?;
        Ok(quotas.into_iter().map(Into::into).collect())
    }
}

#[derive(Default)]
pub struct ReviewMutation;

#[Object]
impl ReviewMutation {
    /// Sets a person's grade by hand (a reason is required; audited), or with `grade: null`
    /// returns to the computed one; the team's manager, while the month is open.
    async fn adjust_grade(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A person's grade set by hand, or back to the computed one.")]
        input: AdjustGradeInput,
    ) -> AppResult<AdjustGradePayload> {
        let team = team(ctx, input.team_id.0).await?;
        let r = crate::services::reviews::adjust_grade(
            db(ctx),
            actor(ctx)?,
            &team,
            input.month,
            input.staff_id.0,
            input.grade.map(Into::into),
            input.reason,
        )
        .await?;
        Ok(AdjustGradePayload { review: Review(r) })
    }

    /// The manager's comment on a person's review.
    async fn comment_review(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The manager's comment on a review.")] input: CommentReviewInput,
    ) -> AppResult<CommentReviewPayload> {
        let team = team(ctx, input.team_id.0).await?;
        let r = crate::services::reviews::comment(
            db(ctx),
            actor(ctx)?,
            &team,
            input.month,
            input.staff_id.0,
            input.comment,
        )
        .await?;
        Ok(CommentReviewPayload { review: Review(r) })
    }

    /// Cumulative grade quotas from the top (S ≤ 10 %, then S+A ≤ 30 %...); an empty list
    /// removes the forced distribution. The team's manager.
    async fn set_forced_distribution(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A team's forced distribution.")] input: SetForcedDistributionInput,
    ) -> AppResult<SetForcedDistributionPayload> {
        let team = crate::services::reviews::set_forced_distribution(
            db(ctx),
            actor(ctx)?,
            input.team_id.0,
            input.quotas.into_iter().map(Into::into).collect(),
        )
        .await?;
        let quotas = crate::services::reviews::quotas(&team)?;
        Ok(SetForcedDistributionPayload {
            quotas: quotas.into_iter().map(Into::into).collect(),
        })
    }
}

/// A person's grade set by hand, or back to the computed one.
#[derive(InputObject)]
pub struct AdjustGradeInput {
    /// The team.
    pub team_id: Id,
    /// The month reviewed, which must be open.
    pub month: Month,
    /// The person reviewed.
    pub staff_id: Id,
    /// The grade to give; null (or left out) returns to the computed one.
    pub grade: Option<Grade>,
    /// Why, at most 500 characters (kept in the audit trail).
    pub reason: String,
}

/// What `adjustGrade` changed.
#[derive(SimpleObject)]
pub struct AdjustGradePayload {
    /// The review as changed.
    review: Review,
}

/// The manager's comment on a review.
#[derive(InputObject)]
pub struct CommentReviewInput {
    /// The team.
    pub team_id: Id,
    /// The month reviewed.
    pub month: Month,
    /// The person reviewed.
    pub staff_id: Id,
    /// At most 4000 characters; empty removes the comment.
    pub comment: String,
}

/// What `commentReview` changed.
#[derive(SimpleObject)]
pub struct CommentReviewPayload {
    /// The review as changed.
    review: Review,
}

/// A team's forced distribution.
#[derive(InputObject)]
pub struct SetForcedDistributionInput {
    /// The team.
    pub team_id: Id,
    /// Cumulative quotas from the top grade; empty removes the forced distribution.
    pub quotas: Vec<GradeQuota>,
}

/// What `setForcedDistribution` saved.
#[derive(SimpleObject)]
pub struct SetForcedDistributionPayload {
    /// The team's quotas as saved (none without a forced distribution).
    quotas: Vec<GradeQuota>,
}
