//! The payroll sheet of a run (§8): one row per person with staff, role, score, grade, one
//! column per rule (by its code, in role then plan order), the adjustments and the total paid.
//! `files::payroll` writes it as the CSV payroll takes.

use std::collections::HashMap;

use sea_orm::sea_query::Query;
use sea_orm::{ActiveEnum, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use super::rules::Kind;
use crate::entities::{Role, bonus_line, bonus_payout, staff};
use crate::error::{AppError, AppResult};
use crate::money::from_fen;
use crate::period::Month;
use crate::services::auth::Actor;

/// A table: its header, then one row per person, every cell as text (amounts in yuan).
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The sheet of the month's stored run; the team's manager. `NOT_FOUND` before a run is
/// computed.
pub async fn sheet(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    month: Month,
) -> AppResult<Sheet> {
    actor.ensure_manager_of(team_id)?;
    let run = super::find_run(db, team_id, month)
        .await?
        .ok_or_else(|| AppError::not_found(format!("bonus run of {month} (compute it first)")))?;
    let payouts = bonus_payout::Entity::find()
        .filter(bonus_payout::Column::RunId.eq(run.id))
        .order_by_asc(bonus_payout::Column::StaffId)
        .all(db)
        .await?;
    let lines = bonus_line::Entity::find()
        .filter(bonus_line::Column::RunId.eq(run.id))
        .order_by_asc(bonus_line::Column::StaffId)
        .order_by_asc(bonus_line::Column::Position)
        .all(db)
        .await?;
    let names: HashMap<i64, String> = staff::Entity::find()
        .filter(
            staff::Column::Id.in_subquery(
                Query::select()
                    .column(bonus_payout::Column::StaffId)
                    .from(bonus_payout::Entity)
                    .and_where(bonus_payout::Column::RunId.eq(run.id))
                    .to_owned(),
            ),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    Ok(render(&payouts, &lines, &names))
}

/// The columns: each rule code in the order roles (then plans) list them, then ADJUSTMENT.
fn columns(payouts: &[bonus_payout::Model], lines: &[bonus_line::Model]) -> Vec<String> {
    let role_of: HashMap<i64, Role> = payouts.iter().map(|p| (p.staff_id, p.role)).collect();
    let rank = |r: Role| {
        [
            Role::CustomerService,
            Role::Designer,
            Role::Promotion,
            Role::Operations,
        ]
        .iter()
        .position(|x| *x == r)
        .unwrap_or(usize::MAX)
    };
    let mut ordered: Vec<&bonus_line::Model> = lines
        .iter()
        .filter(|l| l.kind != Kind::Adjustment.name())
        .collect();
    ordered.sort_by_key(|l| {
        (
            role_of.get(&l.staff_id).map_or(usize::MAX, |r| rank(*r)),
            l.position,
            l.staff_id,
        )
    });
    let mut codes: Vec<String> = Vec::new();
    for l in ordered {
        if !codes.contains(&l.code) {
            codes.push(l.code.clone());
        }
    }
    codes.push(Kind::Adjustment.name().into());
    codes
}

fn render(
    payouts: &[bonus_payout::Model],
    lines: &[bonus_line::Model],
    names: &HashMap<i64, String>,
) -> Sheet {
    let codes = columns(payouts, lines);
    let mut by_staff: HashMap<i64, HashMap<&str, i64>> = HashMap::new();
    for l in lines {
        *by_staff
            .entry(l.staff_id)
            .or_default()
            .entry(l.code.as_str())
            .or_default() += l.amount_fen;
    }
    let mut header: Vec<String> = ["staff_id", "staff", "role", "score", "grade"]
        .map(String::from)
        .into();
    header.extend(codes.iter().cloned());
    header.push("total".into());
    let mut rows = Vec::with_capacity(payouts.len());
    for p in payouts {
        let amounts = by_staff.get(&p.staff_id);
        let mut row = vec![
            p.staff_id.to_string(),
            names.get(&p.staff_id).cloned().unwrap_or_default(),
            p.role.to_value(),
            p.score.clone().unwrap_or_default(),
            p.grade.map(|g| g.to_value()).unwrap_or_default(),
        ];
        for code in &codes {
            let amount = amounts.and_then(|a| a.get(code.as_str()));
            row.push(amount.map(|f| from_fen(*f).to_string()).unwrap_or_default());
        }
        row.push(from_fen(p.total_fen).to_string());
        rows.push(row);
    }
    Sheet { header, rows }
}
