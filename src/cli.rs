//! The `shopops` command line.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use base64::Engine;
use clap::builder::TypedValueParser;
use clap::{ArgAction, Args, Parser, Subcommand};
use migration::{Migrator, MigratorTrait};
use rand::RngCore;
use sea_orm::ActiveEnum;

use crate::app::{Application, shutdown_signal};
use crate::config::{AuthSettings, Limits, Settings};
use crate::entities::ImportVia;
use crate::error::AppError;
use crate::files::FileImport;
use crate::services::auth::{Actor, Hasher};
use crate::validate::MAX_LISTED;
use crate::{
    db, demo, files, graphql,
    services::{bonus, closing, diagnosis, ingest, months, staff, teams},
};

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
        default_value = "sqlite://shopops.db",
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
    /// Generate a team of N people with products and D days of daily data up to yesterday (every
    /// kind, plus monthly targets; yesterday has planted problems), for benchmarks and trials.
    /// The same arguments give the same figures. Password: shopops-demo.
    SeedDemo {
        #[arg(long, default_value_t = 50)]
        staff: usize,
        /// Days of daily history to generate, ending yesterday in the team's time zone.
        #[arg(long, default_value_t = 90)]
        days: u32,
    },
    /// Import an export of daily data (CSV or Excel) into a team: every row or, if any is
    /// wrong, none (each problem is listed on stderr by file line). Rows whose key exists are
    /// overwritten.
    Import {
        #[arg(value_parser = kind_parser())]
        kind: ingest::Kind,
        /// The team (shop) id the data belongs to.
        #[arg(long)]
        team: i64,
        /// Check everything and say what would be inserted and updated, writing nothing.
        #[arg(long)]
        dry_run: bool,
        /// The sheet of an Excel workbook to read (default: the first).
        #[arg(long)]
        sheet: Option<String>,
        /// A value for a column the file lacks, as if every row had it (repeatable): an ad
        /// report names no owner (`--default owner=阿明`), a 淘宝客 report no channel
        /// (`--default channel=TAOBAOKE`). A column the file has is read from the file.
        #[arg(long = "default", value_name = "COLUMN=VALUE", value_parser = column_value)]
        defaults: Vec<(String, String)>,
        /// An export: CSV (UTF-8, GBK or UTF-16; comma, tab or semicolon) or an Excel workbook
        /// (.xlsx, .xls), told by its content; English or Chinese headers, title lines above
        /// them allowed. `-` reads stdin.
        file: PathBuf,
    },
    /// Run (or re-run) the morning diagnosis of a team's day and print its findings.
    Diagnose {
        #[arg(long)]
        team: i64,
        /// The day to diagnose (default: yesterday in the team's time zone).
        #[arg(long)]
        date: Option<chrono::NaiveDate>,
    },
    /// Compute a team's bonus run of a month (a draft while the month is open), or with
    /// --finalize compute the final one and lock the month; print the payouts or write the
    /// payroll CSV. A finalized month is read as stored.
    Bonus {
        #[arg(long)]
        team: i64,
        /// The month, e.g. 2026-10.
        #[arg(long, value_parser = parse_month)]
        month: crate::period::Month,
        /// Finalize the month (the team's reviews and bonus run become final; its data locks).
        #[arg(long)]
        finalize: bool,
        /// With --finalize: allow it before the 4th day after the month's end.
        #[arg(long = "override", requires = "finalize")]
        override_early: bool,
        /// Write the payroll CSV here (`-` for stdout) instead of printing the payouts.
        #[arg(long)]
        csv: Option<PathBuf>,
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
    /// Origins whose pages may call the API (CORS), comma-separated, each `scheme://host[:port]`
    /// (e.g. `https://dash.example.com`). None by default: the app is served from this origin.
    #[arg(long, env = "SHOPOPS_CORS_ORIGINS", value_delimiter = ',', value_parser = crate::config::parse_origin)]
    cors_origins: Vec<String>,
    /// Serve Prometheus metrics at /metrics on this address (e.g. 127.0.0.1:9464), a listener of
    /// its own, apart from the API's. Off by default.
    #[arg(long, env = "SHOPOPS_METRICS_BIND")]
    metrics_bind: Option<std::net::SocketAddr>,
    #[command(flatten)]
    limits: Limits,
    #[command(flatten)]
    auth: AuthSettings,
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

/// An error and its causes on one line, each said once: a cause whose text its outer error
/// already carries (sea-orm's errors repeat their source's) is left out.
pub fn describe(error: &anyhow::Error) -> String {
    let mut said: Vec<String> = Vec::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if !said.iter().any(|s| s.contains(&text)) {
            said.push(text);
        }
    }
    said.join(": ")
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    if let Command::Schema = cli.command {
        print!("{}", graphql::schema::sdl());
        return Ok(());
    }
    let db = db::connect(&cli.database_url).await?;
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
            let admin =
                staff::create_admin(&db, Hasher::offline(), &email, &name, password).await?;
            println!("created admin {} (id {})", admin.email, admin.id);
        }
        Command::SeedDemo { staff, days } => {
            db::migrate(&db).await?;
            let seeded = demo::seed_generated_with_history(&db, staff, days).await?;
            println!(
                "seeded team {} with {} people (password {})",
                seeded.team_id,
                seeded.logins.len(),
                demo::DEMO_PASSWORD
            );
            if let Some((email, _, _)) = seeded.logins.first() {
                println!("manager login: {email}");
            }
            print_history(&seeded.history);
        }
        Command::Import {
            kind,
            team,
            dry_run,
            sheet,
            defaults,
            file,
        } => {
            let how = FileImport {
                kind,
                name: file.file_name().and_then(|n| n.to_str()).unwrap_or("stdin"),
                sheet: sheet.as_deref(),
                defaults: &defaults,
                via: ImportVia::Cli,
                dry_run,
                preview: 0,
            };
            import(&db, team, &how, &file).await?
        }
        Command::Diagnose { team, date } => diagnose(&db, team, date).await?,
        Command::Bonus {
            team,
            month,
            finalize,
            override_early,
            csv,
        } => bonus_run(&db, team, month, finalize, override_early, csv.as_deref()).await?,
        Command::Serve(args) => serve(db, args).await?,
    }
    Ok(())
}

/// The kinds by name (`shop-days`), listed in `--help`.
fn kind_parser() -> impl clap::builder::TypedValueParser<Value = ingest::Kind> {
    clap::builder::PossibleValuesParser::new(ingest::Kind::all().map(ingest::Kind::name))
        .map(|name: String| ingest::Kind::from_name(&name).expect("a listed name"))
}

/// `owner=阿明` as a column and its value.
fn column_value(arg: &str) -> Result<(String, String), String> {
    let (column, value) = arg
        .split_once('=')
        .ok_or_else(|| format!("{arg:?} is not COLUMN=VALUE"))?;
    Ok((column.trim().to_owned(), value.to_owned()))
}

/// Prints `agent-days: 120 inserted, 30 updated`; a rejected file lists every problem on stderr,
/// one per line (`line 7: paidBuyers: 9 exceeds orderedBuyers (3)`), and fails.
async fn import(
    db: &sea_orm::DatabaseConnection,
    team: i64,
    how: &FileImport<'_>,
    file: &Path,
) -> anyhow::Result<()> {
    db::migrate(db).await?;
    let (name, dry_run) = (how.kind.name(), how.dry_run);
    let shown = file.display().to_string();
    let input = if file == Path::new("-") {
        // A workbook is read by seeking in it: stdin is spooled to a temporary file first.
        let mut spool = tempfile::tempfile().context("creating a temporary file for stdin")?;
        std::io::copy(&mut std::io::stdin().lock(), &mut spool).context("reading stdin")?;
        spool
    } else {
        std::fs::File::open(file).with_context(|| format!("opening {shown}"))?
    };
    let imported = files::import_file(db, &Actor::operator(), team, input, how).await;
    match imported {
        Ok(imported) => {
            let (inserted, updated) = (
                imported.report.outcome.inserted,
                imported.report.outcome.updated,
            );
            if dry_run {
                println!(
                    "{name}: {inserted} would be inserted, {updated} updated (a dry run: nothing \
                     was written)"
                );
            } else {
                println!("{name}: {inserted} inserted, {updated} updated");
            }
            let layout = &imported.layout;
            match &layout.format {
                files::Format::Csv {
                    encoding,
                    delimiter,
                } => {
                    let delimiter = match delimiter {
                        '\t' => "tab".to_owned(),
                        c => format!("{c:?}"),
                    };
                    eprintln!(
                        "read as {encoding}, cells separated by {delimiter}, the header on line {}",
                        layout.header_line
                    );
                }
                format => eprintln!(
                    "read as {}, sheet {:?}, the header on row {}",
                    format.name(),
                    format.sheet().unwrap_or_default(),
                    layout.header_line
                ),
            }
            for warning in &imported.warnings.listed {
                eprintln!("warning: {warning}");
            }
            if let Some(before) = &imported.report.previous {
                eprintln!(
                    "note: the same file was imported before, on {} (import {})",
                    before.at.format("%Y-%m-%d %H:%M UTC"),
                    before.id
                );
            }
            Ok(())
        }
        Err(AppError::Invalid(problems)) => {
            for p in &problems {
                match p.row {
                    Some(line) => eprintln!("line {line}: {}: {}", p.field, p.message),
                    None => eprintln!("{}: {}", p.field, p.message),
                }
            }
            let count = if problems.len() > MAX_LISTED {
                format!("more than {MAX_LISTED} problems")
            } else {
                format!("{} problem(s)", problems.len())
            };
            bail!("{name}: {count} in {shown}; nothing was imported")
        }
        Err(other) => Err(other.into()),
    }
}

/// Prints one line per finding (`HIGH BOUNCE_HIGH bounce rate ... → DESIGNER`), then the rules
/// skipped.
async fn diagnose(
    db: &sea_orm::DatabaseConnection,
    team_id: i64,
    date: Option<chrono::NaiveDate>,
) -> anyhow::Result<()> {
    db::migrate(db).await?;
    let team = teams::get_active(db, team_id).await?;
    let now = chrono::Utc::now();
    let date = date.unwrap_or_else(|| teams::yesterday(&team, now));
    let (diagnosis, findings) =
        diagnosis::run(db, &Actor::operator(), team.id, Some(date), now).await?;
    println!(
        "diagnosis {} of team {} for {date}: {} finding(s)",
        diagnosis.id,
        team.id,
        findings.len()
    );
    for f in &findings {
        println!(
            "  {} {}: {} → {}{}",
            f.severity.to_value(),
            f.code.to_value(),
            f.message,
            f.owner_role.to_value(),
            f.owner_staff_id
                .map(|id| format!(" (staff {id})"))
                .unwrap_or_default()
        );
    }
    for s in diagnosis::skipped(&diagnosis)? {
        println!("  skipped {}: {}", s.code.to_value(), s.reason);
    }
    Ok(())
}

fn parse_month(s: &str) -> Result<crate::period::Month, String> {
    s.parse()
        .map_err(|_| format!("{s:?} is not a month; write YYYY-MM, e.g. 2026-10"))
}

/// Computes (or finalizes, or reads a finalized) run and prints one line per payout, or writes
/// the payroll CSV.
async fn bonus_run(
    db: &sea_orm::DatabaseConnection,
    team_id: i64,
    month: crate::period::Month,
    finalize: bool,
    override_early: bool,
    csv: Option<&Path>,
) -> anyhow::Result<()> {
    use crate::entities::MonthStatus;
    db::migrate(db).await?;
    let operator = Actor::operator();
    let now = chrono::Utc::now();
    if finalize {
        closing::finalize(db, &operator, team_id, month, override_early, now).await?;
        println!("{month} of team {team_id} is finalized");
    } else if months::status(db, team_id, month).await? == MonthStatus::Open {
        bonus::recompute(db, &operator, team_id, month, now).await?;
    } else {
        println!("{month} of team {team_id} is finalized: the stored run");
    }
    let run = bonus::get_run(db, &operator, team_id, month)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no bonus run of {month}"))?;
    let status = match run.status {
        MonthStatus::Open => "DRAFT",
        MonthStatus::Finalized => "FINALIZED",
    };
    let total = crate::money::from_fen(bonus::visible_total_fen(db, &operator, &run.run).await?);
    let payroll = files::payroll::csv(&bonus::payroll::sheet(db, &operator, team_id, month).await?);
    let people = payroll.lines().count().saturating_sub(1);
    println!("bonus run of {month}, team {team_id} ({status}): {people} payouts, total {total}");
    match csv {
        Some(path) if path == Path::new("-") => print!("{payroll}"),
        Some(path) => {
            std::fs::write(path, &payroll)
                .with_context(|| format!("writing {}", path.display()))?;
            println!("payroll written to {}", path.display());
        }
        None => {
            let mut rows = ::csv::Reader::from_reader(payroll.as_bytes());
            for row in rows.records() {
                let row = row?;
                let field = |i: usize| row.get(i).unwrap_or_default();
                println!(
                    "  {:>6} {:<28} {:<16} score {:<6} grade {:<1} total {}",
                    field(0),
                    field(1),
                    field(2),
                    field(3),
                    field(4),
                    row.iter().next_back().unwrap_or_default()
                );
            }
        }
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
        cors_origins: args.cors_origins,
        metrics_bind: args.metrics_bind,
        limits: args.limits,
        auth: args.auth,
        clock: Default::default(),
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
                print_history(&seeded.history);
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
    println!("the web app: http://{addr}/");
    if let Some(metrics) = app.metrics_addr() {
        println!("metrics: http://{metrics}/metrics");
    }
    app.run_until(shutdown_signal()).await?;
    Ok(())
}

fn print_history(history: &demo::history::History) {
    match history.span {
        Some((first, last)) => {
            let days = (last - first).num_days() + 1;
            println!(
                "{days} days of history, {first} to {last}: {} rows",
                history.rows.total()
            );
            println!("  {}", history.rows);
            println!("planted on {last}:");
            for problem in &history.planted {
                println!("  {problem}");
            }
        }
        None => println!("no daily history (--days 0)"),
    }
}
