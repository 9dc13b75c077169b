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

/// A count that is NULL when not given, with no default: never negative either.
pub fn count_null(col: impl IntoIden) -> ColumnDef {
    let col = col.into_iden();
    big_integer_null(col.clone())
        .check(Expr::col(col).gte(0))
        .take()
}

/// `count_null` if `nullable`, else `count`.
pub fn count_or_null(col: impl IntoIden, nullable: bool) -> ColumnDef {
    if nullable {
        count_null(col)
    } else {
        count(col)
    }
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

/// Rebuilds a SQLite table as `create` defines it, which is how SQLite changes a column's NOT
/// NULL, DEFAULT or CHECK: its rows and ids are copied, its AUTOINCREMENT counter is carried
/// over (so no id, even of a row deleted since, is handed out twice) and `indexes` are created
/// again. `create` must list the old table's columns in their order, for `SELECT *` to copy
/// across; nothing may refer to the table, or the rename would redirect the reference.
pub async fn rebuild_sqlite_table(
    manager: &SchemaManager<'_>,
    create: TableCreateStatement,
    indexes: &[IndexCreateStatement],
) -> Result<(), DbErr> {
    let table = match create.get_table_name() {
        Some(TableRef::Table(TableName(_, name), _)) => name.to_string(),
        other => unreachable!("a rebuilt table is named by itself, not {other:?}"),
    };
    let old = format!("{table}_old");
    let mut steps = vec![
        format!("ALTER TABLE \"{table}\" RENAME TO \"{old}\""),
        create.to_string(SqliteQueryBuilder),
        format!("INSERT INTO \"{table}\" SELECT * FROM \"{old}\""),
        // The larger of the two counters (a copy of no rows has none).
        format!(
            "DELETE FROM sqlite_sequence WHERE name = '{table}' AND seq < (SELECT seq FROM \
             sqlite_sequence WHERE name = '{old}')"
        ),
        format!(
            "INSERT INTO sqlite_sequence (name, seq) SELECT '{table}', seq FROM sqlite_sequence \
             WHERE name = '{old}' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = \
             '{table}')"
        ),
        format!("DROP TABLE \"{old}\""),
    ];
    steps.extend(indexes.iter().map(|i| i.to_string(SqliteQueryBuilder)));
    // One call runs the steps on one connection, in order: the pool's others may lag behind.
    manager
        .get_connection()
        .execute_unprepared(&steps.join(";\n"))
        .await?;
    Ok(())
}
