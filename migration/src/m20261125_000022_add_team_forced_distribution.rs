use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261122_000001_create_team::Team;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum TeamReview {
    ForcedDistribution,
}

/// The team's optional forced distribution of grades (§7), as JSON: cumulative quotas from the
/// top grade down, e.g. `[{"grade":"S","max":"0.1"},{"grade":"A","max":"0.3"}]` (S ≤ 10 %,
/// S+A ≤ 30 %). Null: none.
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Team::Table)
                    .add_column(text_null(TeamReview::ForcedDistribution))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Team::Table)
                    .drop_column(TeamReview::ForcedDistribution)
                    .to_owned(),
            )
            .await
    }
}
