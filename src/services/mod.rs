//! The domain services. Each takes its caller (database, actor, clock) and enforces DOMAIN §9
//! itself, whoever calls it: a resolver, the WebSocket, the command line or scheduled work.
//! Nothing here knows GraphQL, the command line or a file format.

pub mod audit;
pub mod auth;
pub mod bonus;
pub mod catalogue;
pub mod closing;
pub mod competitors;
pub mod design;
pub mod diagnosis;
pub mod events;
pub mod ingest;
pub mod kpi;
pub mod metrics;
pub mod months;
pub mod products;
pub mod reviews;
pub mod staff;
pub mod targets;
pub mod tasks;
pub mod teams;
