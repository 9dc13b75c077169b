use crate::graphql::scalars::Decimal;
use async_graphql::{Context, InputObject, MaybeUndefined, Object, SimpleObject};

use crate::entities::product;
use crate::error::AppResult;
use crate::graphql::staff::Staff;
use crate::graphql::{
    context::{actor, db, loaders},
    id::Id,
    loaders::load_error,
    relay::{IdConnection, connection, page_request},
};
use crate::money;
use crate::services::products;

pub struct Product(pub product::Model);

/// An item the shop sells (宝贝).
#[Object]
impl Product {
    /// The product's id.
    async fn id(&self) -> Id {
        Id(self.0.id)
    }
    /// The team that sells it.
    async fn team_id(&self) -> Id {
        Id(self.0.team_id)
    }
    /// The platform's item id (商品ID).
    async fn platform_item_id(&self) -> &str {
        &self.0.platform_item_id
    }
    /// The item's title.
    async fn title(&self) -> &str {
        &self.0.title
    }
    /// 主推款.
    async fn is_hero(&self) -> bool {
        self.0.is_hero
    }
    /// The designer (美工) who owns the item's images; null for none.
    async fn designer_id(&self) -> Option<Id> {
        self.0.designer_id.map(Id)
    }
    /// The owning designer's profile, when the caller may see it (§9: staff see only their own).
    async fn designer(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        let Some(id) = self.0.designer_id else {
            return Ok(None);
        };
        let viewer = actor(ctx)?;
        let designer = loaders(ctx).staff.load_one(id).await.map_err(load_error)?;
        Ok(designer.filter(|d| viewer.can_view_staff(d)).map(Staff))
    }
    /// Cost per unit, in yuan.
    async fn unit_cost(&self) -> Decimal {
        money::from_fen(self.0.unit_cost_fen).into()
    }
    /// Listed; false once delisted (its history stays).
    async fn active(&self) -> bool {
        self.0.active
    }
}

#[derive(Default)]
pub struct ProductQuery;

#[Object]
impl ProductQuery {
    /// One product. Every member of its team (admins: any).
    async fn product(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The product's id.")] id: Id,
    ) -> AppResult<Product> {
        crate::services::products::get(db(ctx), actor(ctx)?, id.0)
            .await
            .map(Product)
    }

    /// Products of your team (admins: any team, or all), by id. A Relay connection (`first` at
    /// most 100).
    #[graphql(complexity = "crate::graphql::cost::page(first, child_complexity)")]
    async fn products(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size, 1 to 100.", default = 20)] first: i32,
        #[graphql(desc = "The cursor of the last edge of the previous page.")] after: Option<
            String,
        >,
        #[graphql(desc = "Which products; empty for all the caller may see.", default)]
        filter: ProductFilter,
    ) -> AppResult<IdConnection<Product>> {
        let after_given = after.is_some();
        let page = page_request(first, after)?;
        let products =
            crate::services::products::list(db(ctx), actor(ctx)?, filter.into(), page).await?;
        Ok(connection(products, after_given, |p| p.id, Product))
    }
}

#[derive(Default)]
pub struct ProductMutation;

#[Object]
impl ProductMutation {
    /// The team's manager or an admin.
    async fn create_product(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A new item of a team.")] input: CreateProductInput,
    ) -> AppResult<CreateProductPayload> {
        let made = products::create(db(ctx), actor(ctx)?, input.into()).await?;
        Ok(CreateProductPayload {
            product: Product(made),
        })
    }

    /// The team's manager or an admin.
    async fn update_product(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The product and its changes.")] input: UpdateProductInput,
    ) -> AppResult<UpdateProductPayload> {
        let id = input.id.0;
        let changed = products::update(db(ctx), actor(ctx)?, id, input.into()).await?;
        Ok(UpdateProductPayload {
            product: Product(changed),
        })
    }

    /// Delists the product; its history stays.
    async fn deactivate_product(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The product to delist.")] input: DeactivateProductInput,
    ) -> AppResult<DeactivateProductPayload> {
        let changed = products::set_active(db(ctx), actor(ctx)?, input.id.0, false).await?;
        Ok(DeactivateProductPayload {
            product: Product(changed),
        })
    }

    /// Lists the product again.
    async fn reactivate_product(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The product to list again.")] input: ReactivateProductInput,
    ) -> AppResult<ReactivateProductPayload> {
        let changed = products::set_active(db(ctx), actor(ctx)?, input.id.0, true).await?;
        Ok(ReactivateProductPayload {
            product: Product(changed),
        })
    }
}

/// A new item of a team.
#[derive(Debug, InputObject)]
pub struct CreateProductInput {
    /// The team that sells it.
    pub team_id: Id,
    /// The platform's item id (商品ID), unique within the team; at most 64 characters.
    pub platform_item_id: String,
    /// The item's title, at most 200 characters.
    pub title: String,
    /// 主推款. Default false.
    pub is_hero: Option<bool>,
    /// The designer (美工) who owns the item's images; must be an active DESIGNER of the team.
    pub designer_id: Option<Id>,
    /// Cost per unit in yuan, at most two decimals. Default 0.
    pub unit_cost: Option<Decimal>,
}

impl From<CreateProductInput> for products::NewProduct {
    fn from(input: CreateProductInput) -> Self {
        Self {
            team_id: input.team_id.0,
            platform_item_id: input.platform_item_id,
            title: input.title,
            is_hero: input.is_hero,
            designer_id: input.designer_id.map(|id| id.0),
            unit_cost: input.unit_cost.map(Into::into),
        }
    }
}

/// What `createProduct` made.
#[derive(SimpleObject)]
pub struct CreateProductPayload {
    /// The new product.
    product: Product,
}

/// The product to change and its changes: fields left out are unchanged; `designerId: null`
/// removes the designer.
#[derive(Debug, InputObject)]
pub struct UpdateProductInput {
    /// The product.
    pub id: Id,
    /// A new platform item id (商品ID), unique within the team; at most 64 characters.
    pub platform_item_id: Option<String>,
    /// A new title, at most 200 characters.
    pub title: Option<String>,
    /// Whether it is a hero item (主推款).
    pub is_hero: Option<bool>,
    /// A new designer (an active DESIGNER of the team), or null for none.
    pub designer_id: MaybeUndefined<Id>,
    /// A new cost per unit in yuan, at most two decimals.
    pub unit_cost: Option<Decimal>,
}

impl From<UpdateProductInput> for products::ProductChanges {
    fn from(input: UpdateProductInput) -> Self {
        Self {
            platform_item_id: input.platform_item_id,
            title: input.title,
            is_hero: input.is_hero,
            designer_id: input.designer_id.map_value(|id| id.0).into(),
            unit_cost: input.unit_cost.map(Into::into),
        }
    }
}

/// What `updateProduct` changed.
#[derive(SimpleObject)]
pub struct UpdateProductPayload {
    /// The product as changed.
    product: Product,
}

/// The product to delist.
#[derive(InputObject)]
pub struct DeactivateProductInput {
    /// The product.
    pub id: Id,
}

/// What `deactivateProduct` changed.
#[derive(SimpleObject)]
pub struct DeactivateProductPayload {
    /// The product, now inactive.
    product: Product,
}

/// The product to list again.
#[derive(InputObject)]
pub struct ReactivateProductInput {
    /// The product.
    pub id: Id,
}

/// What `reactivateProduct` changed.
#[derive(SimpleObject)]
pub struct ReactivateProductPayload {
    /// The product, active again.
    product: Product,
}

/// Which products to list; every field given must match.
#[derive(Debug, Default, InputObject)]
pub struct ProductFilter {
    /// Only this team's. Admins only: anyone else gets their own team and is refused another.
    pub team_id: Option<Id>,
    /// Only hero items (主推款), or only the others.
    pub is_hero: Option<bool>,
    /// Only this designer's.
    pub designer_id: Option<Id>,
    /// Only listed, or only delisted, products.
    pub active: Option<bool>,
}

impl From<ProductFilter> for products::ProductFilter {
    fn from(input: ProductFilter) -> Self {
        Self {
            team_id: input.team_id.map(|id| id.0),
            is_hero: input.is_hero,
            designer_id: input.designer_id.map(|id| id.0),
            active: input.active,
        }
    }
}
