//! The depth limit, with introspection counted apart. async-graphql's own `limit_depth` counts
//! the fields under `__schema` and `__type` too, and the introspection query that GraphiQL,
//! graphql-codegen and Postman send nests its type references about 15 levels deep, past any
//! limit that suits real queries. Here a query's own fields are held to the configured depth,
//! and an introspection subtree to [`INTROSPECTION_DEPTH`]: enough for the standard query, and
//! still a bound (its lists are the schema's, whose size is fixed).

use std::collections::HashSet;

use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{ServerError, ServerResult};

/// The deepest accepted nesting inside `__schema` or `__type`, counted from that field (1): the
/// standard introspection query reaches 15 (`__schema`, `types`, `fields`, `args`, `type`, then
/// `ofType` nine times in graphql-js's `TypeRef`, and a leaf).
pub const INTROSPECTION_DEPTH: usize = 20;

/// Refuses a document nested deeper than `max` in its own fields, or than
/// [`INTROSPECTION_DEPTH`] inside an introspection field (run on every parsed document by
/// [`super::guards`]).
pub fn check(document: &ExecutableDocument, max: usize) -> ServerResult<()> {
    let depth = Depths::of(document);
    if depth.fields > max {
        return Err(too_deep(
            format!(
                "query is too deep: it nests {} levels, the limit is {max}",
                depth.fields
            ),
            depth.fields,
            max,
        ));
    }
    if depth.introspection > INTROSPECTION_DEPTH {
        return Err(too_deep(
            format!(
                "introspection is too deep: it nests {} levels, the limit is \
                 {INTROSPECTION_DEPTH}",
                depth.introspection
            ),
            depth.introspection,
            INTROSPECTION_DEPTH,
        ));
    }
    Ok(())
}

/// The deepest nesting of a document's operations, fragments inlined: of its own fields, and
/// inside an introspection field (counted from it).
#[derive(Debug, Default, PartialEq)]
struct Depths {
    fields: usize,
    introspection: usize,
}

impl Depths {
    fn of(document: &ExecutableDocument) -> Self {
        let mut depths = Self::default();
        for (_, operation) in document.operations.iter() {
            let mut walk = Walk {
                document,
                depths: &mut depths,
                spreading: HashSet::new(),
            };
            walk.set(&operation.node.selection_set.node, 0, None);
        }
        depths
    }
}

struct Walk<'a> {
    document: &'a ExecutableDocument,
    depths: &'a mut Depths,
    /// The fragments being spread on the current path: a cycle (which validation refuses) is
    /// not followed.
    spreading: HashSet<&'a str>,
}

impl<'a> Walk<'a> {
    /// `level`: the depth of the set's parent field; `introspection`: the level of the
    /// introspection field above, if any.
    fn set(&mut self, set: &'a SelectionSet, level: usize, introspection: Option<usize>) {
        for item in &set.items {
            match &item.node {
                Selection::Field(field) => {
                    let field = &field.node;
                    let level = level + 1;
                    let name = field.name.node.as_str();
                    let introspection = introspection
                        .or((name == "__schema" || name == "__type").then_some(level - 1));
                    match introspection {
                        Some(from) => {
                            let inner = level - from;
                            self.depths.introspection = self.depths.introspection.max(inner);
                        }
                        None => self.depths.fields = self.depths.fields.max(level),
                    }
                    self.set(&field.selection_set.node, level, introspection);
                }
                Selection::InlineFragment(fragment) => {
                    self.set(&fragment.node.selection_set.node, level, introspection);
                }
                Selection::FragmentSpread(spread) => {
                    let name = spread.node.fragment_name.node.as_str();
                    let Some(fragment) = self.document.fragments.get(name) else {
                        continue;
                    };
                    if self.spreading.insert(name) {
                        self.set(&fragment.node.selection_set.node, level, introspection);
                        self.spreading.remove(name);
                    }
                }
            }
        }
    }
}

fn too_deep(message: String, depth: usize, max: usize) -> ServerError {
    let mut err = ServerError::new(message, None);
    let ext = err.extensions.get_or_insert_with(Default::default);
    ext.set("code", "BAD_USER_INPUT");
    ext.set("depth", depth);
    ext.set("limit", max);
    err
}

#[cfg(test)]
mod tests {
    use async_graphql::parser::parse_query;

    use super::*;

    fn depths(query: &str) -> Depths {
        Depths::of(&parse_query(query).unwrap())
    }

    #[test]
    fn fields_are_counted_through_fragments_and_introspection_apart() {
        // staff(1) > edges(2) > node(3) > team(4) > name(5), the last two through fragments.
        let q = "{ staff { edges { node { ...P } } } } fragment P on Staff { ... on Staff { team { name } } }";
        assert_eq!(
            depths(q),
            Depths {
                fields: 5,
                introspection: 0
            }
        );
        // __schema(1) > types(2) > fields(3) > type(4) > ofType(5) > name(6); `me { id }` is 2.
        let q = "{ me { id } __schema { types { fields { type { ofType { name } } } } } }";
        assert_eq!(
            depths(q),
            Depths {
                fields: 2,
                introspection: 6
            }
        );
        // Inside a field, `__type` counts from itself; the field above counts as the query's.
        let q = "{ me { __type(name: \"Staff\") { name } } }";
        assert_eq!(
            depths(q),
            Depths {
                fields: 1,
                introspection: 2
            }
        );
    }

    #[test]
    fn a_fragment_cycle_is_not_followed() {
        // me(1) > team(2), where A's second spread stops.
        let q = "{ me { ...A } } fragment A on Staff { team { ...A } }";
        assert_eq!(
            depths(q),
            Depths {
                fields: 2,
                introspection: 0
            }
        );
    }
}
