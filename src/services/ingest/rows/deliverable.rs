use chrono::{NaiveDate, Utc};
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, QuerySelect, Set};
use serde::{Deserialize, Serialize};

use crate::entities::{DeliverableKind, Role, design_deliverable};
use crate::error::AppResult;
use crate::services::ingest::kind::{Context, Kind, Model, Row};
use crate::validate::Checks;

/// A piece of design work, keyed by the team's job `reference`; re-importing it (e.g. once it is
/// delivered) updates it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Deliverable {
    pub reference: String,
    pub designer_id: Option<i64>,
    /// E-mail, alias or name of the designer.
    pub designer: Option<String>,
    pub product_id: Option<i64>,
    pub platform_item_id: Option<String>,
    pub kind: DeliverableKind,
    pub requested_on: NaiveDate,
    pub due_on: NaiveDate,
    pub delivered_on: Option<NaiveDate>,
    pub revisions: Option<i64>,
}

impl Row for Deliverable {
    const KIND: Kind = Kind::Deliverables;
    type Entity = design_deliverable::Entity;
    type Key = String;
    const TEAM_COLUMN: design_deliverable::Column = design_deliverable::Column::TeamId;
    const KEY_COLUMNS: &'static [design_deliverable::Column] = &[
        design_deliverable::Column::TeamId,
        design_deliverable::Column::Reference,
    ];

    fn check(self, c: &mut Checks, ctx: &Context) -> (Self::Key, Model<Self>) {
        let r = self;
        let reference = c.text("reference", &r.reference, 64);
        let designer = ctx.directory.person(
            c,
            "designer",
            r.designer_id,
            r.designer.as_deref(),
            Some(Role::Designer),
        );
        let product = (r.product_id.is_some() || r.platform_item_id.is_some())
            .then(|| {
                ctx.directory
                    .product(c, "product", r.product_id, r.platform_item_id.as_deref())
                    .map(|p| p.id)
            })
            .flatten();
        let requested = c.not_future("requestedOn", r.requested_on, ctx.today);
        let (due, delivered) = (r.due_on, r.delivered_on);
        if due < requested {
            c.fail("dueOn", "must not be before requestedOn");
        }
        if let Some(delivered) = delivered {
            c.not_future("deliveredOn", delivered, ctx.today);
            if delivered < requested {
                c.fail("deliveredOn", "must not be before requestedOn");
            }
        }
        let model = design_deliverable::ActiveModel {
            team_id: Set(ctx.team_id),
            reference: Set(reference.clone()),
            designer_id: Set(designer),
            product_id: Set(product),
            kind: Set(r.kind),
            requested_on: Set(requested),
            due_on: Set(due),
            delivered_on: Set(delivered),
            revisions: Set(c.count("revisions", r.revisions.unwrap_or(0))),
            updated_at: Set(Utc::now()),
            ..Default::default()
        };
        (reference, model)
    }

    /// A deliverable counts in the month it was delivered (§3 design metrics).
    fn day(_: &String, model: &Model<Self>) -> Option<NaiveDate> {
        model.delivered_on.try_as_ref().copied().flatten()
    }

    /// Both the month a deliverable is delivered in now and the one it was delivered in
    /// before must be open.
    async fn overwritten_days(
        tx: &DatabaseTransaction,
        team_id: i64,
        references: &[String],
    ) -> AppResult<Vec<NaiveDate>> {
        use design_deliverable::Column::*;
        Ok(design_deliverable::Entity::find()
            .select_only()
            .column(DeliveredOn)
            .filter(TeamId.eq(team_id))
            .filter(DeliveredOn.is_not_null())
            .filter(Reference.is_in(references.iter().cloned()))
            .into_tuple::<NaiveDate>()
            .all(tx)
            .await?)
    }
}
