//! Relay connections: validated `first`/`after` arguments in, pages out as connections with
//! opaque cursors and a total count.

use std::borrow::Cow;

use async_graphql::connection::{CursorType, Edge, EmptyFields, OpaqueCursor, PageInfo};
use async_graphql::{Object, OutputType, TypeName};
use serde::{Serialize, de::DeserializeOwned};

use crate::error::{AppError, AppResult};
use crate::pagination::{KeysetRequest, Page, PageRequest};

/// A connection as async-graphql's, with a description of its own and a total count (named
/// `<Node>Connection`, its edges `<Node>Edge`).
pub struct Connection<C: CursorType + Send + Sync, N: OutputType> {
    edges: Vec<Edge<C, N, EmptyFields>>,
    has_previous_page: bool,
    has_next_page: bool,
    total_count: u64,
}

/// One page of a list, in the list's order: its items with their cursors, where the page
/// stands, and how many items the whole list has.
#[Object(name_type)]
impl<C: CursorType + Send + Sync, N: OutputType> Connection<C, N> {
    /// Information to aid in pagination.
    async fn page_info(&self) -> PageInfo {
        PageInfo {
            has_previous_page: self.has_previous_page,
            has_next_page: self.has_next_page,
            start_cursor: self.edges.first().map(|e| e.cursor.encode_cursor()),
            end_cursor: self.edges.last().map(|e| e.cursor.encode_cursor()),
        }
    }

    /// A list of edges.
    async fn edges(&self) -> &[Edge<C, N, EmptyFields>] {
        &self.edges
    }

    /// A list of nodes.
    async fn nodes(&self) -> Vec<&N> {
        self.edges.iter().map(|e| &e.node).collect()
    }

    /// How many items match the filter, over all pages.
    async fn total_count(&self) -> u64 {
        self.total_count
    }
}

impl<C: CursorType + Send + Sync, N: OutputType> TypeName for Connection<C, N> {
    fn type_name() -> Cow<'static, str> {
        format!("{}Connection", N::type_name()).into()
    }
}

pub type IdConnection<N> = KeyConnection<i64, N>;

/// A connection whose opaque cursors carry a row's sort key (its id, or a tuple such as
/// competitor, item and date).
pub type KeyConnection<K, N> = Connection<OpaqueCursor<K>, N>;

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
    N: OutputType,
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
    N: OutputType,
    K: Serialize + DeserializeOwned + Send + Sync,
{
    Connection {
        edges: page
            .items
            .into_iter()
            .map(|m| Edge::new(OpaqueCursor(key(&m)), node(m)))
            .collect(),
        has_previous_page: after_given,
        has_next_page: page.has_next_page,
        total_count: page.total_count,
    }
}

pub type OffsetConnection<N> = Connection<OpaqueCursor<usize>, N>;

/// A page of a list that is computed whole and ordered by the server (rankings, reports): the
/// cursor is a position in it.
pub fn offset_page<N: OutputType>(
    items: Vec<N>,
    first: i32,
    after: Option<String>,
) -> AppResult<OffsetConnection<N>> {
    let first = PageRequest::new(first, None)?.first as usize;
    let start = decode_after::<usize>(after)?.map_or(0, |i| i + 1);
    let total = items.len();
    Ok(Connection {
        edges: items
            .into_iter()
            .enumerate()
            .skip(start)
            .take(first)
            .map(|(i, n)| Edge::new(OpaqueCursor(i), n))
            .collect(),
        has_previous_page: start > 0,
        has_next_page: start + first < total,
        total_count: total as u64,
    })
}
