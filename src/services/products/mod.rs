//! Products (宝贝): the items a shop sells, which of them are heroes (主推款), who designs them.

use chrono::Utc;
use rust_decimal::Decimal;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use crate::entities::{Role, product, staff};
use crate::error::{AppError, AppResult};
use crate::pagination::{self, Page, PageRequest};
use crate::services::auth::Actor;
use crate::services::teams;
use crate::validate::Checks;

#[derive(Debug)]
pub struct NewProduct {
    pub team_id: i64,
    pub platform_item_id: String,
    pub title: String,
    pub is_hero: Option<bool>,
    pub designer_id: Option<i64>,
    pub unit_cost: Option<Decimal>,
}

/// Fields left out (`None`) are unchanged; `designer_id: Some(None)` removes the designer.
#[derive(Debug, Default)]
pub struct ProductChanges {
    pub platform_item_id: Option<String>,
    pub title: Option<String>,
    pub is_hero: Option<bool>,
    pub designer_id: Option<Option<i64>>,
    pub unit_cost: Option<Decimal>,
}

#[derive(Debug, Default)]
pub struct ProductFilter {
    pub team_id: Option<i64>,
    pub is_hero: Option<bool>,
    pub designer_id: Option<i64>,
    pub active: Option<bool>,
}

async fn find(db: &DatabaseConnection, id: i64) -> AppResult<product::Model> {
    product::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::not_found(format!("product {id}")))
}

/// Every member of the team may see its products.
pub async fn get(db: &DatabaseConnection, actor: &Actor, id: i64) -> AppResult<product::Model> {
    let product = find(db, id).await?;
    actor.ensure_member_of(product.team_id)?;
    Ok(product)
}

pub async fn list(
    db: &DatabaseConnection,
    actor: &Actor,
    filter: ProductFilter,
    page: PageRequest,
) -> AppResult<Page<product::Model>> {
    let mut select = product::Entity::find();
    if let Some(team) = actor.team_scope(filter.team_id)? {
        select = select.filter(product::Column::TeamId.eq(team));
    }
    if let Some(hero) = filter.is_hero {
        select = select.filter(product::Column::IsHero.eq(hero));
    }
    if let Some(designer) = filter.designer_id {
        select = select.filter(product::Column::DesignerId.eq(designer));
    }
    if let Some(active) = filter.active {
        select = select.filter(product::Column::Active.eq(active));
    }
    pagination::fetch(db, select, product::Column::Id, page).await
}

async fn check_designer(
    db: &DatabaseConnection,
    checks: &mut Checks,
    team_id: i64,
    designer_id: i64,
) -> AppResult<()> {
    let designer = staff::Entity::find_by_id(designer_id).one(db).await?;
    let fits = designer
        .is_some_and(|d| d.team_id == Some(team_id) && d.role == Some(Role::Designer) && d.active);
    if !fits {
        checks.fail(
            "designerId",
            "must be an active DESIGNER of the product's team",
        );
    }
    Ok(())
}

async fn ensure_item_id_free(
    db: &DatabaseConnection,
    team_id: i64,
    item_id: &str,
) -> AppResult<()> {
    let taken = product::Entity::find()
        .filter(product::Column::TeamId.eq(team_id))
        .filter(product::Column::PlatformItemId.eq(item_id))
        .one(db)
        .await?;
    if let Some(p) = taken {
        return Err(AppError::conflict(format!(
            "item {item_id} is already product {} of this team",
            p.id
        )));
    }
    Ok(())
}

/// The team's manager or an admin.
pub async fn create(
    db: &DatabaseConnection,
    actor: &Actor,
    input: NewProduct,
) -> AppResult<product::Model> {
    let team_id = input.team_id;
    actor.ensure_manager_of(team_id)?;
    teams::get_active(db, team_id).await?;
    let mut checks = Checks::default();
    let item_id = checks.text("platformItemId", &input.platform_item_id, 64);
    let title = checks.text("title", &input.title, 200);
    let cost = checks.money("unitCost", input.unit_cost.unwrap_or_default());
    if let Some(designer) = input.designer_id {
        check_designer(db, &mut checks, team_id, designer).await?;
    }
    checks.finish()?;
    ensure_item_id_free(db, team_id, &item_id).await?;
    let now = Utc::now();
    let product = product::ActiveModel {
        team_id: Set(team_id),
        platform_item_id: Set(item_id),
        title: Set(title),
        is_hero: Set(input.is_hero.unwrap_or(false)),
        designer_id: Set(input.designer_id),
        unit_cost_fen: Set(cost),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    Ok(product.insert(db).await?)
}

pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    changes: ProductChanges,
) -> AppResult<product::Model> {
    let product = find(db, id).await?;
    actor.ensure_manager_of(product.team_id)?;
    let mut checks = Checks::default();
    let item_id = changes
        .platform_item_id
        .map(|i| checks.text("platformItemId", &i, 64));
    let title = changes.title.map(|t| checks.text("title", &t, 200));
    let cost = changes.unit_cost.map(|c| checks.money("unitCost", c));
    if let Some(Some(designer)) = changes.designer_id {
        check_designer(db, &mut checks, product.team_id, designer).await?;
    }
    checks.finish()?;
    if let Some(item_id) = &item_id
        && *item_id != product.platform_item_id
    {
        ensure_item_id_free(db, product.team_id, item_id).await?;
    }
    let mut model: product::ActiveModel = product.into();
    if let Some(item_id) = item_id {
        model.platform_item_id = Set(item_id);
    }
    if let Some(title) = title {
        model.title = Set(title);
    }
    if let Some(hero) = changes.is_hero {
        model.is_hero = Set(hero);
    }
    if let Some(designer) = changes.designer_id {
        model.designer_id = Set(designer);
    }
    if let Some(cost) = cost {
        model.unit_cost_fen = Set(cost);
    }
    model.updated_at = Set(Utc::now());
    Ok(model.update(db).await?)
}

/// A delisted product keeps its history; it can be listed again.
pub async fn set_active(
    db: &DatabaseConnection,
    actor: &Actor,
    id: i64,
    active: bool,
) -> AppResult<product::Model> {
    let product = find(db, id).await?;
    actor.ensure_manager_of(product.team_id)?;
    let mut model: product::ActiveModel = product.into();
    model.active = Set(active);
    model.updated_at = Set(Utc::now());
    Ok(model.update(db).await?)
}
