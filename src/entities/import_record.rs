use sea_orm::entity::prelude::*;

/// One committed import: who, when, through what, which kind and file, and what it did.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "import_record")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub team_id: i64,
    /// The kind's name as the command line spells it (`agent-days`).
    pub kind: String,
    pub via: ImportVia,
    /// NULL for the command-line operator.
    pub actor_id: Option<i64>,
    pub at: DateTimeUtc,
    /// The file's name, digest (lowercase hex SHA-256 of its bytes) and format; all NULL for rows
    /// sent as a GraphQL batch.
    pub file_name: Option<String>,
    pub sha256: Option<String>,
    pub format: Option<String>,
    pub rows: i64,
    pub inserted: i64,
    pub updated: i64,
    /// A JSON list of the warnings listed (at most 100).
    pub warnings: String,
    /// The warnings there were in all.
    pub warning_count: i64,
}

/// How an import came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::N(8))")]
pub enum ImportVia {
    /// A GraphQL mutation: rows in a batch, or an uploaded file.
    #[sea_orm(string_value = "API")]
    Api,
    /// `shopops import`.
    #[sea_orm(string_value = "CLI")]
    Cli,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
