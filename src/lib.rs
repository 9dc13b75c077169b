//! shopops: the GraphQL API behind an online shop team's day — yesterday's numbers in the
//! morning, tasks in the afternoon, KPI scores and bonuses at month end.

pub mod app;
pub mod audit;
pub mod auth;
pub mod bonus;
pub mod cli;
pub mod clock;
pub mod closing;
pub mod competitors;
pub mod config;
pub mod db;
pub mod demo;
pub mod design;
pub mod diagnosis;
pub mod entities;
pub mod error;
pub mod events;
pub mod graphql;
pub mod ingest;
pub mod kpi;
pub mod metrics;
pub mod money;
pub mod pagination;
pub mod period;
pub mod products;
pub mod reviews;
pub mod staff;
pub mod targets;
pub mod tasks;
pub mod teams;
pub mod validate;
