//! The README's example operations run as documented: every ```graphql block and the curl
//! examples, in README order, against the demo team as `serve --demo` loads it.

use serde_json::{Value, json};
use shopops::demo::{self, DEMO_ADMIN_EMAIL, DEMO_PASSWORD};

use crate::helpers::spawn_app;
use crate::ws;

const README: &str = include_str!("../../README.md");

/// Operations the test does not run, by their first line, and why. An operation that cannot run
/// on its own fails the test until it is listed here. None is today: the block with variables
/// gives them in a `# variables:` comment, and the subscription runs over `/graphql/ws`.
const NOT_RUN: &[(&str, &str)] = &[];

struct Operation {
    /// Where it comes from: the README line its block starts on.
    line: usize,
    text: String,
    /// A block's `# variables: {…}` comment, for the operation it follows.
    variables: Value,
    /// From a curl example: sent with the token its section's `login` returned.
    curl: bool,
}

#[tokio::test]
async fn the_readmes_example_operations_run_against_the_demo() {
    let app = spawn_app().await;
    demo::load_demo(&app.db)
        .await
        .unwrap()
        .expect("empty database");
    let manager = app.login("manager@demo.shopops", DEMO_PASSWORD).await;
    let operations = operations(README);
    let first_line = |op: &Operation| op.text.lines().next().unwrap_or("").trim().to_owned();
    let listed = |op: &Operation| NOT_RUN.iter().any(|(line, _)| *line == first_line(op));

    // Subscriptions start before anything runs, so that each sees the events of the blocks
    // before it; at its place in the README it must have received one, with no error.
    let mut socket = ws::connect(&app.url, &manager).await;
    let mut subscriptions = Vec::new();
    for op in operations
        .iter()
        .filter(|op| is_subscription(&op.text) && !listed(op))
    {
        subscriptions.push(socket.subscribe(&op.text, json!({})).await);
    }
    let mut subscriptions = subscriptions.into_iter();

    let mut curl_token: Option<String> = None;
    let mut not_run = Vec::new();
    for op in &operations {
        let first = first_line(op);
        let at = format!("README.md:{} `{first}`", op.line);
        if listed(op) {
            not_run.push(first);
            continue;
        }
        if is_subscription(&op.text) {
            let id = subscriptions.next().unwrap();
            let event = socket.event(&id).await;
            assert!(event["kind"].is_string(), "{at}: {event}");
            continue;
        }
        // Every block is the manager's (the README names no one else); the curl examples sign
        // in themselves, as the admin.
        let token = if op.curl {
            curl_token.clone()
        } else {
            Some(manager.clone())
        };
        let resp = app
            .gql(token.as_deref(), &op.text, op.variables.clone())
            .await;
        assert!(
            resp.get("errors").is_none() && resp["data"].is_object(),
            "{at} does not run as documented (fix the README, or list it in NOT_RUN): {resp}"
        );
        if let Some(token) = resp["data"]["login"]["token"].as_str() {
            curl_token = Some(token.to_owned());
        }
    }
    // Every entry of NOT_RUN is still in the README.
    assert_eq!(
        not_run,
        NOT_RUN.iter().map(|(line, _)| *line).collect::<Vec<_>>()
    );
    // Every block was read, and the curl examples were found: the admin signed in and read who they are.
    let mut blocks: Vec<usize> = operations
        .iter()
        .filter(|op| !op.curl)
        .map(|op| op.line)
        .collect();
    blocks.dedup();
    assert_eq!(blocks.len(), README.matches("```graphql\n").count());
    let curl: Vec<usize> = operations
        .iter()
        .filter(|op| op.curl)
        .map(|op| op.line)
        .collect();
    assert_eq!(curl.len(), 2, "curl examples at lines {curl:?}");
    assert!(curl_token.is_some());
    assert!(
        operations
            .iter()
            .any(|op| op.curl && op.text.contains(DEMO_ADMIN_EMAIL))
    );
}

fn is_subscription(text: &str) -> bool {
    text.trim_start().starts_with("subscription")
}

/// Every operation of the README, in order: those of each ```graphql block (a block may hold
/// several), and the `query` of each JSON body (`-d '…'`) in the section "A first query with curl".
fn operations(readme: &str) -> Vec<Operation> {
    let mut found = Vec::new();
    let mut block: Option<(usize, String)> = None;
    let mut section = "";
    for (i, line) in readme.lines().enumerate() {
        let line_no = i + 1;
        match &mut block {
            Some((start, text)) if line.trim_end() == "```" => {
                let variables: Vec<Value> = text
                    .lines()
                    .filter_map(|l| l.trim().strip_prefix("# variables:"))
                    .map(|v| serde_json::from_str(v).expect("JSON variables"))
                    .collect();
                let ops = split(text);
                assert!(
                    variables.len() <= 1,
                    "README.md:{start}: one `# variables:` a block"
                );
                let last = ops.len() - 1;
                for (i, op) in ops.into_iter().enumerate() {
                    let variables = match variables.first() {
                        Some(v) if i == last => v.clone(),
                        _ => json!({}),
                    };
                    found.push(Operation {
                        line: *start,
                        text: op,
                        variables,
                        curl: false,
                    });
                }
                block = None;
            }
            Some((_, text)) => {
                text.push_str(line);
                text.push('\n');
            }
            None if line.trim_end() == "```graphql" => block = Some((line_no, String::new())),
            None => {
                if let Some(heading) = line.strip_prefix("## ") {
                    section = heading;
                }
                if section == "A first query with curl"
                    && let Some(body) = line.trim().strip_prefix("-d '")
                {
                    let body = &body[..body.rfind('\'').expect("the body's closing quote")];
                    let body: Value = serde_json::from_str(body).expect("a JSON body");
                    found.push(Operation {
                        line: line_no,
                        text: body["query"].as_str().expect("a query").to_owned(),
                        variables: json!({}),
                        curl: true,
                    });
                }
            }
        }
    }
    assert!(block.is_none(), "a ```graphql block is not closed");
    found
}

/// Splits a document into its top-level definitions: each ends where its braces close. Strings
/// and `#` comments are skipped over; a comment between definitions belongs to neither.
fn split(document: &str) -> Vec<String> {
    let mut definitions = Vec::new();
    let (mut depth, mut start) = (0usize, None);
    let mut chars = document.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '#' => while chars.next_if(|(_, c)| *c != '\n').is_some() {},
            '"' => {
                start.get_or_insert(i);
                while let Some((_, c)) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '{' => {
                start.get_or_insert(i);
                depth += 1;
            }
            '}' => {
                depth -= 1;
                if depth == 0 {
                    let from = start.take().expect("a definition's start");
                    definitions.push(document[from..=i].to_owned());
                }
            }
            c if c.is_whitespace() => {}
            _ => {
                start.get_or_insert(i);
            }
        }
    }
    assert!(start.is_none(), "a definition is not closed: {document}");
    definitions
}
