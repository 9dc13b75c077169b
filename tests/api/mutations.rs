//! One mutation convention (issue 16; README, "API: one input, one payload per mutation"): every
//! mutation `fooBar` takes exactly one argument, `input: FooBarInput!`, and returns
//! `FooBarPayload!`. The SDL is the contract, so the check reads `schema/schema.graphql`.

use async_graphql::parser::parse_schema;
use async_graphql::parser::types::{TypeKind, TypeSystemDefinition};

/// Each mutation off the convention, as `name(arguments): Type`.
fn off_convention(sdl: &str) -> Vec<String> {
    let document = parse_schema(sdl).expect("the SDL parses");
    let mut off = Vec::new();
    for definition in document.definitions {
        let TypeSystemDefinition::Type(t) = definition else {
            continue;
        };
        let (true, TypeKind::Object(o)) = (t.node.name.node == "Mutation", &t.node.kind) else {
            continue;
        };
        for field in &o.fields {
            let field = &field.node;
            let name = field.name.node.as_str();
            let stem = format!("{}{}", name[..1].to_uppercase(), &name[1..]);
            let args: Vec<String> = field
                .arguments
                .iter()
                .map(|a| format!("{}: {}", a.node.name.node, a.node.ty.node))
                .collect();
            let returns = field.ty.node.to_string();
            if args != [format!("input: {stem}Input!")] || returns != format!("{stem}Payload!") {
                off.push(format!("{name}({}): {returns}", args.join(", ")));
            }
        }
    }
    off
}

#[test]
fn every_mutation_takes_one_input_and_returns_its_payload() {
    let path = format!("{}/schema/schema.graphql", env!("CARGO_MANIFEST_DIR"));
    let sdl = std::fs::read_to_string(&path).unwrap();
    let off = off_convention(&sdl);
    assert!(off.is_empty(), "mutations off the convention: {off:#?}");
}

/// The check itself: positional arguments, a second argument, another input type or a bare
/// result are each found.
#[test]
fn mutations_off_the_convention_are_found() {
    let sdl = r#"
        type Query { a: Int }
        type Mutation {
          createTeam(input: CreateTeamInput!): CreateTeamPayload!
          moveTask(id: ID!, version: Int!): Task!
          updateTeam(id: ID!, input: UpdateTeamInput!): UpdateTeamPayload!
          createStaff(input: NewStaff!): CreateStaffPayload!
          login(input: LoginInput!): Boolean!
        }
    "#;
    assert_eq!(
        off_convention(sdl),
        [
            "moveTask(id: ID!, version: Int!): Task!",
            "updateTeam(id: ID!, input: UpdateTeamInput!): UpdateTeamPayload!",
            "createStaff(input: NewStaff!): CreateStaffPayload!",
            "login(input: LoginInput!): Boolean!",
        ]
    );
}
