//! Per-request DataLoaders: nested fields of a list load in one query per level, not one per row.

use std::{
    collections::{BTreeSet, HashMap},
    marker::PhantomData,
    sync::Arc,
};

use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
};

use crate::entities::{audit_entry, finding, staff, staff_alias, task_note, team};
use crate::error::AppError;
use crate::services::auth::Auth;
use crate::services::tasks::verification::{self, Verification};

/// Verifications of completed tasks made from findings, by task id (see [`verification::load`]).
pub struct VerificationLoader(DatabaseConnection);

impl Loader<i64> for VerificationLoader {
    type Value = Verification;
    type Error = Arc<DbErr>;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, Verification>, Self::Error> {
        verification::load(&self.0, keys)
            .await
            .map_err(|e| match e {
                AppError::Internal(e) => Arc::new(DbErr::Custom(format!("{e:#}"))),
                other => Arc::new(DbErr::Custom(other.message())),
            })
    }
}

/// Teams and people are cached for the request, so a resolver that knows a whole list's ids can
/// load them in one batch up front (`prime`) and its rows' nested fields never query again, however
/// the scheduler interleaves them.
pub struct Loaders {
    pub teams: DataLoader<ById<team::Entity>, HashMapCache>,
    pub staff: DataLoader<ById<staff::Entity>, HashMapCache>,
    pub aliases: DataLoader<ByParent<staff_alias::Entity>>,
    pub findings: DataLoader<ById<finding::Entity>>,
    pub follow_ups: DataLoader<ByParent<task_note::Entity>>,
    pub task_audit: DataLoader<ByParent<audit_entry::Entity>>,
    pub verifications: DataLoader<VerificationLoader>,
}

impl Loaders {
    fn new(db: &DatabaseConnection) -> Self {
        Self {
            teams: DataLoader::with_cache(ById::new(db), tokio::spawn, HashMapCache::default()),
            staff: DataLoader::with_cache(ById::new(db), tokio::spawn, HashMapCache::default()),
            aliases: DataLoader::new(ByParent::new(db), tokio::spawn),
            findings: DataLoader::new(ById::new(db), tokio::spawn),
            follow_ups: DataLoader::new(ByParent::new(db), tokio::spawn),
            task_audit: DataLoader::new(ByParent::new(db), tokio::spawn),
            verifications: DataLoader::new(VerificationLoader(db.clone()), tokio::spawn),
        }
    }

    /// The loaders of `auth`'s request, which already hold the caller and their team as read
    /// with the token: a page of one's own colleagues with `team { name }` loads no team, and
    /// without the loader's collection delay.
    pub async fn for_caller(db: &DatabaseConnection, auth: &Auth) -> Self {
        let loaders = Self::new(db);
        if let Auth::Signed(signed) = auth {
            if let Some(team) = &signed.team {
                loaders.teams.feed_one(team.id, team.clone()).await;
            }
            (loaders.staff)
                .feed_one(signed.staff.id, signed.staff.clone())
                .await;
        }
        loaders
    }

    /// Loads these people, and their teams if `with_teams`, in one batch each. The ids are all
    /// known, so the batches run at once instead of after the loaders' 1 ms collection delay.
    pub async fn prime_staff(
        &self,
        ids: impl IntoIterator<Item = i64>,
        with_teams: bool,
    ) -> Result<(), AppError> {
        let people = load_now(&self.staff, ids).await?;
        if with_teams {
            let teams = load_now(&self.teams, people.values().filter_map(|s| s.team_id)).await?;
            self.teams.feed_many(teams).await;
        }
        self.staff.feed_many(people).await;
        Ok(())
    }
}

/// `ids` in one query (none for no ids), bypassing the loader's delay and cache.
async fn load_now<E>(
    loader: &DataLoader<ById<E>, HashMapCache>,
    ids: impl IntoIterator<Item = i64>,
) -> Result<HashMap<i64, E::Model>, AppError>
where
    E: Keyed + Send + Sync,
    E::Model: Clone + Send + Sync,
{
    let ids: Vec<i64> = ids
        .into_iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    loader.loader().load(&ids).await.map_err(load_error)
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

impl Keyed for finding::Entity {
    fn id_column() -> Self::Column {
        finding::Column::Id
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

/// Rows that belong to a parent (a person's aliases, a task's follow-ups or audit trail), listed
/// per parent in id order.
pub trait Child: EntityTrait {
    fn parent_column() -> Self::Column;
    fn id_column() -> Self::Column;
    fn parent_of(model: &Self::Model) -> i64;
    /// Narrows a table shared by several kinds of parent.
    fn scope() -> Condition {
        Condition::all()
    }
}

impl Child for staff_alias::Entity {
    fn parent_column() -> Self::Column {
        staff_alias::Column::StaffId
    }
    fn id_column() -> Self::Column {
        staff_alias::Column::Id
    }
    fn parent_of(model: &Self::Model) -> i64 {
        model.staff_id
    }
}

impl Child for task_note::Entity {
    fn parent_column() -> Self::Column {
        task_note::Column::TaskId
    }
    fn id_column() -> Self::Column {
        task_note::Column::Id
    }
    fn parent_of(model: &Self::Model) -> i64 {
        model.task_id
    }
}

impl Child for audit_entry::Entity {
    fn parent_column() -> Self::Column {
        audit_entry::Column::SubjectId
    }
    fn id_column() -> Self::Column {
        audit_entry::Column::Id
    }
    fn parent_of(model: &Self::Model) -> i64 {
        model.subject_id
    }
    fn scope() -> Condition {
        Condition::all().add(audit_entry::Column::SubjectKind.eq(crate::services::audit::TASK))
    }
}

pub struct ByParent<E>(DatabaseConnection, PhantomData<fn() -> E>);

impl<E> ByParent<E> {
    fn new(db: &DatabaseConnection) -> Self {
        Self(db.clone(), PhantomData)
    }
}

impl<E> Loader<i64> for ByParent<E>
where
    E: Child + Send + Sync,
    E::Model: Clone + Send + Sync,
{
    type Value = Vec<E::Model>;
    type Error = Arc<DbErr>;

    async fn load(&self, keys: &[i64]) -> Result<HashMap<i64, Self::Value>, Self::Error> {
        let rows = E::find()
            .filter(E::scope())
            .filter(E::parent_column().is_in(keys.iter().copied()))
            .order_by_asc(E::id_column())
            .all(&self.0)
            .await?;
        let mut by_parent: HashMap<i64, Self::Value> = HashMap::new();
        for row in rows {
            by_parent.entry(E::parent_of(&row)).or_default().push(row);
        }
        Ok(by_parent)
    }
}
