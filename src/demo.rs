//! Demo and benchmark data: the demo team behind `serve --demo`, and `seed-demo` teams of any size.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Set, TransactionTrait,
};

use crate::auth::password;
use crate::entities::{Access, Platform, Role, product, staff, staff_alias, team};
use crate::error::AppResult;

pub const DEMO_PASSWORD: &str = "shopops-demo";
pub const DEMO_ADMIN_EMAIL: &str = "admin@demo.shopops";

/// Rows per multi-row INSERT: well under SQLite's bound-parameter limit.
const CHUNK: usize = 500;

pub struct Person {
    pub name: String,
    pub email: String,
    pub role: Option<Role>,
    pub access: Access,
    /// Chat sub-account nickname, for customer-service agents.
    pub alias: Option<String>,
}

pub struct Seeded {
    pub team_id: i64,
    pub logins: Vec<(String, Access, Option<Role>)>,
}

/// Loads the demo team if the database has nobody in it yet; `None` when it already had data.
pub async fn load_demo(db: &DatabaseConnection) -> AppResult<Option<Seeded>> {
    if staff::Entity::find().count(db).await? > 0 {
        return Ok(None);
    }
    let person =
        |name: &str, email: &str, role: Option<Role>, access: Access, alias: Option<&str>| Person {
            name: name.into(),
            email: format!("{email}@demo.shopops"),
            role,
            access,
            alias: alias.map(Into::into),
        };
    use Access::{Admin, Manager, Staff};
    use Role::*;
    let people = vec![
        person("Admin", "admin", None, Admin, None),
        person(
            "王经理 Wang (manager)",
            "manager",
            Some(Operations),
            Manager,
            None,
        ),
        person(
            "小雅 Xiaoya",
            "cs1",
            Some(CustomerService),
            Staff,
            Some("示范旗舰店:小雅"),
        ),
        person(
            "阿杰 Ajie",
            "cs2",
            Some(CustomerService),
            Staff,
            Some("示范旗舰店:阿杰"),
        ),
        person("林美工 Lin", "designer1", Some(Designer), Staff, None),
        person("周美工 Zhou", "designer2", Some(Designer), Staff, None),
        person("陈推广 Chen", "promo1", Some(Promotion), Staff, None),
        person("刘推广 Liu", "promo2", Some(Promotion), Staff, None),
        person("赵运营 Zhao", "ops1", Some(Operations), Staff, None),
        person("孙运营 Sun", "ops2", Some(Operations), Staff, None),
    ];
    seed_team(
        db,
        "示范旗舰店 Demo Flagship Store",
        Platform::Tmall,
        people,
        8,
    )
    .await
    .map(Some)
}

/// A generated team of `size` people (one manager, then customer service 40 %, designers,
/// promotion and operations 20 % each), for benchmarks. All share the demo password.
pub async fn seed_generated(db: &DatabaseConnection, size: usize) -> AppResult<Seeded> {
    let tag = format!("{:x}", Utc::now().timestamp_millis());
    let people = (0..size.max(1))
        .map(|i| {
            let (role, access) = match i {
                0 => (Role::Operations, Access::Manager),
                _ => match i % 5 {
                    0 | 1 => (Role::CustomerService, Access::Staff),
                    2 => (Role::Designer, Access::Staff),
                    3 => (Role::Promotion, Access::Staff),
                    _ => (Role::Operations, Access::Staff),
                },
            };
            let alias = (role == Role::CustomerService).then(|| format!("seed{tag}:agent{i}"));
            Person {
                name: format!("Seed {i}"),
                email: format!("p{i}.{tag}@seed.shopops"),
                role: Some(role),
                access,
                alias,
            }
        })
        .collect();
    let products = (size / 4).clamp(4, 400);
    seed_team(
        db,
        &format!("Seed shop {tag}"),
        Platform::Taobao,
        people,
        products,
    )
    .await
}

/// Inserts a team, its people (admins outside it), their aliases and `products` products, in
/// one transaction and with multi-row inserts. The password is hashed once for everybody.
async fn seed_team(
    db: &DatabaseConnection,
    team_name: &str,
    platform: Platform,
    people: Vec<Person>,
    products: usize,
) -> AppResult<Seeded> {
    let hash = password::hash(DEMO_PASSWORD.into()).await?;
    let now = Utc::now();
    let txn = db.begin().await?;
    let team = team::ActiveModel {
        name: Set(team_name.into()),
        platform: Set(platform),
        time_zone: Set(crate::teams::DEFAULT_TIME_ZONE.into()),
        currency: Set("CNY".into()),
        cs_ranking_visible: Set(true),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let rows: Vec<staff::ActiveModel> = people
        .iter()
        .map(|p| staff::ActiveModel {
            team_id: Set((p.access != Access::Admin).then_some(team.id)),
            name: Set(p.name.clone()),
            email: Set(p.email.clone()),
            password_hash: Set(hash.clone()),
            role: Set(p.role),
            access: Set(p.access),
            active: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .collect();
    for chunk in rows.chunks(CHUNK) {
        staff::Entity::insert_many(chunk.to_vec())
            .exec(&txn)
            .await?;
    }
    let members = staff::Entity::find()
        .filter(staff::Column::TeamId.eq(team.id))
        .all(&txn)
        .await?;
    let id_of = |email: &str| members.iter().find(|m| m.email == email).map(|m| m.id);
    let aliases: Vec<staff_alias::ActiveModel> = people
        .iter()
        .filter_map(|p| Some((id_of(&p.email)?, p.alias.clone()?)))
        .map(|(staff_id, alias)| staff_alias::ActiveModel {
            team_id: Set(team.id),
            staff_id: Set(staff_id),
            alias: Set(alias),
            created_at: Set(now),
            ..Default::default()
        })
        .collect();
    for chunk in aliases.chunks(CHUNK) {
        staff_alias::Entity::insert_many(chunk.to_vec())
            .exec(&txn)
            .await?;
    }
    let designers: Vec<i64> = members
        .iter()
        .filter(|m| m.role == Some(Role::Designer))
        .map(|m| m.id)
        .collect();
    let items: Vec<product::ActiveModel> = (0..products)
        .map(|i| product::ActiveModel {
            team_id: Set(team.id),
            platform_item_id: Set(format!("{}", 600_000_000_000_i64 + i as i64)),
            title: Set(format!("商品 Item {}", i + 1)),
            // Every fourth item is a hero (主推款).
            is_hero: Set(i % 4 == 0),
            designer_id: Set((!designers.is_empty()).then(|| designers[i % designers.len()])),
            unit_cost_fen: Set(2_000 + (i as i64 % 7) * 1_250),
            active: Set(true),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .collect();
    for chunk in items.chunks(CHUNK) {
        product::Entity::insert_many(chunk.to_vec())
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    let logins = people
        .into_iter()
        .map(|p| (p.email, p.access, p.role))
        .collect();
    Ok(Seeded {
        team_id: team.id,
        logins,
    })
}
