//! The SDL is the contract a dashboard developer reads (issue 16): every type, field, argument,
//! input field and enum value of `schema/schema.graphql` has a description, and an element
//! added without one fails here.

use std::collections::BTreeSet;

use async_graphql::parser::types::{InputValueDefinition, TypeKind, TypeSystemDefinition};
use async_graphql::parser::{Positioned, parse_schema};

fn read(path: &str) -> String {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn described(d: &Option<Positioned<String>>) -> bool {
    d.as_ref().is_some_and(|d| !d.node.trim().is_empty())
}

/// Each argument (`Type.field(arg:)`) or input field (`Input.field`) of `of` and whether it is
/// described.
fn inputs(
    of: &str,
    values: &[Positioned<InputValueDefinition>],
    args: bool,
) -> Vec<(String, bool)> {
    values
        .iter()
        .map(|v| {
            let name = &v.node.name.node;
            let coordinate = if args {
                format!("{of}({name}:)")
            } else {
                format!("{of}.{name}")
            };
            (coordinate, described(&v.node.description))
        })
        .collect()
}

/// The schema coordinates (`Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`) of the
/// elements without a description.
fn undescribed(sdl: &str) -> BTreeSet<String> {
    let document = parse_schema(sdl).expect("the SDL parses");
    let mut all: Vec<(String, bool)> = Vec::new();
    for definition in document.definitions {
        let TypeSystemDefinition::Type(t) = definition else {
            continue;
        };
        let t = t.node;
        let name = t.name.node.to_string();
        all.push((name.clone(), described(&t.description)));
        let fields = match &t.kind {
            TypeKind::Object(o) => &o.fields,
            TypeKind::Interface(i) => &i.fields,
            TypeKind::InputObject(i) => {
                all.extend(inputs(&name, &i.fields, false));
                continue;
            }
            TypeKind::Enum(e) => {
                all.extend(e.values.iter().map(|v| {
                    (
                        format!("{name}.{}", v.node.value.node),
                        described(&v.node.description),
                    )
                }));
                continue;
            }
            TypeKind::Scalar | TypeKind::Union(_) => continue,
        };
        for f in fields {
            let field = format!("{name}.{}", f.node.name.node);
            all.push((field.clone(), described(&f.node.description)));
            all.extend(inputs(&field, &f.node.arguments, true));
        }
    }
    all.into_iter()
        .filter(|(_, described)| !described)
        .map(|(coordinate, _)| coordinate)
        .collect()
}

#[test]
fn every_element_of_the_sdl_is_described() {
    let missing = undescribed(&read("schema/schema.graphql"));
    assert!(
        missing.is_empty(),
        "{} elements have no description; describe them (units, formats, who may see it): {missing:#?}",
        missing.len()
    );
}

/// The check itself: an element without a description is found, one with an empty description
/// too, and described ones are not.
#[test]
fn undescribed_elements_are_found_by_coordinate() {
    let sdl = r#"
        "A day."
        type Day {
          "Visitors."
          visitors: Int
          pageViews(
            "In yuan."
            min: Int, max: Int): Int
          "" bounce: Float
        }
        input DayInput { "The date." date: String, visitors: Int }
        "A channel." enum Channel { "直通车" ZTC DISPLAY }
        type Query { day: Day }
    "#;
    let expected = [
        "Channel.DISPLAY",
        "Day.bounce",
        "Day.pageViews",
        "Day.pageViews(max:)",
        "DayInput",
        "DayInput.visitors",
        "Query",
        "Query.day",
    ];
    assert_eq!(
        undescribed(sdl),
        expected.iter().map(|s| s.to_string()).collect()
    );
}
