//! Keyset pagination over ascending ids, or over another unique sort key (a tuple of columns):
//! stable under inserts, and a database `LIMIT`, never an in-memory slice.

use sea_orm::{
    DatabaseConnection, EntityTrait, FromQueryResult, IntoIdentity, PaginatorTrait, Select,
    sea_query::IntoValueTuple,
};

use crate::error::{AppError, AppResult};

pub const MAX_PAGE_SIZE: i32 = 100;

#[derive(Debug, Clone, Copy)]
pub struct PageRequest {
    pub first: u64,
    /// Only rows with a greater id.
    pub after: Option<i64>,
}

impl PageRequest {
    pub fn new(first: i32, after: Option<i64>) -> AppResult<Self> {
        if !(1..=MAX_PAGE_SIZE).contains(&first) {
            return Err(AppError::invalid(
                "first",
                format!("must be between 1 and {MAX_PAGE_SIZE}"),
            ));
        }
        Ok(Self {
            first: first as u64,
            after,
        })
    }
}

pub struct Page<T> {
    pub items: Vec<T>,
    pub has_next_page: bool,
    pub total_count: u64,
}

impl<T> Page<T> {
    /// The same page with each item converted.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            has_next_page: self.has_next_page,
            total_count: self.total_count,
        }
    }
}

/// One page of `select`, ordered by `id`, with the total number of rows `select` matches.
pub async fn fetch<E>(
    db: &DatabaseConnection,
    select: Select<E>,
    id: E::Column,
    page: PageRequest,
) -> AppResult<Page<E::Model>>
where
    E: EntityTrait,
    E::Model: Send + Sync,
{
    let page = KeysetRequest {
        first: page.first,
        after: page.after,
    };
    fetch_by_key(db, select, id, page).await
}

/// One page of `select`, newest (greatest `id`) first: `page.after` is the id of the last row
/// seen, and the page holds the rows before it.
pub async fn fetch_newest<E>(
    db: &DatabaseConnection,
    select: Select<E>,
    id: E::Column,
    page: PageRequest,
) -> AppResult<Page<E::Model>>
where
    E: EntityTrait,
    E::Model: Send + Sync,
{
    let total_count = select.clone().count(db).await?;
    let mut cursor = select.cursor_by(id);
    if let Some(after) = page.after {
        cursor.before(after);
    }
    // The last rows by id, which the cursor returns oldest first.
    let mut items = cursor.last(page.first + 1).all(db).await?;
    items.reverse();
    let has_next_page = items.len() as u64 > page.first;
    items.truncate(page.first as usize);
    Ok(Page {
        items,
        has_next_page,
        total_count,
    })
}

/// A page of a list ordered by a unique key other than the id alone, such as (competitor, item,
/// date) or (due date, id): `after` is the key of the last row seen.
#[derive(Debug, Clone)]
pub struct KeysetRequest<K> {
    pub first: u64,
    /// Only rows whose key sorts after this one.
    pub after: Option<K>,
}

impl<K> KeysetRequest<K> {
    pub fn new(first: i32, after: Option<K>) -> AppResult<Self> {
        let first = PageRequest::new(first, None)?.first;
        Ok(Self { first, after })
    }
}

/// One page of `select`, ordered by the `key` columns (ascending, which must identify a row
/// within `select`), with the total number of rows `select` matches. The page starts after the
/// row whose key is `page.after`, compared as a tuple in the database.
pub async fn fetch_by_key<E, C, K>(
    db: &DatabaseConnection,
    select: Select<E>,
    key: C,
    page: KeysetRequest<K>,
) -> AppResult<Page<E::Model>>
where
    E: EntityTrait,
    E::Model: FromQueryResult + Send + Sync,
    C: IntoIdentity,
    K: IntoValueTuple,
{
    let total_count = select.clone().count(db).await?;
    let mut cursor = select.cursor_by(key);
    if let Some(after) = page.after {
        cursor.after(after);
    }
    let mut items = cursor.first(page.first + 1).all(db).await?;
    let has_next_page = items.len() as u64 > page.first;
    items.truncate(page.first as usize);
    Ok(Page {
        items,
        has_next_page,
        total_count,
    })
}
