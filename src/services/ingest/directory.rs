//! Resolves the people and products that imported rows name, once per batch.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use sea_orm::{ActiveEnum, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter};

use crate::entities::{Role, product, staff, staff_alias};
use crate::error::AppResult;
use crate::validate::Checks;
use crate::validate::normalize_email;

pub struct Directory {
    /// How many names were not found, so far.
    misses: AtomicUsize,
    staff: HashMap<i64, staff::Model>,
    by_email: HashMap<String, i64>,
    by_alias: HashMap<String, i64>,
    /// Names are not unique; a name that two people share resolves to neither.
    by_name: HashMap<String, Vec<i64>>,
    products: HashMap<i64, product::Model>,
    by_item_id: HashMap<String, i64>,
}

impl Directory {
    pub async fn load(tx: &DatabaseTransaction, team_id: i64) -> AppResult<Self> {
        let people = staff::Entity::find()
            .filter(staff::Column::TeamId.eq(team_id))
            .all(tx)
            .await?;
        let aliases = staff_alias::Entity::find()
            .filter(staff_alias::Column::TeamId.eq(team_id))
            .all(tx)
            .await?;
        let products = product::Entity::find()
            .filter(product::Column::TeamId.eq(team_id))
            .all(tx)
            .await?;
        let mut by_name: HashMap<String, Vec<i64>> = HashMap::new();
        for p in &people {
            by_name
                .entry(p.name.trim().to_owned())
                .or_default()
                .push(p.id);
        }
        Ok(Self {
            misses: Default::default(),
            by_email: people.iter().map(|p| (p.email.clone(), p.id)).collect(),
            by_alias: aliases.into_iter().map(|a| (a.alias, a.staff_id)).collect(),
            by_name,
            staff: people.into_iter().map(|p| (p.id, p)).collect(),
            by_item_id: products
                .iter()
                .map(|p| (p.platform_item_id.clone(), p.id))
                .collect(),
            products: products.into_iter().map(|p| (p.id, p)).collect(),
        })
    }

    /// A team member given by id, or by e-mail, chat alias or name (tried in that order). A row
    /// names someone exactly one way; `role`, when given, is the role they must have.
    pub fn person(
        &self,
        checks: &mut Checks,
        field: &str,
        id: Option<i64>,
        name: Option<&str>,
        role: Option<Role>,
    ) -> i64 {
        let found = match (id, name.map(str::trim)) {
            (Some(id), None) => self.staff.get(&id).map(|s| s.id),
            (None, Some(name)) if !name.is_empty() => self.find_person(name),
            _ => {
                checks.fail(field, "name the person by id or by e-mail, alias or name");
                return 0;
            }
        };
        let Some(staff) = found.and_then(|id| self.staff.get(&id)) else {
            let given = name.map_or_else(|| id.unwrap_or(0).to_string(), str::to_owned);
            checks.fail(field, format!("no one in this team is known as {given:?}"));
            self.misses.fetch_add(1, Ordering::Relaxed);
            return 0;
        };
        if let Some(role) = role
            && staff.role != Some(role)
        {
            checks.fail(
                field,
                format!("{} is not a {}", staff.name, role.to_value()),
            );
        }
        staff.id
    }

    /// How many people and products rows named that the team does not have.
    pub fn misses(&self) -> usize {
        self.misses.load(Ordering::Relaxed)
    }

    fn find_person(&self, name: &str) -> Option<i64> {
        if let Some(id) = self.by_email.get(&normalize_email(name)) {
            return Some(*id);
        }
        if let Some(id) = self.by_alias.get(name) {
            return Some(*id);
        }
        match self.by_name.get(name).map(Vec::as_slice) {
            Some([one]) => Some(*one),
            _ => None,
        }
    }

    /// A product of the team, by id or platform item id (商品ID).
    pub fn product(
        &self,
        checks: &mut Checks,
        field: &str,
        id: Option<i64>,
        item_id: Option<&str>,
    ) -> Option<&product::Model> {
        let found = match (id, item_id.map(str::trim)) {
            (Some(id), None) => self.products.get(&id),
            (None, Some(item)) if !item.is_empty() => self
                .by_item_id
                .get(item)
                .and_then(|id| self.products.get(id)),
            _ => {
                checks.fail(field, "name the product by id or by platform item id");
                return None;
            }
        };
        if found.is_none() {
            let given = item_id.map_or_else(|| id.unwrap_or(0).to_string(), str::to_owned);
            checks.fail(field, format!("this team has no product {given:?}"));
            self.misses.fetch_add(1, Ordering::Relaxed);
        }
        found
    }
}
