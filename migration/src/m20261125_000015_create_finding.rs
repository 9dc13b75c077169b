use sea_orm_migration::{prelude::*, schema::*};

use crate::helpers::{foreign_key, index, team_key};
use crate::m20261122_000002_create_staff::Staff;
use crate::m20261125_000014_create_diagnosis::Diagnosis;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A rule that fired (§5). `(diagnosis_id, code, subject)` is its natural key: a re-run updates
/// the finding in place, so tasks made from it keep their link. One that no longer fires is
/// deleted, or kept with `current = false` when a task refers to it. `observed` / `expected` are
/// exact decimals as text; the shares split a sales shortfall (§3 identity).
#[derive(DeriveIden)]
pub enum Finding {
    Table,
    Id,
    DiagnosisId,
    TeamId,
    Code,
    Subject,
    Severity,
    Metric,
    Observed,
    Expected,
    Comparison,
    OwnerRole,
    OwnerStaffId,
    Message,
    SuggestedAction,
    GmvChangeFen,
    TrafficShare,
    ConversionShare,
    AovShare,
    Current,
    Position,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use Finding::*;
        manager
            .create_table(
                sea_orm_migration::prelude::Table::create()
                    .table(Table)
                    .col(big_pk_auto(Id))
                    .col(big_integer(DiagnosisId))
                    .col(big_integer(TeamId))
                    .col(string_len(Code, 32))
                    .col(string_len(Subject, 160))
                    .col(
                        string_len(Severity, 8)
                            .check(Expr::col(Severity).is_in(["HIGH", "MEDIUM", "LOW"])),
                    )
                    .col(string_len(Metric, 32))
                    .col(string_len_null(Observed, 40))
                    .col(string_len_null(Expected, 40))
                    .col(string_len(Comparison, 24))
                    .col(string_len(OwnerRole, 24))
                    .col(big_integer_null(OwnerStaffId))
                    .col(text(Message))
                    .col(text(SuggestedAction))
                    .col(big_integer_null(GmvChangeFen))
                    .col(double_null(TrafficShare))
                    .col(double_null(ConversionShare))
                    .col(double_null(AovShare))
                    .col(boolean(Current))
                    .col(integer(Position))
                    .foreign_key(&mut team_key(Table, TeamId))
                    .foreign_key(&mut foreign_key(
                        Table,
                        DiagnosisId,
                        Diagnosis::Table,
                        Diagnosis::Id,
                    ))
                    .foreign_key(&mut foreign_key(
                        Table,
                        OwnerStaffId,
                        Staff::Table,
                        Staff::Id,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                Table,
                vec![
                    DiagnosisId.into_iden(),
                    Code.into_iden(),
                    Subject.into_iden(),
                ],
                true,
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Finding::Table).to_owned())
            .await
    }
}
