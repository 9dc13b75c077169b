//! Per-request DataLoaders: nested fields of a list load in one query per level, not one per row.

use std::{collections::HashMap, marker::PhantomData, sync::Arc};

use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

use crate::entities::{staff, staff_alias, team};
use crate::error::AppError;

/// Teams and people are cached for the request, so a resolver that knows a whole list's ids can
/// load them in one batch up front (`prime`) and its rows' nested fields never query again, however
/// the scheduler interleaves them.
pub struct Loaders {
    pub teams: DataLoader<ById<team::Entity>, HashMapCache>,
    pub staff: DataLoader<ById<staff::Entity>, HashMapCache>,
    pub aliases: DataLoader<AliasesByStaff>,
}

impl Loaders {
    pub fn new(db: &DatabaseConnection) -> Self {
        Self {
            teams: DataLoader::with_cache(ById::new(db), tokio::spawn, HashMapCache::default()),
            staff: DataLoader::with_cache(ById::new(db), tokio::spawn, HashMapCache::default()),
            aliases: DataLoader::new(AliasesByStaff(db.clone()), tokio::spawn),
        }
    }

    /// Loads these people, and their teams if `with_teams`, in one batch each.
    pub async fn prime_staff(
        &self,
        ids: impl IntoIterator<Item = i64>,
        with_teams: bool,
    ) -> Result<(), AppError> {
        let people = self.staff.load_many(ids).await.map_err(load_error)?;
        if with_teams {
            let teams = people.values().filter_map(|s| s.team_id);
            self.teams.load_many(teams).await.map_err(load_error)?;
        }
        Ok(())
    }
}

pub fn load_error(err: Arc<DbErr>) -> AppError {
    AppError::internal(anyhow::anyhow!("data loader: {err}"))
}

/// Entities addressed by an `i64` id column.
pub trait Keyed: EntityTrait {
    fn id_column() -> Self::Column;
    fn id_of(model: &Self::Model) -> i64;
}

impl Keyed for team::Entity {
    fn id_column() -> Self::Column {
        team::Column::Id
    }
    fn id_of(model: &Self::Model) -> i64 {
        model.id
    }
}

impl Keyed for staff::Entity {
    fn id_column() -> Self::Column {
        staff::Column::Id
    }
    fn id_of(model: &Self::Model) -> i64 {
        model.id
    }
}

pub struct ById<E>(DatabaseConnection, PhantomData<fn() -> E>);

impl<E> ById<E> {
    fn new(db: &DatabaseConnection) -> Self {
        Self(db.clone(), PhantomData)
    }
}

impl<E> Loader<i64> for ById<E>
where
    E: Keyed + Send + Sync,
    E::Model: Clone + Send + Sync,
{
    type Value = E::Model;
    type Error = Arc<DbErr>;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, Self::Value>, Self::Error> {
        let rows = E::find()
            .filter(E::id_column().is_in(keys.iter().copied()))
            .all(&self.0)
            .await?;
        Ok(rows.into_iter().map(|m| (E::id_of(&m), m)).collect())
    }
}

pub struct AliasesByStaff(DatabaseConnection);

impl Loader<i64> for AliasesByStaff {
    type Value = Vec<staff_alias::Model>;
    type Error = Arc<DbErr>;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, Self::Value>, Self::Error> {
        let rows = staff_alias::Entity::find()
            .filter(staff_alias::Column::StaffId.is_in(keys.iter().copied()))
            .all(&self.0)
            .await?;
        let mut by_staff: HashMap<i64, Self::Value> = HashMap::new();
        for row in rows {
            by_staff.entry(row.staff_id).or_default().push(row);
        }
        Ok(by_staff)
    }
}
