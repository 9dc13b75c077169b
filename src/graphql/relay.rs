//! Relay connections: validated `first`/`after` arguments in, pages out as connections with
//! opaque cursors and a total count.

use async_graphql::SimpleObject;
use async_graphql::connection::{Connection, CursorType, Edge, OpaqueCursor};
use serde::{Serialize, de::DeserializeOwned};

use crate::error::{AppError, AppResult};
use crate::pagination::{KeysetRequest, Page, PageRequest};

#[derive(SimpleObject)]
pub struct ConnectionFields {
    /// How many items match the filter, over all pages.
    pub total_count: u64,
}

pub type IdConnection<N> = KeyConnection<i64, N>;

/// A connection whose opaque cursors carry a row's sort key (its id, or a tuple such as
/// competitor, item and date).
pub type KeyConnection<K, N> = Connection<OpaqueCursor<K>, N, ConnectionFields>;

/// The key an opaque `after` cursor carries; anything else is bad input naming `after`.
fn decode_after<K: Serialize + DeserializeOwned>(after: Option<String>) -> AppResult<Option<K>> {
    after
        .map(|c| {
            OpaqueCursor::<K>::decode_cursor(&c)
                .map(|c| c.0)
                .map_err(|_| AppError::invalid("after", "not a cursor from this API"))
        })
        .transpose()
}

/// Validates Relay arguments (`first` 1..=100, an opaque `after` cursor).
pub fn page_request(first: i32, after: Option<String>) -> AppResult<PageRequest> {
    PageRequest::new(first, decode_after(after)?)
}

/// Validates Relay arguments of a list ordered by the key `K` (`first` 1..=100, an opaque
/// `after` cursor from the same list).
pub fn keyset_request<K: Serialize + DeserializeOwned>(
    first: i32,
    after: Option<String>,
) -> AppResult<KeysetRequest<K>> {
    KeysetRequest::new(first, decode_after(after)?)
}

pub fn connection<M, N>(
    page: Page<M>,
    after_given: bool,
    id: impl Fn(&M) -> i64,
    node: impl Fn(M) -> N,
) -> IdConnection<N>
where
    N: async_graphql::OutputType,
{
    key_connection(page, after_given, id, node)
}

/// A page as a connection whose edges' cursors are `key` of their rows.
pub fn key_connection<M, N, K>(
    page: Page<M>,
    after_given: bool,
    key: impl Fn(&M) -> K,
    node: impl Fn(M) -> N,
) -> KeyConnection<K, N>
where
    N: async_graphql::OutputType,
    K: Serialize + DeserializeOwned + Send + Sync,
{
    let mut conn = Connection::with_additional_fields(
        after_given,
        page.has_next_page,
        ConnectionFields {
            total_count: page.total_count,
        },
    );
    conn.edges.extend(
        page.items
            .into_iter()
            .map(|m| Edge::new(OpaqueCursor(key(&m)), node(m))),
    );
    conn
}

pub type OffsetConnection<N> = Connection<OpaqueCursor<usize>, N, ConnectionFields>;

/// A page of a list that is computed whole and ordered by the server (rankings, reports): the
/// cursor is a position in it.
pub fn offset_page<N: async_graphql::OutputType>(
    items: Vec<N>,
    first: i32,
    after: Option<String>,
) -> AppResult<OffsetConnection<N>> {
    let first = PageRequest::new(first, None)?.first as usize;
    let start = decode_after::<usize>(after)?.map_or(0, |i| i + 1);
    let total = items.len();
    let mut conn = Connection::with_additional_fields(
        start > 0,
        start + first < total,
        ConnectionFields {
            total_count: total as u64,
        },
    );
    conn.edges.extend(
        items
            .into_iter()
            .enumerate()
            .skip(start)
            .take(first)
            .map(|(i, n)| Edge::new(OpaqueCursor(i), n)),
    );
    Ok(conn)
}
