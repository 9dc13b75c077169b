//! The `shopops` command line.

use std::io::BufRead;

use anyhow::{Context as _, bail};
use base64::Engine;
use clap::{ArgAction, Args, Parser, Subcommand};
use migration::{Migrator, MigratorTrait};
use rand::RngCore;

use crate::app::{Application, shutdown_signal};
use crate::config::{Limits, Settings};
use crate::{db, demo, graphql, staff};

#[derive(Debug, Parser)]
#[command(
    name = "shopops",
    version,
    about = "GraphQL API for an online shop's team: daily KPIs, tasks, month-end bonuses"
)]
pub struct Cli {
    /// Database URL: `sqlite://FILE?mode=rwc` or `postgres://USER@HOST/DB`.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://shopops.db?mode=rwc",
        global = true
    )]
    pub database_url: String,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Apply pending migrations, then serve HTTP until SIGINT/SIGTERM.
    Serve(ServeArgs),
    /// Apply pending migrations (or, with --status, list them).
    Migrate {
        #[arg(long)]
        status: bool,
    },
    /// Print the GraphQL SDL.
    Schema,
    /// Create an admin account (password from --password or the first line of stdin).
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        password: Option<String>,
    },
    /// Generate a team of N people with products, for benchmarks (password: shopops-demo).
    SeedDemo {
        #[arg(long, default_value_t = 50)]
        staff: usize,
        /// Days of daily history to generate; daily data arrives with the ingestion tables.
        #[arg(long, default_value_t = 90)]
        days: u32,
    },
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Load a demo team first if the database is empty, and print its logins.
    #[arg(long)]
    demo: bool,
    #[arg(long, env = "SHOPOPS_BIND", default_value = "127.0.0.1:8000")]
    bind: std::net::SocketAddr,
    /// HS256 key for session tokens, at least 32 bytes. Required unless --demo.
    #[arg(long, env = "JWT_SECRET", hide_env_values = true)]
    jwt_secret: Option<String>,
    /// Serve GraphiQL on GET /graphql.
    #[arg(long, env = "SHOPOPS_GRAPHIQL", default_value_t = true, action = ArgAction::Set)]
    graphiql: bool,
    /// Answer introspection queries.
    #[arg(long, env = "SHOPOPS_INTROSPECTION", default_value_t = true, action = ArgAction::Set)]
    introspection: bool,
    #[command(flatten)]
    limits: Limits,
}

const MIN_SECRET_BYTES: usize = 32;

fn jwt_secret(given: Option<String>, demo: bool) -> anyhow::Result<String> {
    match given {
        Some(s) if s.len() >= MIN_SECRET_BYTES => Ok(s),
        Some(_) => bail!("JWT_SECRET must be at least {MIN_SECRET_BYTES} bytes"),
        None if demo => {
            let mut bytes = [0u8; 32];
            rand::rng().fill_bytes(&mut bytes);
            tracing::warn!("no JWT_SECRET: using a random one; tokens will not survive a restart");
            Ok(base64::engine::general_purpose::STANDARD.encode(bytes))
        }
        None => bail!("JWT_SECRET is required (or run with --demo)"),
    }
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    if let Command::Schema = cli.command {
        print!("{}", graphql::sdl());
        return Ok(());
    }
    let db = db::connect(&cli.database_url)
        .await
        .context("connecting to the database")?;
    match cli.command {
        Command::Schema => unreachable!("handled above"),
        Command::Migrate { status: true } => {
            for m in Migrator::get_migration_with_status(&db).await? {
                println!("{}\t{}", m.name(), m.status());
            }
        }
        Command::Migrate { status: false } => {
            db::migrate(&db).await?;
            println!("migrations applied");
        }
        Command::CreateAdmin {
            email,
            name,
            password,
        } => {
            db::migrate(&db).await?;
            let password = match password {
                Some(p) => p,
                None => read_password()?,
            };
            let admin = staff::create_admin(&db, &email, &name, password).await?;
            println!("created admin {} (id {})", admin.email, admin.id);
        }
        Command::SeedDemo { staff, days } => {
            db::migrate(&db).await?;
            let seeded = demo::seed_generated(&db, staff).await?;
            println!(
                "seeded team {} with {} people (password {}); {days} days of daily history requested",
                seeded.team_id,
                seeded.logins.len(),
                demo::DEMO_PASSWORD
            );
            if let Some((email, _, _)) = seeded.logins.first() {
                println!("manager login: {email}");
            }
        }
        Command::Serve(args) => serve(db, args).await?,
    }
    Ok(())
}

fn read_password() -> anyhow::Result<String> {
    eprintln!("password (one line on stdin):");
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

async fn serve(db: sea_orm::DatabaseConnection, args: ServeArgs) -> anyhow::Result<()> {
    let settings = Settings {
        bind: args.bind,
        jwt_secret: jwt_secret(args.jwt_secret, args.demo)?,
        graphiql: args.graphiql,
        introspection: args.introspection,
        limits: args.limits,
    };
    db::migrate(&db).await.context("applying migrations")?;
    if args.demo {
        match demo::load_demo(&db).await? {
            Some(seeded) => {
                println!(
                    "demo team {} loaded; every login's password is {}",
                    seeded.team_id,
                    demo::DEMO_PASSWORD
                );
                for (email, access, role) in &seeded.logins {
                    let role = role.map(|r| format!("{r:?}")).unwrap_or_default();
                    println!("  {email:<28} {access:?} {role}");
                }
            }
            None => println!(
                "database already has data; demo admin (if loaded earlier): {} / {}",
                demo::DEMO_ADMIN_EMAIL,
                demo::DEMO_PASSWORD
            ),
        }
    }
    let app = Application::build(&settings, db).await?;
    let addr = app.local_addr()?;
    println!("shopops listening on http://{addr}/graphql");
    app.run_until(shutdown_signal()).await?;
    Ok(())
}
