//! Column and constraint builders shared by the daily-data tables.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_create_team::Team;

/// A `BIGINT NOT NULL DEFAULT 0` that may never be negative: a count, a sum of seconds, or fen.
pub fn count(col: impl IntoIden) -> ColumnDef {
    let col = col.into_iden();
    big_integer(col.clone())
        .default(0)
        .check(Expr::col(col).gte(0))
        .take()
}

/// `fk-<table>-<column>`, restricting deletes: history outlives nothing it refers to.
pub fn foreign_key(
    table: impl IntoIden,
    col: impl IntoIden,
    to_table: impl IntoIden,
    to_col: impl IntoIden,
) -> ForeignKeyCreateStatement {
    let (table, col) = (table.into_iden(), col.into_iden());
    ForeignKey::create()
        .name(format!("fk-{table}-{col}"))
        .from(table, col)
        .to(to_table, to_col)
        .on_delete(ForeignKeyAction::Restrict)
        .take()
}

pub fn team_key(table: impl IntoIden, col: impl IntoIden) -> ForeignKeyCreateStatement {
    foreign_key(table, col, Team::Table, Team::Id)
}

/// `uq-<table>-<cols>` or `idx-<table>-<cols>`.
pub fn index(table: impl IntoIden, cols: Vec<DynIden>, unique: bool) -> IndexCreateStatement {
    let table = table.into_iden();
    let names: Vec<String> = cols.iter().map(|c| c.to_string()).collect();
    let prefix = if unique { "uq" } else { "idx" };
    let mut index = Index::create();
    index
        .name(format!("{prefix}-{table}-{}", names.join("-")))
        .table(table);
    for col in cols {
        index.col(col);
    }
    if unique {
        index.unique();
    }
    index.take()
}
