use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};
use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{foreign_key, index, rebuild_sqlite_table};
use crate::m20261122_000002_create_staff::Staff;
use crate::m20261125_000023_create_bonus_plan::BonusPlan;
use crate::m20261125_000026_create_bonus_run::BonusRun;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// `bonus_rule.kind` and `bonus_line.kind` lose the CHECK that listed the rule kinds: the
/// service writes only kinds of its one list (`bonus::rules::Kind`) and refuses to read any
/// other, so a new rule type needs no migration. SQLite cannot drop a constraint: there the
/// table is rebuilt as it was, rows, ids, id counter and index kept; PostgreSQL drops the named CHECK.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [Kinds::Rule, Kinds::Line] {
            table.set_check(manager, false).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [Kinds::Rule, Kinds::Line] {
            table.set_check(manager, true).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum BonusRule {
    Table,
    Id,
    PlanId,
    Position,
    Code,
    Kind,
    Params,
}

#[derive(DeriveIden)]
enum BonusLine {
    Table,
    Id,
    RunId,
    StaffId,
    Position,
    Code,
    Kind,
    Inputs,
    Formula,
    AmountFen,
}

/// The rule kinds of migration 24 (and, with ADJUSTMENT, of 28), for `down`.
const RULE_KINDS: [&str; 5] = [
    "GRADE_BONUS",
    "SCORE_BONUS",
    "COMMISSION",
    "PER_UNIT_OVER_THRESHOLD",
    "TEAM_RELATIVE",
];

#[derive(Clone, Copy)]
enum Kinds {
    Rule,
    Line,
}

impl Kinds {
    fn table(self) -> DynIden {
        match self {
            Kinds::Rule => BonusRule::Table.into_iden(),
            Kinds::Line => BonusLine::Table.into_iden(),
        }
    }

    fn kinds(self) -> Vec<&'static str> {
        let mut kinds = RULE_KINDS.to_vec();
        if let Kinds::Line = self {
            kinds.push("ADJUSTMENT");
        }
        kinds
    }

    /// `kind varchar(32)`, with the CHECK of migrations 24 and 28 if `checked`.
    fn kind(self, col: impl IntoIden, checked: bool) -> ColumnDef {
        let col = col.into_iden();
        let mut kind = string_len(col.clone(), 32);
        if checked {
            kind.check(Expr::col(col).is_in(self.kinds()));
        }
        kind
    }

    /// The table as migrations 24 and 28 create it, the CHECK on `kind` only if `checked`.
    fn create(self, checked: bool) -> (TableCreateStatement, IndexCreateStatement) {
        match self {
            Kinds::Rule => {
                use BonusRule::*;
                let table = sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(big_pk_auto(Id))
                    .col(big_integer(PlanId))
                    .col(integer(Position))
                    .col(string_len(Code, 40))
                    .col(self.kind(Kind, checked))
                    .col(text(Params))
                    .foreign_key(&mut foreign_key(
                        Table,
                        PlanId,
                        BonusPlan::Table,
                        BonusPlan::Id,
                    ))
                    .to_owned();
                let unique = index(Table, vec![PlanId.into_iden(), Code.into_iden()], true);
                (table, unique)
            }
            Kinds::Line => {
                use BonusLine::*;
                let table = sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(big_pk_auto(Id))
                    .col(big_integer(RunId))
                    .col(big_integer(StaffId))
                    .col(integer(Position))
                    .col(string_len(Code, 40))
                    .col(self.kind(Kind, checked))
                    .col(text(Inputs))
                    .col(text(Formula))
                    .col(big_integer(AmountFen))
                    .foreign_key(&mut foreign_key(
                        Table,
                        RunId,
                        BonusRun::Table,
                        BonusRun::Id,
                    ))
                    .foreign_key(&mut foreign_key(Table, StaffId, Staff::Table, Staff::Id))
                    .to_owned();
                let unique = index(
                    Table,
                    vec![RunId.into_iden(), StaffId.into_iden(), Position.into_iden()],
                    true,
                );
                (table, unique)
            }
        }
    }

    async fn set_check(self, manager: &SchemaManager<'_>, checked: bool) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let backend = manager.get_database_backend();
        let table = self.table().to_string();
        let kinds: Vec<String> = self.kinds().iter().map(|k| format!("'{k}'")).collect();
        let kinds = kinds.join(", ");
        if checked {
            // Every row read: a statement left open would keep its connection on an old snapshot.
            let other = db
                .query_all_raw(Statement::from_string(
                    backend,
                    format!("SELECT \"kind\" FROM \"{table}\" WHERE \"kind\" NOT IN ({kinds})"),
                ))
                .await?;
            if let Some(row) = other.first() {
                let kind: String = row.try_get("", "kind")?;
                return Err(DbErr::Migration(format!(
                    "{table} holds kind {kind}, which the old CHECK refuses: remove those rows first"
                )));
            }
        }
        if backend == DbBackend::Postgres {
            // PostgreSQL names a column's CHECK `<table>_<column>_check`.
            let sql = if checked {
                format!(
                    "ALTER TABLE \"{table}\" ADD CONSTRAINT \"{table}_kind_check\" \
                     CHECK (\"kind\" IN ({kinds}))"
                )
            } else {
                format!("ALTER TABLE \"{table}\" DROP CONSTRAINT \"{table}_kind_check\"")
            };
            db.execute_unprepared(&sql).await?;
            return Ok(());
        }
        // Nothing refers to these tables.
        let (create, unique) = self.create(checked);
        rebuild_sqlite_table(manager, create, &[unique]).await?;
        Ok(())
    }
}
