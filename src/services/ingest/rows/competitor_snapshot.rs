use chrono::{NaiveDate, Utc};
use rust_decimal::Decimal;
use sea_orm::Set;
use serde::{Deserialize, Serialize};

use crate::entities::{CompetitorPromotion, competitor_snapshot};
use crate::services::ingest::kind::{Context, Kind, Model, Row};
use crate::validate::Checks;

/// A competitor's item as seen on one day.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CompetitorSnapshot {
    pub competitor: String,
    pub item: String,
    pub date: NaiveDate,
    pub price: Decimal,
    /// Estimated monthly sales (月销量).
    pub est_monthly_sales: Option<i64>,
    /// Default NONE.
    pub promotion: Option<CompetitorPromotion>,
    pub keywords: Option<String>,
}

pub type CompetitorKey = (String, String, NaiveDate);

impl Row for CompetitorSnapshot {
    const KIND: Kind = Kind::Competitors;
    type Entity = competitor_snapshot::Entity;
    type Key = CompetitorKey;
    const TEAM_COLUMN: competitor_snapshot::Column = competitor_snapshot::Column::TeamId;
    const KEY_COLUMNS: &'static [competitor_snapshot::Column] = &[
        competitor_snapshot::Column::TeamId,
        competitor_snapshot::Column::Competitor,
        competitor_snapshot::Column::Item,
        competitor_snapshot::Column::Date,
    ];

    fn check(self, c: &mut Checks, ctx: &Context) -> (Self::Key, Model<Self>) {
        let r = self;
        let competitor = c.text("competitor", &r.competitor, 100);
        let item = c.text("item", &r.item, 200);
        let date = c.not_future("date", r.date, ctx.today);
        let keywords = r
            .keywords
            .map(|k| c.optional_note("keywords", &k, 500))
            .filter(|k| !k.is_empty());
        let model = competitor_snapshot::ActiveModel {
            team_id: Set(ctx.team_id),
            competitor: Set(competitor.clone()),
            item: Set(item.clone()),
            date: Set(date),
            price_fen: Set(c.money("price", r.price)),
            est_monthly_sales: Set(c.count("estMonthlySales", r.est_monthly_sales.unwrap_or(0))),
            promotion: Set(r.promotion.unwrap_or(CompetitorPromotion::None)),
            keywords: Set(keywords),
            updated_at: Set(Utc::now()),
            ..Default::default()
        };
        ((competitor, item, date), model)
    }

    fn day((_, _, date): &Self::Key, _: &Model<Self>) -> Option<NaiveDate> {
        Some(*date)
    }
}
