//! shopops: the GraphQL API behind an online shop team's day — yesterday's numbers in the
//! morning, tasks in the afternoon, KPI scores and bonuses at month end.
//!
//! Layers, each using only those below it (README, "Architecture"; `tests/architecture.rs`
//! keeps the module graph free of cycles):
//! - entry points: [`app`] (HTTP and WebSocket), [`cli`], [`demo`];
//! - [`graphql`]: the API's types and resolvers, which convert and delegate;
//! - [`services`]: the domain — every rule of DOMAIN.md and every access check of its §9;
//! - storage: [`entities`] (tables) and [`db`] (connections, migrations, transactions);
//! - foundation: [`error`], [`money`], [`period`], [`clock`], [`validate`], [`pagination`],
//!   [`config`].

pub mod app;
pub mod cli;
pub mod clock;
pub mod config;
pub mod db;
pub mod demo;
pub mod entities;
pub mod error;
pub mod files;
pub mod graphql;
pub mod money;
pub mod pagination;
pub mod period;
pub mod services;
pub mod validate;
