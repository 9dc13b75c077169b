//! What a kind of import is: its name and its [`Row`] type.

use std::collections::BTreeSet;
use std::hash::Hash;

use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, QuerySelect,
    TryGetableMany,
};

use super::directory::Directory;
use crate::error::AppResult;
use crate::validate::Checks;

/// The kinds of data an import carries, each one [`Row`] type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sea_orm::EnumIter)]
pub enum Kind {
    ShopDays,
    ProductDays,
    AgentDays,
    AdDays,
    Deliverables,
    Competitors,
}

impl Kind {
    pub fn all() -> impl Iterator<Item = Kind> {
        <Kind as sea_orm::Iterable>::iter()
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::all().find(|k| k.name() == name)
    }

    /// As the command line and messages spell it.
    pub fn name(self) -> &'static str {
        match self {
            Kind::ShopDays => "shop-days",
            Kind::ProductDays => "product-days",
            Kind::AgentDays => "agent-days",
            Kind::AdDays => "ad-days",
            Kind::Deliverables => "deliverables",
            Kind::Competitors => "competitors",
        }
    }
}

/// What every row is checked against.
pub struct Context<'a> {
    pub team_id: i64,
    /// Today in the team's time zone: no data may be dated after it.
    pub today: NaiveDate,
    pub directory: &'a Directory,
}

pub type Model<R> = <<R as Row>::Entity as EntityTrait>::ActiveModel;
pub type Column<R> = <<R as Row>::Entity as EntityTrait>::Column;

/// One kind of imported row: how it is checked, keyed and stored.
pub trait Row: Sized + Send + 'static {
    const KIND: Kind;
    type Entity: EntityTrait<ActiveModel: ActiveModelTrait<Entity = Self::Entity> + Send>;
    type Key: Hash + Eq + Clone + Send + Sync;
    /// The natural key's columns: a stored row with the same values is overwritten.
    const KEY_COLUMNS: &'static [Column<Self>];

    /// The stored row this one becomes, and its key; every problem is noted in `c` (the model
    /// of a row with problems is never stored).
    fn check(self, c: &mut Checks, ctx: &Context) -> (Self::Key, Model<Self>);

    /// The day the row counts in, whose month must be open (§8); `None` when undated.
    fn day(key: &Self::Key, model: &Model<Self>) -> Option<NaiveDate>;

    /// Those of `keys` that are stored, each with the day the stored row counts in when that
    /// may differ from the new row's (its month must be open too).
    fn stored(
        tx: &DatabaseTransaction,
        team_id: i64,
        keys: &[Self::Key],
    ) -> impl Future<Output = AppResult<Vec<(Self::Key, Option<NaiveDate>)>>> + Send;
}

/// The stored keys of the team on the given days: `columns` read as the key, for rows keyed by
/// day and more.
pub(super) async fn stored_on<E, K>(
    tx: &DatabaseTransaction,
    (team_column, team_id): (E::Column, i64),
    (day_column, days): (E::Column, impl Iterator<Item = NaiveDate>),
    columns: &[E::Column],
) -> AppResult<Vec<(K, Option<NaiveDate>)>>
where
    E: EntityTrait,
    K: TryGetableMany + Send,
{
    let days: BTreeSet<NaiveDate> = days.collect();
    let keys = E::find()
        .select_only()
        .columns(columns.iter().copied())
        .filter(team_column.eq(team_id))
        .filter(day_column.is_in(days))
        .into_tuple::<K>()
        .all(tx)
        .await?;
    Ok(keys.into_iter().map(|k| (k, None)).collect())
}
