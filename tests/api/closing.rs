//! Month close (§8): finalizing computes the final run and locks October; a late import, a
//! recompute, an adjustment or a target of October is then a CONFLICT (and writes nothing) until
//! an admin reopens the month with a reason; finalizing before the figures settle needs an
//! override.

use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};
use shopops::entities::agent_day;

use crate::bonus::{ADJUST, MONTH, adjustment, compute, lines, payout, read_run, spawn};
use crate::fixtures::{self, AgentDay, Kind};
use crate::helpers::{TestApp, code, field, spawn_at};

const CLOSE: &str = "status version settlesOn finalizedBy { id }
    auditTrail { nodes { actor { id } field before after } }";

async fn finalize(app: &TestApp, token: &str, team: &str, month: &str, early: bool) -> Value {
    let q = format!(
        "mutation($t: ID!, $m: Month!, $o: Boolean!) {{ finalizeMonth(input: {{ teamId: $t, month: $m, override: $o }}) {{ monthClose {{ {CLOSE} }} }} }}"
    );
    app.gql(
        Some(token),
        &q,
        json!({ "t": team, "m": month, "o": early }),
    )
    .await
}

async fn month_close(app: &TestApp, token: &str, team: &str) -> Value {
    let q =
        format!("query($t: ID!, $m: Month!) {{ monthClose(teamId: $t, month: $m) {{ {CLOSE} }} }}");
    app.ok(token, &q, json!({ "t": team, "m": MONTH })).await["monthClose"].clone()
}

fn agent_day(staff: &str, date: &str, sales: &str) -> AgentDay {
    fixtures::agent_day(date)
        .staff(staff)
        .received(10)
        .inquiries(8)
        .ordered_buyers(4)
        .paid_buyers(4)
        .sales_amount(sales)
}

async fn agent_days(app: &TestApp) -> u64 {
    agent_day::Entity::find().count(&app.db).await.unwrap()
}

#[tokio::test]
async fn a_finalized_month_refuses_changes_until_an_admin_reopens_it() {
    let (app, s) = spawn().await;
    let w = &s.w;
    let m = &w.manager_a;
    let by_staff = finalize(&app, &w.cs_a, &w.team_a, MONTH, false).await;
    assert_eq!(code(&by_staff), "FORBIDDEN");
    let other_team = finalize(&app, &w.manager_b, &w.team_a, MONTH, false).await;
    assert_eq!(code(&other_team), "FORBIDDEN");

    // Finalizing computes the final run (reviews and bonus) and locks the month.
    let done =
        finalize(&app, m, &w.team_a, MONTH, false).await["data"]["finalizeMonth"]["monthClose"]
            .clone();
    assert_eq!(
        (
            &done["status"],
            &done["version"],
            &done["settlesOn"],
            &done["finalizedBy"]["id"]
        ),
        (
            &json!("FINALIZED"),
            &json!(1),
            &json!("2026-11-04"),
            &json!(w.manager_a_id)
        )
    );
    let run = read_run(&app, m, &w.team_a).await["data"]["bonusRun"].clone();
    assert_eq!(
        (&run["status"], &run["total"]),
        (&json!("FINALIZED"), &json!("11894.75"))
    );
    let again = finalize(&app, m, &w.team_a, MONTH, false).await;
    assert_eq!(code(&again), "CONFLICT");

    // October's data, run, adjustments and targets are locked.
    let recompute = app
        .gql(
            Some(m),
            "mutation($t: ID!, $m: Month!) { computeBonusRun(input: { teamId: $t, month: $m }) { run { status } } }",
            json!({ "t": w.team_a, "m": MONTH }),
        )
        .await;
    assert_eq!(code(&recompute), "CONFLICT");
    assert_eq!(
        recompute["errors"][0]["message"],
        "2026-10 is finalized; an admin must reopen it"
    );
    let adjust = app
        .gql(Some(m), ADJUST, adjustment(w, &w.cs_a_id, "10", "late"))
        .await;
    assert_eq!(code(&adjust), "CONFLICT");
    let target = app
        .gql(
            Some(m),
            "mutation($t: ID!, $x: [TargetInput!]!) { setTargets(input: { teamId: $t, targets: $x }) { targets { metric } } }",
            json!({ "t": w.team_a, "x": [{ "metric": "PAID_AMOUNT", "month": MONTH, "value": "1" }] }),
        )
        .await;
    assert_eq!(code(&target), "CONFLICT");
    let grade = app
        .gql(
            Some(m),
            "mutation($t: ID!, $m: Month!, $s: ID!) { adjustGrade(input: { teamId: $t, month: $m, staffId: $s, grade: S, reason: \"x\" }) { review { id } } }",
            json!({ "t": w.team_a, "m": MONTH, "s": w.cs_a_id }),
        )
        .await;
    assert_eq!(code(&grade), "CONFLICT");

    // A late import: the final-payment figure of 31 October re-imported on 5 November, alone or
    // in a batch with November's first day. Nothing is written.
    let before = agent_days(&app).await;
    let late = app
        .import(
            m,
            Kind::Agent,
            &w.team_a,
            json!([agent_day(&w.cs_a_id, "2026-10-31", "500.00")]),
        )
        .await;
    assert_eq!(code(&late), "CONFLICT");
    let mixed = app
        .import(
            m,
            Kind::Agent,
            &w.team_a,
            json!([
                agent_day(&w.cs_a_id, "2026-11-01", "300.00"),
                agent_day(&w.cs_a_id, "2026-10-31", "500.00"),
            ]),
        )
        .await;
    assert_eq!(code(&mixed), "CONFLICT");
    assert_eq!(agent_days(&app).await, before);
    let deliverable = app.import(m, Kind::Deliverable, &w.team_a,
        json!([{ "reference": "D-8", "designerId": w.designer_a_id, "kind": "BANNER",
                 "requestedOn": "2026-10-20", "dueOn": "2026-10-30", "deliveredOn": "2026-10-30" }]),
    )
    .await;
    assert_eq!(code(&deliverable), "CONFLICT");
    // Nor can October's delivery D-1 (delivered on 11 October) be moved into November: it would
    // leave October's count.
    let moved = app.import(m, Kind::Deliverable, &w.team_a,
        json!([{ "reference": "D-1", "designerId": w.designer_a_id, "kind": "MAIN_IMAGE",
                 "requestedOn": "2026-10-01", "dueOn": "2026-10-20", "deliveredOn": "2026-11-02" }]),
    )
    .await;
    assert_eq!(code(&moved), "CONFLICT");
    // November is open.
    let november = app
        .import(
            m,
            Kind::Agent,
            &w.team_a,
            json!([agent_day(&w.cs_a_id, "2026-11-01", "300.00")]),
        )
        .await;
    assert_eq!(
        november["data"]["importAgentDays"]["inserted"], 1,
        "{november}"
    );
    // Team B's October is not team A's.
    let other = app
        .import(
            &w.manager_b,
            Kind::Agent,
            &w.team_b,
            json!([agent_day(&w.cs_b_id, "2026-10-31", "100.00")]),
        )
        .await;
    assert_eq!(other["data"]["importAgentDays"]["inserted"], 1, "{other}");

    // Only an admin reopens, and only with a reason.
    let reopen = "mutation($t: ID!, $m: Month!, $r: String!) { reopenMonth(input: { teamId: $t, month: $m, reason: $r }) { monthClose { status version } } }";
    let vars = |reason: &str| json!({ "t": w.team_a, "m": MONTH, "r": reason });
    let by_manager = app.gql(Some(m), reopen, vars("late CS figures")).await;
    assert_eq!(code(&by_manager), "FORBIDDEN");
    let no_reason = app.gql(Some(&w.admin), reopen, vars("  ")).await;
    assert_eq!(
        (code(&no_reason), field(&no_reason)),
        ("BAD_USER_INPUT", "reason")
    );
    let reopened = app
        .ok(&w.admin, reopen, vars("31 Oct final payments settled late"))
        .await;
    assert_eq!(
        reopened["reopenMonth"]["monthClose"],
        json!({ "status": "OPEN", "version": 2 })
    );
    let twice = app.gql(Some(&w.admin), reopen, vars("again")).await;
    assert_eq!(code(&twice), "CONFLICT");
    let admin_id = app.ok(&w.admin, "{ me { id } }", json!({})).await["me"]["id"].clone();
    let close = month_close(&app, &w.cs_a, &w.team_a).await;
    assert_eq!(
        close["auditTrail"]["nodes"],
        json!([
            { "actor": { "id": w.manager_a_id }, "field": "status", "before": "OPEN", "after": "FINALIZED" },
            { "actor": { "id": admin_id }, "field": "status", "before": "FINALIZED", "after": "OPEN" },
            { "actor": { "id": admin_id }, "field": "reason", "before": null,
              "after": "31 Oct final payments settled late" },
        ])
    );
    // A staff member no longer sees the run: it is a draft again.
    assert_eq!(code(&read_run(&app, &w.cs_a, &w.team_a).await), "FORBIDDEN");

    // The late figure goes in, and the draft follows it: cs_a sold 9049 + 500 = ¥9,549
    // (score 95.49, A): 9549.00 × 0.005 = 47.745 → 47.75.
    let late = app
        .import(
            m,
            Kind::Agent,
            &w.team_a,
            json!([agent_day(&w.cs_a_id, "2026-10-31", "500.00")]),
        )
        .await;
    assert_eq!(late["data"]["importAgentDays"]["inserted"], 1, "{late}");
    let run = compute(&app, m, &w.team_a).await;
    assert_eq!(
        lines(payout(&run, &w.cs_a_id)),
        vec![
            json!(["GRADE_BONUS", "800.00 × 1.2", "960.00"]),
            json!(["COMMISSION", "9549.00 × 0.005", "47.75"]),
        ]
    );
    let refinal = finalize(&app, m, &w.team_a, MONTH, false).await;
    assert_eq!(
        refinal["data"]["finalizeMonth"]["monthClose"]["version"], 3,
        "{refinal}"
    );
}

#[tokio::test]
async fn finalizing_before_the_figures_settle_needs_an_override() {
    // Tuesday 3 November, 10:00 in Shanghai: October's last final payments settle tomorrow.
    let app = spawn_at("2026-11-03T02:00:00Z".parse().unwrap()).await;
    let s = crate::bonus::october(&app).await;
    let w = &s.w;
    let m = &w.manager_a;
    let early = finalize(&app, m, &w.team_a, MONTH, false).await;
    assert_eq!(
        (code(&early), field(&early)),
        ("BAD_USER_INPUT", "override")
    );
    assert!(
        early["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("settle on 2026-11-04"),
        "{early}"
    );
    assert_eq!(month_close(&app, m, &w.team_a).await["status"], "OPEN");
    // November has not ended at all.
    let november = finalize(&app, m, &w.team_a, "2026-11", true).await;
    assert_eq!(
        (code(&november), field(&november)),
        ("BAD_USER_INPUT", "month")
    );

    let forced = finalize(&app, m, &w.team_a, MONTH, true).await;
    assert_eq!(
        forced["data"]["finalizeMonth"]["monthClose"]["status"], "FINALIZED",
        "{forced}"
    );
    assert_eq!(
        forced["data"]["finalizeMonth"]["monthClose"]["auditTrail"]["nodes"],
        json!([
            { "actor": { "id": w.manager_a_id }, "field": "status", "before": "OPEN", "after": "FINALIZED" },
            { "actor": { "id": w.manager_a_id }, "field": "override", "before": null,
              "after": "finalized on 2026-11-03, before 2026-11-04" },
        ])
    );

    // The day is the team's: 16:30 UTC on 3 November is already the 4th in Shanghai.
    app.clock.set("2026-11-03T16:30:00Z".parse().unwrap());
    let team_b = finalize(&app, &w.manager_b, &w.team_b, MONTH, false).await;
    assert_eq!(
        team_b["data"]["finalizeMonth"]["monthClose"]["status"], "FINALIZED",
        "{team_b}"
    );
}
