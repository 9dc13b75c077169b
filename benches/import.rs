//! Import throughput next to the database's own bulk path: 100,000 agent-day rows (a 200-agent
//! team × 500 days, Chinese 赤兔 headers, agents named by chat alias), as a GBK CSV and as an
//! `.xlsx`, imported by the `shopops import agent-days` command first as inserts, then again as
//! overwrites; beside each, the same rows written the database's fastest way, in the same run.
//!
//!     cargo bench --bench import
//!     BENCH_DATABASE_URL=postgres://postgres@127.0.0.1/shopops_bench cargo bench --bench import
//!
//! (the PostgreSQL database is dropped and created afresh for each run; with `BENCH_KEEP=1` the
//! files and the SQLite database are kept and named, for profiling one import by hand).
//!
//! - **The baseline** writes into `bench_agent_day`, a copy of `agent_day` made from the
//!   database's own definition of it (columns, types, checks, the unique key, the indexes and
//!   the foreign keys), the rows given as typed values with the people already resolved, so it
//!   does none of what an import does besides writing. Inserts: PostgreSQL `COPY ... FROM STDIN`
//!   (in-process, sqlx's `copy_in_raw`); SQLite one transaction of one prepared `INSERT` run per
//!   row, through rusqlite, i.e. the C API: sqlx's SQLite driver hops to a worker thread for
//!   each statement, which is no cost of SQLite's. Overwrites, every key stored: `COPY` into a
//!   temporary table then one `INSERT ... SELECT ... ON CONFLICT DO UPDATE`; on SQLite the
//!   prepared statement with `ON CONFLICT DO UPDATE`.
//! - **shopops** runs as the CLI would be run, a child process (`target/release/shopops`) on a
//!   file on disk: its rows/s is over the process' whole life (start, connecting, the check of
//!   migrations included), and its peak memory is the child's peak RSS (`ru_maxrss` of `wait4`).
//!   Between formats `agent_day` is emptied, so that each insert pass inserts every row.
//! - **×base** is shopops' rows/s over the baseline's of the same pass.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use chrono::{Duration, NaiveDate, SecondsFormat, Utc};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseConnection, EntityTrait, QueryFilter,
};
use shopops::entities::staff_alias;
use shopops::{db, demo};

mod common;

const AGENTS: usize = 200;
const DAYS: i64 = 500;
const ROWS: usize = AGENTS * DAYS as usize;
/// Each line is the best of this many runs.
const RUNS: usize = 3;
const PASSES: [&str; 2] = ["insert", "overwrite"];

/// The CSV header; the xlsx has the same.
const HEADER: [&str; 12] = [
    "日期",
    "客服",
    "接待人数",
    "询单人数",
    "询单→下单人数",
    "询单→最终付款人数",
    "客服销售额",
    "首次响应总时长",
    "首次响应次数",
    "响应总时长",
    "响应次数",
    "未回复人数",
];

/// `agent_day`'s columns but its id, as the baseline writes them.
const COLUMNS: &str = "team_id, staff_id, date, received, inquiries, ordered_buyers, paid_buyers, \
     sales_amount_fen, sales_units, first_response_seconds_sum, first_response_count, \
     response_seconds_sum, response_count, buyer_messages, agent_messages, unreplied, \
     rated_good, rated_bad, updated_at";

/// One agent's day: the figures the file gives, from which every column follows.
struct Day {
    agent: usize,
    date: NaiveDate,
    inquiries: i64,
    /// The sales amount's yuan above 1,000 (the amount is 1,0xx.50).
    sales: i64,
}

impl Day {
    fn received(&self) -> i64 {
        self.inquiries + 10
    }

    /// The stored counts, from `received` to `rated_bad` in column order.
    fn counts(&self) -> [i64; 15] {
        let n = self.inquiries;
        let amount_fen = (1000 + self.sales) * 100 + 50;
        let unreplied = (self.agent % 3) as i64;
        [
            self.received(),
            n,
            n / 2,
            n / 3,
            amount_fen,
            0,
            n * 18,
            n,
            n * 70,
            n * 2,
            0,
            0,
            unreplied,
            0,
            0,
        ]
    }
}

fn days() -> Vec<Day> {
    let last = Utc::now().date_naive() - Duration::days(2);
    let mut days = Vec::with_capacity(ROWS);
    for d in 0..DAYS {
        for agent in 0..AGENTS {
            days.push(Day {
                agent,
                date: last - Duration::days(d),
                inquiries: 20 + (agent as i64 + d) % 40,
                sales: (agent as i64 * 7 + d) % 1000,
            });
        }
    }
    days
}

/// The rows as a 赤兔 export saved by Excel on a Chinese Windows: GBK, amounts as "1,234.50",
/// a summary line at the end.
fn gbk_csv(days: &[Day], aliases: &[String]) -> Vec<u8> {
    let mut file = HEADER.join(",");
    file.push('\n');
    for day in days {
        let c = day.counts();
        writeln!(
            file,
            "{},{},{},{},{},{},\"1,{:03}.50\",{},{},{},{},{}",
            day.date,
            aliases[day.agent],
            c[0],
            c[1],
            c[2],
            c[3],
            day.sales,
            c[6],
            c[7],
            c[8],
            c[9],
            c[12]
        )
        .unwrap();
    }
    file.push_str("汇总,,,,,,,,,,,\n");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&file);
    assert!(!unmappable);
    gbk.into_owned()
}

/// The rows as a workbook saved by Excel: days as date cells, figures as number cells.
fn xlsx(days: &[Day], aliases: &[String]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let day_format = Format::new().set_num_format("yyyy-mm-dd");
    for (c, name) in HEADER.iter().enumerate() {
        sheet.write_string(0, c as u16, *name).unwrap();
    }
    for (r, day) in days.iter().enumerate() {
        let r = r as u32 + 1;
        let date = day.date.to_string();
        let date = ExcelDateTime::parse_from_str(&date).unwrap();
        sheet
            .write_datetime_with_format(r, 0, &date, &day_format)
            .unwrap();
        sheet.write_string(r, 1, &aliases[day.agent]).unwrap();
        let c = day.counts();
        let amount = 1000.0 + day.sales as f64 + 0.5;
        let figures = [c[0], c[1], c[2], c[3]].map(|n| n as f64);
        for (at, n) in figures.into_iter().chain([amount]).enumerate() {
            sheet.write_number(r, 2 + at as u16, n).unwrap();
        }
        for (at, n) in [c[6], c[7], c[8], c[9], c[12]].into_iter().enumerate() {
            sheet.write_number(r, 7 + at as u16, n as f64).unwrap();
        }
    }
    sheet.write_string(ROWS as u32 + 1, 0, "汇总").unwrap();
    book.save_to_buffer().unwrap()
}

/// The rows as `COPY` text: tab-separated columns in [`COLUMNS`] order.
fn copy_text(days: &[Day], team_id: i64, staff: &[i64]) -> String {
    let now = Utc::now().to_rfc3339_opts(SecondsFormat::Micros, false);
    let mut text = String::new();
    for day in days {
        write!(text, "{team_id}\t{}\t{}", staff[day.agent], day.date).unwrap();
        for n in day.counts() {
            write!(text, "\t{n}").unwrap();
        }
        writeln!(text, "\t{now}").unwrap();
    }
    text
}

/// What the baseline's overwrite sets: every column but the key.
fn set_excluded() -> String {
    COLUMNS
        .split(", ")
        .filter(|c| !["team_id", "staff_id", "date"].contains(c))
        .map(|c| format!("{c} = excluded.{c}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Makes `bench_agent_day`: `agent_day` as the database defines it, under another name.
async fn create_baseline_table(conn: &DatabaseConnection) {
    let backend = conn.get_database_backend();
    let statements: Vec<String> = match backend {
        DatabaseBackend::Postgres => {
            let mut sql =
                vec!["CREATE TABLE bench_agent_day (LIKE agent_day INCLUDING ALL)".to_owned()];
            let keys = conn
                .query_all_raw(common::stmt(
                    backend,
                    "SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint \
                     WHERE conrelid = 'agent_day'::regclass AND contype = 'f'",
                    vec![],
                ))
                .await
                .unwrap();
            for key in keys {
                let def: String = key.try_get("", "def").unwrap();
                sql.push(format!("ALTER TABLE bench_agent_day ADD {def}"));
            }
            sql
        }
        _ => conn
            .query_all_raw(common::stmt(
                backend,
                "SELECT sql FROM sqlite_master WHERE tbl_name = 'agent_day' AND sql IS NOT NULL",
                vec![],
            ))
            .await
            .unwrap()
            .into_iter()
            .map(|r| {
                let sql: String = r.try_get("", "sql").unwrap();
                sql.replace("agent_day", "bench_agent_day")
            })
            .collect(),
    };
    assert!(statements.len() >= 3, "{statements:?}");
    for sql in statements {
        conn.execute_unprepared(&sql).await.unwrap();
    }
}

/// Deletes every row of `table`.
async fn empty(conn: &DatabaseConnection, table: &str) {
    let sql = match conn.get_database_backend() {
        // Without dead rows left behind for the next pass to step over.
        DatabaseBackend::Postgres => format!("TRUNCATE {table}"),
        _ => format!("DELETE FROM {table}"),
    };
    conn.execute_unprepared(&sql).await.unwrap();
}

/// The baseline's insert pass (`overwrite` false) or overwrite pass, in seconds.
async fn baseline(
    conn: &DatabaseConnection,
    sqlite: Option<&Path>,
    rows: &Rows<'_>,
    overwrite: bool,
) -> f64 {
    let started = Instant::now();
    match sqlite {
        Some(path) => sqlite_baseline(path, rows, overwrite),
        None => postgres_baseline(conn, &rows.copy, overwrite).await,
    }
    started.elapsed().as_secs_f64()
}

/// The rows as the baseline takes them.
struct Rows<'a> {
    days: &'a [Day],
    team_id: i64,
    staff: &'a [i64],
    copy: String,
}

fn sqlite_baseline(path: &Path, rows: &Rows<'_>, overwrite: bool) {
    let mut conn = rusqlite::Connection::open(path).unwrap();
    // As sqlx opens it: foreign keys checked; the journal (WAL) is the file's, `synchronous`
    // SQLite's default (FULL) for both.
    conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
    let now = Utc::now().to_rfc3339_opts(SecondsFormat::Micros, false);
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .unwrap();
    {
        let placeholders = vec!["?"; COLUMNS.split(", ").count()].join(", ");
        let mut sql = format!("INSERT INTO bench_agent_day ({COLUMNS}) VALUES ({placeholders})");
        if overwrite {
            write!(
                sql,
                " ON CONFLICT (staff_id, date) DO UPDATE SET {}",
                set_excluded()
            )
            .unwrap();
        }
        let mut insert = tx.prepare(&sql).unwrap();
        for day in rows.days {
            let c = day.counts();
            let date = day.date.to_string();
            let head: [&dyn rusqlite::ToSql; 3] = [&rows.team_id, &rows.staff[day.agent], &date];
            let params: Vec<&dyn rusqlite::ToSql> = head
                .into_iter()
                .chain(c.iter().map(|n| n as &dyn rusqlite::ToSql))
                .chain([&now as &dyn rusqlite::ToSql])
                .collect();
            assert_eq!(insert.execute(params.as_slice()).unwrap(), 1);
        }
    }
    tx.commit().unwrap();
}

async fn postgres_baseline(conn: &DatabaseConnection, copy: &str, overwrite: bool) {
    use sea_orm::sqlx::{AssertSqlSafe, Executor, PgConnection, raw_sql};
    async fn copy_into(pg: &mut PgConnection, table: &str, copy: &str) {
        let sql = format!("COPY {table} ({COLUMNS}) FROM STDIN");
        let mut copy_in = pg.copy_in_raw(&sql).await.unwrap();
        copy_in.send(copy.as_bytes()).await.unwrap();
        assert_eq!(copy_in.finish().await.unwrap(), ROWS as u64);
    }
    let mut pg = conn.get_postgres_connection_pool().acquire().await.unwrap();
    if !overwrite {
        copy_into(&mut pg, "bench_agent_day", copy).await;
        return;
    }
    // The columns written, without agent_day's id (nor any constraint).
    let incoming = format!(
        "BEGIN; CREATE TEMPORARY TABLE bench_incoming ON COMMIT DROP AS \
         SELECT {COLUMNS} FROM bench_agent_day WITH NO DATA"
    );
    pg.execute(raw_sql(AssertSqlSafe(incoming))).await.unwrap();
    copy_into(&mut pg, "bench_incoming", copy).await;
    let upsert = format!(
        "INSERT INTO bench_agent_day ({COLUMNS}) SELECT {COLUMNS} FROM bench_incoming \
         ON CONFLICT (staff_id, date) DO UPDATE SET {}",
        set_excluded()
    );
    let done = pg.execute(raw_sql(AssertSqlSafe(upsert))).await.unwrap();
    assert_eq!(done.rows_affected(), ROWS as u64);
    pg.execute("COMMIT").await.unwrap();
}

/// The first argument that makes this bench the measuring parent of one command (see
/// [`measure`]).
const MEASURE: &str = "--measure-child";

/// One `shopops import` run: its seconds, its peak RSS in MiB and what it printed.
///
/// A child's `ru_maxrss` counts the memory of the process it was forked from (Linux keeps the
/// larger of the old and the new image's peak across `exec`), and this bench holds hundreds of
/// MiB by now: so the CLI is started by a fresh, small copy of the bench, which times it and
/// reads its peak.
fn cli_import(url: &str, team_id: i64, file: &Path) -> (f64, f64, String) {
    let out = file.with_extension("out");
    let err = file.with_extension("err");
    let measured = Command::new(std::env::current_exe().unwrap())
        .arg(MEASURE)
        .arg(env!("CARGO_BIN_EXE_shopops"))
        .args(["import", "agent-days", "--team", &team_id.to_string()])
        .arg(file)
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "warn")
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap())
        .status()
        .unwrap();
    let said = std::fs::read_to_string(out).unwrap();
    assert!(
        measured.success(),
        "{said}{}",
        std::fs::read_to_string(err).unwrap()
    );
    let (said, measure) = said.trim_end().rsplit_once('\n').unwrap();
    let (secs, kib) = measure.split_once(' ').unwrap();
    let peak_mib = kib.parse::<f64>().unwrap() / 1024.0;
    (secs.parse().unwrap(), peak_mib, said.to_owned())
}

/// Runs `command` (with its output this process') and adds a line of its seconds and its peak
/// RSS in KiB (Linux gives `ru_maxrss` in KiB); exits as it did.
fn measure(command: &[String]) -> ! {
    let started = Instant::now();
    let child = Command::new(&command[0])
        .args(&command[1..])
        .spawn()
        .unwrap();
    let mut status = 0;
    // SAFETY: wait4 on our own child, with a zeroed rusage for it to fill; the child is reaped
    // here, so `child` is never waited on again.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        let pid = libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage);
        assert_eq!(pid, child.id() as libc::pid_t);
        usage
    };
    let secs = started.elapsed().as_secs_f64();
    println!("{secs} {}", usage.ru_maxrss);
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    std::process::exit(if ok { 0 } else { 1 })
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some(MEASURE) {
        measure(&args[2..]);
    }
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let (url, dir) = common::database().await;
        let conn = db::connect(&url).await.unwrap();
        db::migrate(&conn).await.unwrap();
        let backend = conn.get_database_backend();
        // 510 people: 40 % of them customer-service agents with chat aliases.
        let seeded = demo::seed_generated_with_history(&conn, 510, 1)
            .await
            .unwrap();
        let (aliases, staff): (Vec<String>, Vec<i64>) = staff_alias::Entity::find()
            .filter(staff_alias::Column::TeamId.eq(seeded.team_id))
            .all(&conn)
            .await
            .unwrap()
            .into_iter()
            .map(|a| (a.alias, a.staff_id))
            .take(AGENTS)
            .unzip();
        assert_eq!(aliases.len(), AGENTS);
        let days = days();
        let files = tempfile::tempdir().unwrap();
        let gbk = files.path().join("agent-days.csv");
        std::fs::write(&gbk, gbk_csv(&days, &aliases)).unwrap();
        let workbook = files.path().join("agent-days.xlsx");
        std::fs::write(&workbook, xlsx(&days, &aliases)).unwrap();

        create_baseline_table(&conn).await;
        let rows = Rows {
            copy: copy_text(&days, seeded.team_id, &staff),
            days: &days,
            team_id: seeded.team_id,
            staff: &staff,
        };
        let sqlite = dir.as_ref().map(|d| d.path().join("bench.db"));
        let (name, insert, upsert) = match backend {
            DatabaseBackend::Postgres => ("PostgreSQL", "COPY", "COPY + upsert"),
            _ => ("SQLite", "prepared insert", "prepared upsert"),
        };
        // Best of RUNS: the bench machine is shared, and a slower run is only more of its noise.
        let mut base = [0.0f64; 2];
        for _ in 0..RUNS {
            empty(&conn, "bench_agent_day").await;
            for (pass, overwrite) in [false, true].into_iter().enumerate() {
                let secs = baseline(&conn, sqlite.as_deref(), &rows, overwrite).await;
                base[pass] = base[pass].max(ROWS as f64 / secs);
            }
        }
        println!("{name}: {ROWS} agent-day rows ({AGENTS} agents × {DAYS} days), best of {RUNS}");
        println!(
            "{:<10} {:<16} {:>9} {:>7} {:>9}",
            "pass", "what", "rows/s", "×base", "peak RSS"
        );
        for (pass, what) in [insert, upsert].into_iter().enumerate() {
            println!("{:<10} {what:<16} {:>9.0}", PASSES[pass], base[pass]);
        }
        for (format, file) in [("GBK CSV", &gbk), ("xlsx", &workbook)] {
            // (rows/s, peak MiB) of each pass.
            let mut best = [(0.0f64, 0.0f64); 2];
            for _ in 0..RUNS {
                empty(&conn, "agent_day").await;
                for (pass, expected) in [(ROWS, 0), (0, ROWS)].into_iter().enumerate() {
                    let (secs, peak, said) = cli_import(&url, seeded.team_id, file);
                    let (inserted, updated) = expected;
                    let counts = format!("agent-days: {inserted} inserted, {updated} updated");
                    assert!(said.starts_with(&counts), "{said}");
                    best[pass].0 = best[pass].0.max(ROWS as f64 / secs);
                    best[pass].1 = best[pass].1.max(peak);
                }
            }
            for (pass, (rate, peak)) in best.into_iter().enumerate() {
                let ratio = rate / base[pass];
                println!(
                    "{:<10} {format:<16} {rate:>9.0} {ratio:>7.2} {peak:>5.0} MiB",
                    PASSES[pass]
                );
            }
        }
        if std::env::var_os("BENCH_KEEP").is_some() {
            // For profiling a run by hand: the files and the database stay.
            let files = files.keep();
            let dir = dir.map(|d| d.keep());
            println!(
                "kept: {} {dir:?} (team {})",
                files.display(),
                seeded.team_id
            );
        }
    });
}
