#![recursion_limit = "256"]

use std::io::IsTerminal as _;

use clap::Parser;
use tracing_subscriber::EnvFilter;

/// A GraphQL answer is many small allocations (every value, name and path of the response
/// tree) made on one thread and freed on another; glibc's malloc spent a quarter of the server's
/// time on them under load, mimalloc's per-thread free lists a fraction of that.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm_migration=warn"));
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // Colour codes only for a person's terminal, never in a file or a journal.
        .with_ansi(std::io::stderr().is_terminal());
    match std::env::var("SHOPOPS_LOG_FORMAT").as_deref() {
        Ok("json") => logs.json().flatten_event(true).init(),
        Ok("text") | Err(_) => logs.init(),
        Ok(other) => {
            logs.init();
            tracing::warn!(
                "SHOPOPS_LOG_FORMAT={other:?} is neither \"text\" nor \"json\": text it is"
            );
        }
    }
    if let Err(error) = shopops::cli::run(shopops::cli::Cli::parse()).await {
        eprintln!("error: {}", shopops::cli::describe(&error));
        std::process::exit(1);
    }
}
