//! The schema's one extension: every document's depth ([`depth`]) and every operation's cost
//! ([`cost`]) checked before it runs, and a panic in a resolver made that root field's
//! `INTERNAL` error, not an HTTP 500: the other fields of the document still answer, so a client
//! sees exactly which mutations were committed.
//!
//! One extension rather than one per concern: async-graphql runs every field through each
//! extension's `resolve` (a boxed future apiece, even for an extension that only passes it on),
//! and a page of 100 rows has hundreds of fields.

use std::{panic::AssertUnwindSafe, sync::Arc};

use async_graphql::{
    PathSegment, ServerError, ServerResult, ValidationResult, Value, Variables,
    extensions::{
        Extension, ExtensionContext, ExtensionFactory, NextParseQuery, NextResolve, NextValidation,
        ResolveInfo,
    },
    futures_util::FutureExt,
    parser::types::ExecutableDocument,
};

use super::{cost, depth};

/// The limits: the deepest nesting and the highest cost accepted.
#[derive(Clone, Copy)]
pub struct Guards {
    pub max_depth: usize,
    pub max_cost: usize,
}

impl ExtensionFactory for Guards {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(*self)
    }
}

#[async_graphql::async_trait::async_trait]
impl Extension for Guards {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let document = next.run(ctx, query, variables).await?;
        depth::check(&document, self.max_depth)?;
        Ok(document)
    }

    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        let result = next.run(ctx).await?;
        cost::check(result.complexity, self.max_cost, ctx.data_opt()).map_err(|e| vec![e])?;
        Ok(result)
    }

    async fn resolve(
        &self,
        ctx: &ExtensionContext<'_>,
        info: ResolveInfo<'_>,
        next: NextResolve<'_>,
    ) -> ServerResult<Option<Value>> {
        // Only root fields: a nested panic unwinds to its root field, and the rest cost nothing.
        if info.path_node.parent.is_some() {
            return next.run(ctx, info).await;
        }
        let name = info.alias.unwrap_or(info.name).to_owned();
        match AssertUnwindSafe(next.run(ctx, info)).catch_unwind().await {
            Ok(result) => result,
            Err(panic) => {
                let what = panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                tracing::error!(field = %name, panic = %what, "resolver panicked");
                let mut err = ServerError::new("internal error", None);
                err.path = vec![PathSegment::Field(name)];
                err.extensions
                    .get_or_insert_with(Default::default)
                    .set("code", "INTERNAL");
                Err(err)
            }
        }
    }
}
