//! Integration tests: the real axum app on an ephemeral loopback port, a fresh database per test
//! (SQLite, or PostgreSQL when TEST_DATABASE_URL is set), real HTTP GraphQL requests.

mod fixtures;
mod helpers;

mod auth;
mod bonus;
mod cli;
mod closing;
mod daily_loop;
mod demo;
mod deploy;
mod descriptions;
mod diagnosis;
mod exact;
mod hardening_cost;
mod hardening_data;
mod hardening_faults;
mod hardening_input;
mod hardening_login;
mod hardening_ws;
mod http;
mod import_csv;
mod import_sheet;
mod ingest;
mod limits;
mod metrics;
mod migrations;
mod mutations;
mod paid_counts;
mod products;
mod prometheus;
mod readback;
mod readme;
mod request_log;
mod reviews;
mod samples;
mod staff;
mod subscriptions;
mod targets;
mod tasks;
mod teams;
mod upload;
mod web;
mod ws;
