//! The API layer: GraphQL types and resolvers, one file per domain, which convert arguments,
//! call a service and convert its answer; the schema is assembled in [`schema`]. The shared
//! pieces are the request [`context`], the [`id`] and other [`scalars`], how [`errors`] reach
//! a client, [`relay`] connections, batched [`loaders`], the [`depth`] and [`cost`] limits and
//! the [`guards`] that apply them (and catch panics).

pub mod audit;
pub mod auth;
pub mod bonus;
pub mod closing;
pub mod competitors;
pub mod context;
pub mod cost;
pub mod depth;
pub mod design;
pub mod diagnosis;
pub mod enums;
pub mod errors;
pub mod events;
mod guards;
pub mod id;
pub mod imports;
pub mod ingest;
pub mod kpi;
pub mod loaders;
pub mod metrics;
pub mod products;
pub mod relay;
pub mod reviews;
pub mod scalars;
pub mod schema;
pub mod staff;
pub mod targets;
pub mod tasks;
pub mod teams;
