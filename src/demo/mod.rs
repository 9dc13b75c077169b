//! Demo and benchmark data: the demo team behind `serve --demo`, and `seed-demo` teams of any size,
//! each with people, products and (see [`history`]) every kind of daily data up to yesterday.

pub mod history;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};

use crate::db;
use crate::entities::{Access, Platform, Role, product, staff, staff_alias, team};
use crate::error::AppResult;
use crate::services::auth::{Actor, Hasher};
pub use history::{History, Planted, Rows};

pub const DEMO_PASSWORD: &str = "shopops-demo";
pub const DEMO_ADMIN_EMAIL: &str = "admin@demo.shopops";
/// Days of history the demo team (and `seed_generated`) comes with.
pub const DEFAULT_DAYS: u32 = 90;

/// Rows per multi-row INSERT: well under SQLite's bound-parameter limit.
const CHUNK: usize = 500;

/// What the demo shop sells; generated teams cycle through it.
const APPAREL: [&str; 8] = [
    "法式碎花连衣裙 Floral tea dress",
    "纯棉基础T恤 Cotton basic tee",
    "高腰阔腿牛仔裤 High-waist wide-leg jeans",
    "软糯针织开衫 Soft knit cardigan",
    "真丝质感衬衫 Satin shirt",
    "百褶半身裙 Pleated midi skirt",
    "轻薄羽绒服 Light down jacket",
    "休闲西装外套 Casual blazer",
];

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
    /// The daily data written, and the problems planted on its last day.
    pub history: History,
}

/// Loads the demo team if the database has nobody in it yet; `None` when it already had data.
/// The team comes with [`DEFAULT_DAYS`] days of history up to yesterday (see [`history`] for the
/// problems planted on yesterday).
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
    let shop = Shop {
        name: "示范旗舰店 Demo Flagship Store".into(),
        platform: Platform::Tmall,
        products: 8,
        // Two heroes (主推款) among eight.
        hero_every: 4,
    };
    let seeded = seed_team(db, shop, people, DEFAULT_DAYS).await?;
    // The morning review is ready when the demo opens: yesterday's diagnosis has been run.
    let operator = crate::services::auth::Actor::operator();
    crate::services::diagnosis::run(db, &operator, seeded.team_id, None, Utc::now()).await?;
    Ok(Some(seeded))
}

/// [`seed_generated_with_history`] with [`DEFAULT_DAYS`] days of history.
pub async fn seed_generated(db: &DatabaseConnection, size: usize) -> AppResult<Seeded> {
    seed_generated_with_history(db, size, DEFAULT_DAYS).await
}

/// A generated team of `size` people (one manager, then customer service 40 %, designers,
/// promotion and operations 20 % each) and about `size / 4` products (a tenth of them heroes,
/// each with a designer), with `days` days of daily history up to yesterday. All share the demo
/// password. The same `size` and `days` give the same figures (the names carry a timestamp so
/// that several teams fit in one database).
pub async fn seed_generated_with_history(
    db: &DatabaseConnection,
    size: usize,
    days: u32,
) -> AppResult<Seeded> {
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
    let shop = Shop {
        name: format!("Seed shop {tag}"),
        platform: Platform::Taobao,
        products: (size / 4).clamp(4, 2_000),
        hero_every: 10,
    };
    seed_team(db, shop, people, days).await
}

struct Shop {
    name: String,
    platform: Platform,
    products: usize,
    /// Every n-th product (from the first) is a hero.
    hero_every: usize,
}

/// Inserts a team, its people (admins outside it), their aliases and its products in one
/// transaction with multi-row inserts (the password is hashed once for everybody), then writes
/// `days` days of history through the import and target services.
async fn seed_team(
    db: &DatabaseConnection,
    shop: Shop,
    people: Vec<Person>,
    days: u32,
) -> AppResult<Seeded> {
    let hash = Hasher::offline().hash(DEMO_PASSWORD.into()).await?;
    let now = Utc::now();
    let txn = db::begin_write(db).await?;
    let team = team::ActiveModel {
        name: Set(shop.name),
        platform: Set(shop.platform),
        time_zone: Set(crate::services::teams::DEFAULT_TIME_ZONE.into()),
        currency: Set("CNY".into()),
        cs_ranking_visible: Set(true),
        data_version: Set(0),
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
            session_epoch: Set(0),
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
    // In the order the people were listed, so that the history does not depend on ids.
    let of_role = |role: Role| -> Vec<i64> {
        people
            .iter()
            .filter(|p| p.role == Some(role) && p.access != Access::Admin)
            .filter_map(|p| id_of(&p.email))
            .collect()
    };
    let designers = of_role(Role::Designer);
    let items: Vec<product::ActiveModel> = (0..shop.products)
        .map(|i| product::ActiveModel {
            team_id: Set(team.id),
            platform_item_id: Set(format!("{}", 600_000_000_000_i64 + i as i64)),
            title: Set(if shop.products <= APPAREL.len() {
                APPAREL[i].to_owned()
            } else {
                format!("{} #{}", APPAREL[i % APPAREL.len()], i + 1)
            }),
            is_hero: Set(i % shop.hero_every.max(1) == 0),
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
    let products = product::Entity::find()
        .filter(product::Column::TeamId.eq(team.id))
        .order_by_asc(product::Column::PlatformItemId)
        .all(&txn)
        .await?;
    txn.commit().await?;

    let roster = history::Roster {
        names: members.iter().map(|m| (m.id, m.name.clone())).collect(),
        agents: of_role(Role::CustomerService),
        designers,
        promoters: of_role(Role::Promotion),
        products: products
            .iter()
            .enumerate()
            .map(|(i, p)| history::Item {
                id: p.id,
                title: p.title.clone(),
                hero: p.is_hero,
                designer: p.designer_id,
                price_fen: history::list_price_fen(i, p.is_hero),
                cost_fen: p.unit_cost_fen,
            })
            .collect(),
    };
    // The imports run as the seeded admin where there is one, else as the system.
    let admin_id = match people.iter().find(|p| p.access == Access::Admin) {
        Some(admin) => staff::Entity::find()
            .filter(staff::Column::Email.eq(admin.email.as_str()))
            .one(db)
            .await?
            .map_or(0, |s| s.id),
        None => 0,
    };
    let actor = Actor {
        id: admin_id,
        team_id: None,
        access: Access::Admin,
        role: None,
    };
    let history = history::seed(db, &actor, team.id, &roster, days).await?;
    let logins = people
        .into_iter()
        .map(|p| (p.email, p.access, p.role))
        .collect();
    Ok(Seeded {
        team_id: team.id,
        logins,
        history,
    })
}
