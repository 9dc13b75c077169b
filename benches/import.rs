//! CSV import throughput: 100,000 agent-day rows (a 200-agent team × 500 days, Chinese 赤兔
//! headers, agents named by chat alias) through the same path as `shopops import agent-days`,
//! first as inserts, then again as overwrites.
//!
//!     cargo bench --bench import
//!     BENCH_DATABASE_URL=postgres://postgres@127.0.0.1/shopops_bench cargo bench --bench import
//!
//! (the PostgreSQL database is dropped and created afresh for each run).

use std::fmt::Write as _;
use std::time::Instant;

use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use shopops::entities::{ImportVia, staff_alias};
use shopops::files::{self, FileImport};
use shopops::services::auth::Actor;
use shopops::services::ingest::Kind;
use shopops::{db, demo};

mod common;

const AGENTS: usize = 200;
const DAYS: i64 = 500;

fn main() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let (url, _dir) = common::database().await;
        let conn = db::connect(&url).await.unwrap();
        db::migrate(&conn).await.unwrap();
        // 510 people: 40 % of them customer-service agents with chat aliases.
        let seeded = demo::seed_generated_with_history(&conn, 510, 1).await.unwrap();
        let aliases: Vec<String> = staff_alias::Entity::find()
            .filter(staff_alias::Column::TeamId.eq(seeded.team_id))
            .all(&conn)
            .await
            .unwrap()
            .into_iter()
            .map(|a| a.alias)
            .take(AGENTS)
            .collect();
        assert_eq!(aliases.len(), AGENTS);

        let last = Utc::now().date_naive() - Duration::days(2);
        let mut file = String::from(
            "日期,客服,接待人数,询单人数,询单→下单人数,询单→最终付款人数,客服销售额,首次响应总时长,首次响应次数,响应总时长,响应次数,未回复人数\n",
        );
        for d in 0..DAYS {
            let date = last - Duration::days(d);
            for (i, alias) in aliases.iter().enumerate() {
                let inquiries = 20 + (i as i64 + d) % 40;
                writeln!(
                    file,
                    "{date},{alias},{},{inquiries},{},{},\"1,{:03}.50\",{},{inquiries},{},{},{}",
                    inquiries + 10,
                    inquiries / 2,
                    inquiries / 3,
                    (i as i64 * 7 + d) % 1000,
                    inquiries * 18,
                    inquiries * 70,
                    inquiries * 2,
                    i % 3
                )
                .unwrap();
            }
        }
        file.push_str("汇总,,,,,,,,,,,\n");
        let rows = AGENTS as i64 * DAYS;
        let actor = Actor::operator();
        for pass in ["insert", "overwrite"] {
            let started = Instant::now();
            let how = FileImport {
                kind: Kind::AgentDays,
                name: "bench.csv",
                defaults: &[],
                sheet: None,
                via: ImportVia::Cli,
                dry_run: false,
                preview: 0,
            };
            let file = std::io::Cursor::new(file.clone().into_bytes());
            let imported = files::import_file(&conn, &actor, seeded.team_id, file, &how)
                .await
                .unwrap_or_else(|e| panic!("{}", e.message()));
            let outcome = imported.report.outcome;
            let secs = started.elapsed().as_secs_f64();
            assert_eq!(outcome.inserted + outcome.updated, rows as u64);
            println!(
                "{pass:<9} {rows} agent-day rows in {secs:.2} s = {:.0} rows/s ({} inserted, {} updated)",
                rows as f64 / secs,
                outcome.inserted,
                outcome.updated
            );
        }
    });
}
