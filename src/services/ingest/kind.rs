//! What a kind of import is: its name and its [`Row`] type.

use std::hash::Hash;

use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, DatabaseTransaction, EntityTrait};

use super::directory::Directory;
use crate::error::AppResult;
use crate::validate::Checks;

/// The kinds of data an import carries, each one [`Row`] type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, sea_orm::EnumIter)]
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
    type Key: Hash + Ord + Clone + Send + Sync + 'static;
    /// The natural key's columns: a stored row with the same values is overwritten.
    const KEY_COLUMNS: &'static [Column<Self>];
    /// The team's column: the team's rows are counted before and after, which tells the rows
    /// inserted from those overwritten without reading any back.
    const TEAM_COLUMN: Column<Self>;

    /// The stored row this one becomes, and its key; every problem is noted in `c` (the model
    /// of a row with problems is never stored).
    fn check(self, c: &mut Checks, ctx: &Context) -> (Self::Key, Model<Self>);

    /// The day the row counts in, whose month must be open (§8); `None` when undated.
    fn day(key: &Self::Key, model: &Model<Self>) -> Option<NaiveDate>;

    /// The days the stored rows of `keys` count in, for a kind whose key does not hold the day
    /// (a deliverable is keyed by its reference and counts in the month it was delivered): those
    /// months must be open too. Other kinds count in their key's day: nothing to read.
    fn overwritten_days(
        _tx: &DatabaseTransaction,
        _team_id: i64,
        _keys: &[Self::Key],
    ) -> impl Future<Output = AppResult<Vec<NaiveDate>>> + Send {
        async { Ok(Vec::new()) }
    }
}
