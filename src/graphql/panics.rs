//! A panic in a resolver becomes that root field's `INTERNAL` error, not an HTTP 500: the other
//! fields of the document still answer, so a client sees exactly which mutations were committed.

use std::{panic::AssertUnwindSafe, sync::Arc};

use async_graphql::{
    PathSegment, ServerError, ServerResult, Value,
    extensions::{Extension, ExtensionContext, ExtensionFactory, NextResolve, ResolveInfo},
    futures_util::FutureExt,
};

pub struct CatchPanics;

impl ExtensionFactory for CatchPanics {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(CatchPanicsExtension)
    }
}

struct CatchPanicsExtension;

#[async_graphql::async_trait::async_trait]
impl Extension for CatchPanicsExtension {
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
