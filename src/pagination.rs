//! Keyset pagination over ascending ids: stable under inserts, and a database `LIMIT`, never an
//! in-memory slice.

use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
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
    let total_count = select.clone().count(db).await?;
    let mut query = select;
    if let Some(after) = page.after {
        query = query.filter(id.gt(after));
    }
    let mut items = query.order_by_asc(id).limit(page.first + 1).all(db).await?;
    let has_next_page = items.len() as u64 > page.first;
    items.truncate(page.first as usize);
    Ok(Page {
        items,
        has_next_page,
        total_count,
    })
}
