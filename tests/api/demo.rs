//! The demo team's history: every kind of daily data up to yesterday, the problems planted on
//! yesterday exactly as reported, and the same data every time.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use shopops::demo::{self, Planted};
use shopops::entities::{
    AdChannel, Metric, ad_day, agent_day, competitor_snapshot, design_deliverable, product,
    product_day, shop_day, staff, target, team,
};
use shopops::services::teams;

use crate::helpers::spawn_app;

async fn yesterday(db: &DatabaseConnection, team_id: i64) -> NaiveDate {
    let team = team::Entity::find_by_id(team_id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    teams::today(&team) - Duration::days(1)
}

fn ratio(part: i64, whole: i64) -> f64 {
    part as f64 / whole as f64
}

#[tokio::test]
async fn the_demo_has_every_kind_of_data_up_to_yesterday_with_the_planted_problems() {
    let app = spawn_app().await;
    let db = &app.db;
    let seeded = demo::load_demo(db).await.unwrap().expect("empty database");
    let team_id = seeded.team_id;
    let day = yesterday(db, team_id).await;
    let history = &seeded.history;
    assert_eq!(history.span, Some((day - Duration::days(89), day)));

    // Every kind, for the 90 days up to yesterday and nothing after.
    let shop = shop_day::Entity::find()
        .filter(shop_day::Column::TeamId.eq(team_id))
        .order_by_asc(shop_day::Column::Date)
        .all(db)
        .await
        .unwrap();
    assert_eq!(shop.len(), 90);
    assert_eq!(shop.last().unwrap().date, day);
    let products = product::Entity::find()
        .filter(product::Column::TeamId.eq(team_id))
        .all(db)
        .await
        .unwrap();
    let heroes: Vec<i64> = products
        .iter()
        .filter(|p| p.is_hero)
        .map(|p| p.id)
        .collect();
    assert_eq!((products.len(), heroes.len()), (8, 2));
    let product_days = product_day::Entity::find()
        .filter(product_day::Column::TeamId.eq(team_id))
        .all(db)
        .await
        .unwrap();
    assert_eq!(product_days.len(), 90 * 8);
    let agent_days = agent_day::Entity::find()
        .filter(agent_day::Column::TeamId.eq(team_id))
        .all(db)
        .await
        .unwrap();
    // Two agents (小雅 and 阿杰) every day.
    assert_eq!(agent_days.len(), 90 * 2);
    let ad_days = ad_day::Entity::find()
        .filter(ad_day::Column::TeamId.eq(team_id))
        .all(db)
        .await
        .unwrap();
    // Four channels between the two promoters.
    assert_eq!(ad_days.len(), 90 * 4);
    let snapshots = competitor_snapshot::Entity::find()
        .filter(competitor_snapshot::Column::TeamId.eq(team_id))
        .all(db)
        .await
        .unwrap();
    let deliverables = design_deliverable::Entity::find()
        .filter(design_deliverable::Column::TeamId.eq(team_id))
        .all(db)
        .await
        .unwrap();
    let targets = target::Entity::find()
        .filter(target::Column::TeamId.eq(team_id))
        .all(db)
        .await
        .unwrap();
    let rows = history.rows;
    assert_eq!(
        (
            rows.shop_days,
            rows.product_days,
            rows.agent_days,
            rows.ad_days
        ),
        (90, 720, 180, 360)
    );
    assert_eq!(rows.competitor_snapshots, snapshots.len());
    assert_eq!(rows.deliverables, deliverables.len());
    assert_eq!(rows.targets, targets.len());
    for date in [
        shop.iter().map(|r| r.date).max(),
        product_days.iter().map(|r| r.date).max(),
        agent_days.iter().map(|r| r.date).max(),
        ad_days.iter().map(|r| r.date).max(),
        snapshots.iter().map(|r| r.date).max(),
    ] {
        assert_eq!(date, Some(day));
    }
    // A dozen items tracked at four competitors, every one of them seen yesterday.
    let on_day = snapshots.iter().filter(|s| s.date == day).count();
    assert_eq!(on_day, 12);
    // Design work: some late, some revised, some still open; none dated after yesterday.
    assert!(deliverables.iter().all(|d| d.requested_on <= day));
    assert!(
        deliverables
            .iter()
            .all(|d| d.delivered_on.is_none_or(|on| on <= day))
    );
    assert!(
        deliverables
            .iter()
            .any(|d| d.delivered_on.is_some_and(|on| on > d.due_on))
    );
    assert!(deliverables.iter().any(|d| d.revisions >= 2));
    assert!(deliverables.iter().any(|d| d.delivered_on.is_none()));
    assert!(
        deliverables
            .iter()
            .any(|d| d.delivered_on == Some(day) || d.requested_on == day)
    );
    // Targets for yesterday's month: the team's five, and each person's.
    let month_start = day - Duration::days(i64::from(chrono::Datelike::day(&day)) - 1);
    let month: Vec<&target::Model> = targets
        .iter()
        .filter(|t| t.starts_on == month_start)
        .collect();
    let team_metrics: Vec<Metric> = month
        .iter()
        .filter(|t| t.staff_id.is_none())
        .map(|t| t.metric)
        .collect();
    assert_eq!(team_metrics.len(), 5);
    for m in Metric::TEAM {
        assert!(team_metrics.contains(&m), "{m:?}");
    }
    let roi = month.iter().find(|t| t.metric == Metric::Roi).unwrap();
    assert_eq!(roi.value, "2");
    let staff = staff::Entity::find()
        .filter(staff::Column::TeamId.eq(team_id))
        .all(db)
        .await
        .unwrap();
    let email_of: HashMap<i64, &str> = staff.iter().map(|s| (s.id, s.email.as_str())).collect();
    let mut personal: Vec<(&str, Metric)> = month
        .iter()
        .filter_map(|t| Some((email_of[&t.staff_id?], t.metric)))
        .collect();
    personal.sort_by_key(|(e, m)| (*e, format!("{m:?}")));
    assert_eq!(
        personal,
        [
            ("cs1@demo.shopops", Metric::SalesAmount),
            ("cs2@demo.shopops", Metric::SalesAmount),
            ("designer1@demo.shopops", Metric::Delivered),
            ("designer2@demo.shopops", Metric::Delivered),
            ("promo1@demo.shopops", Metric::AttributedAmount),
            ("promo1@demo.shopops", Metric::Cpc),
            ("promo2@demo.shopops", Metric::AttributedAmount),
            ("promo2@demo.shopops", Metric::Cpc),
        ]
    );

    // The planted problems, each as reported and as stored.
    let codes: Vec<&str> = history.planted.iter().map(Planted::code).collect();
    assert_eq!(
        codes,
        [
            "BOUNCE_HIGH",
            "BAD_REVIEW",
            "CS_CONVERSION_LAG",
            "AD_ROI_LOW",
            "STOCK_LOW",
            "COMPETITOR_PRICE_CUT"
        ]
    );
    let d = shop.last().unwrap();
    let other_days = &shop[..89];
    for problem in &history.planted {
        match problem {
            Planted::BounceHigh {
                visitors,
                bounced_visitors,
            } => {
                assert_eq!(
                    (d.visitors, d.bounced_visitors),
                    (Some(*visitors), *bounced_visitors)
                );
                // 跳失率 = bounced / visitors, above the 70 % pass line (and no other day's is).
                assert!(ratio(d.bounced_visitors, d.visitors.unwrap()) > 0.70);
                assert!(
                    other_days
                        .iter()
                        .all(|s| ratio(s.bounced_visitors, s.visitors.unwrap()) <= 0.65)
                );
            }
            Planted::CsConversionLag {
                staff_id,
                name,
                inquiries,
                paid_buyers,
                team_inquiries,
                team_paid_buyers,
                first_response_seconds_sum,
                first_response_count,
            } => {
                assert_eq!(email_of[staff_id], "cs2@demo.shopops");
                assert_eq!(name, "阿杰 Ajie");
                let day_rows: Vec<&agent_day::Model> =
                    agent_days.iter().filter(|a| a.date == day).collect();
                let own = day_rows.iter().find(|a| a.staff_id == *staff_id).unwrap();
                assert_eq!((own.inquiries, own.paid_buyers), (*inquiries, *paid_buyers));
                assert_eq!(
                    (own.first_response_seconds_sum, own.first_response_count),
                    (*first_response_seconds_sum, *first_response_count)
                );
                let team_i: i64 = day_rows.iter().map(|a| a.inquiries).sum();
                let team_p: i64 = day_rows.iter().map(|a| a.paid_buyers).sum();
                assert_eq!((team_i, team_p), (*team_inquiries, *team_paid_buyers));
                // The team's rate is pooled (Σpaid / Σinquiries), the agent's own included.
                let gap = ratio(team_p, team_i) - ratio(own.paid_buyers, own.inquiries);
                assert!(own.inquiries >= 20 && gap >= 0.08, "gap {gap}");
                assert!(ratio(own.first_response_seconds_sum, own.first_response_count) > 30.0);
                // 小雅 neither lags nor answers slowly.
                let other = day_rows.iter().find(|a| a.staff_id != *staff_id).unwrap();
                assert!(ratio(other.paid_buyers, other.inquiries) >= ratio(team_p, team_i));
                assert!(
                    ratio(other.first_response_seconds_sum, other.first_response_count) <= 30.0
                );
            }
            Planted::AdRoiLow {
                channel,
                spend_fen,
                attributed_amount_fen,
            } => {
                assert_eq!(*channel, AdChannel::Display);
                let mut by_channel: HashMap<AdChannel, (i64, i64)> = HashMap::new();
                for a in ad_days.iter().filter(|a| a.date == day) {
                    let e = by_channel.entry(a.channel).or_default();
                    e.0 += a.spend_fen;
                    e.1 += a.attributed_amount_fen;
                }
                assert_eq!(by_channel[channel], (*spend_fen, *attributed_amount_fen));
                assert!(*spend_fen > 0 && ratio(*attributed_amount_fen, *spend_fen) < 2.0);
                for (c, (spend, value)) in &by_channel {
                    if c != channel {
                        assert!(ratio(*value, *spend) >= 2.0, "{c:?}");
                    }
                }
            }
            Planted::BadReview {
                product_id,
                bad_reviews,
                ..
            } => {
                assert!(heroes.contains(product_id));
                let row = product_days
                    .iter()
                    .find(|p| p.date == day && p.product_id == *product_id)
                    .unwrap();
                assert_eq!(row.bad_reviews, *bad_reviews);
                assert!(*bad_reviews > 0);
            }
            Planted::StockLow {
                product_id,
                stock,
                units_prior_7_days,
                ..
            } => {
                assert!(heroes.contains(product_id));
                let units = |from: i64, to: i64| -> i64 {
                    product_days
                        .iter()
                        .filter(|p| p.product_id == *product_id)
                        .filter(|p| (from..=to).any(|k| p.date == day - Duration::days(k)))
                        .map(|p| p.paid_units)
                        .sum()
                };
                let row = product_days
                    .iter()
                    .find(|p| p.date == day && p.product_id == *product_id)
                    .unwrap();
                assert_eq!(row.stock, Some(*stock));
                assert_eq!(units(1, 7), *units_prior_7_days);
                // Below 7 days of the 7-day mean, whether or not that week includes yesterday.
                assert!((*stock as f64) < 7.0 * units(1, 7) as f64 / 7.0);
                assert!((*stock as f64) < 7.0 * units(0, 6) as f64 / 7.0);
            }
            Planted::CompetitorPriceCut {
                competitor,
                item,
                previous_price_fen,
                price_fen,
            } => {
                let mut seen: Vec<&competitor_snapshot::Model> = snapshots
                    .iter()
                    .filter(|s| &s.competitor == competitor && &s.item == item)
                    .collect();
                seen.sort_by_key(|s| s.date);
                let [.., before, last] = seen.as_slice() else {
                    panic!("two snapshots at least")
                };
                assert_eq!(last.date, day);
                assert_eq!(
                    (before.price_fen, last.price_fen),
                    (*previous_price_fen, *price_fen)
                );
                assert!(ratio(*price_fen, *previous_price_fen) <= 0.90);
            }
        }
    }
}

/// Every daily row and target of a team, with people and products named by their place in the
/// team (not by id) and without timestamps.
async fn contents(db: &DatabaseConnection, team_id: i64) -> Vec<String> {
    let people: Vec<i64> = staff::Entity::find()
        .filter(staff::Column::TeamId.eq(team_id))
        .order_by_asc(staff::Column::Id)
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    let items: Vec<i64> = product::Entity::find()
        .filter(product::Column::TeamId.eq(team_id))
        .order_by_asc(product::Column::Id)
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect();
    let who = |id: i64| people.iter().position(|p| *p == id).unwrap();
    let what = |id: i64| items.iter().position(|p| *p == id).unwrap();
    let mut out = Vec::new();
    for mut r in shop_day::Entity::find()
        .filter(shop_day::Column::TeamId.eq(team_id))
        .all(db)
        .await
        .unwrap()
    {
        (r.id, r.team_id, r.updated_at) = (0, 0, Default::default());
        out.push(format!("{r:?}"));
    }
    for mut r in product_day::Entity::find()
        .filter(product_day::Column::TeamId.eq(team_id))
        .all(db)
        .await
        .unwrap()
    {
        (r.id, r.team_id, r.updated_at) = (0, 0, Default::default());
        r.product_id = what(r.product_id) as i64;
        out.push(format!("{r:?}"));
    }
    for mut r in agent_day::Entity::find()
        .filter(agent_day::Column::TeamId.eq(team_id))
        .all(db)
        .await
        .unwrap()
    {
        (r.id, r.team_id, r.updated_at) = (0, 0, Default::default());
        r.staff_id = who(r.staff_id) as i64;
        out.push(format!("{r:?}"));
    }
    for mut r in ad_day::Entity::find()
        .filter(ad_day::Column::TeamId.eq(team_id))
        .all(db)
        .await
        .unwrap()
    {
        (r.id, r.team_id, r.updated_at) = (0, 0, Default::default());
        r.owner_id = who(r.owner_id) as i64;
        out.push(format!("{r:?}"));
    }
    for mut r in design_deliverable::Entity::find()
        .filter(design_deliverable::Column::TeamId.eq(team_id))
        .all(db)
        .await
        .unwrap()
    {
        (r.id, r.team_id, r.updated_at) = (0, 0, Default::default());
        r.designer_id = who(r.designer_id) as i64;
        r.product_id = r.product_id.map(|p| what(p) as i64);
        out.push(format!("{r:?}"));
    }
    for mut r in competitor_snapshot::Entity::find()
        .filter(competitor_snapshot::Column::TeamId.eq(team_id))
        .all(db)
        .await
        .unwrap()
    {
        (r.id, r.team_id, r.updated_at) = (0, 0, Default::default());
        out.push(format!("{r:?}"));
    }
    for mut r in target::Entity::find()
        .filter(target::Column::TeamId.eq(team_id))
        .all(db)
        .await
        .unwrap()
    {
        (r.id, r.team_id, r.updated_at) = (0, 0, Default::default());
        r.staff_id = r.staff_id.map(|s| who(s) as i64);
        out.push(format!("{r:?}"));
    }
    out.sort();
    out
}

#[tokio::test]
async fn seeding_twice_with_the_same_arguments_gives_the_same_data() {
    // The demo, in two databases.
    let (one, two) = (spawn_app().await, spawn_app().await);
    let a = demo::load_demo(&one.db).await.unwrap().unwrap();
    let b = demo::load_demo(&two.db).await.unwrap().unwrap();
    assert_eq!(a.history, b.history);
    let a_rows = contents(&one.db, a.team_id).await;
    assert_eq!(a_rows.len(), a.history.rows.total());
    assert_eq!(a_rows, contents(&two.db, b.team_id).await);
    // Loading it again leaves the database as it was.
    assert!(demo::load_demo(&one.db).await.unwrap().is_none());
    assert_eq!(a_rows, contents(&one.db, a.team_id).await);

    // Two generated teams side by side in one database.
    let a = demo::seed_generated_with_history(&one.db, 23, 40)
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(2)).await;
    let b = demo::seed_generated_with_history(&one.db, 23, 40)
        .await
        .unwrap();
    assert_ne!(a.team_id, b.team_id);
    let a_rows = contents(&one.db, a.team_id).await;
    assert_eq!(a_rows.len(), a.history.rows.total());
    assert_eq!(a_rows, contents(&one.db, b.team_id).await);
    assert_eq!(a.history.rows, b.history.rows);
    assert_eq!(a.history.planted.len(), 6);
}

#[tokio::test]
async fn the_demo_opens_with_yesterdays_diagnosis_finding_every_planted_problem() {
    let app = spawn_app().await;
    let seeded = demo::load_demo(&app.db).await.unwrap().unwrap();
    let day = yesterday(&app.db, seeded.team_id).await;
    let diagnosis = shopops::services::diagnosis::of_day(&app.db, seeded.team_id, day)
        .await
        .unwrap()
        .expect("yesterday's diagnosis was run");
    let findings = shopops::services::diagnosis::findings(&app.db, diagnosis.id)
        .await
        .unwrap();
    let codes: Vec<String> = findings
        .iter()
        .map(|f| sea_orm::ActiveEnum::to_value(&f.code))
        .collect();
    for planted in &seeded.history.planted {
        assert!(
            codes.iter().any(|c| c == planted.code()),
            "{} not found in {codes:?}",
            planted.code()
        );
    }
}
