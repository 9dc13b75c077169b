//! The module graph of `src/`, read off the source: every module uses only its own layer or the
//! layers below it, and neither the files nor the modules of a layer form a cycle.
//!
//! A module's uses are the paths it names: `use` trees, paths in code and in attribute strings
//! such as `complexity = "crate::graphql::cost::rows(..)"`, whether rooted at `crate`, `super`,
//! `self` or a child module. Each is resolved to the longest module it names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::str::FromStr;

use proc_macro2::{Delimiter, TokenStream, TokenTree};

type Module = Vec<String>;

/// The layers, lowest first (README, "Architecture"); a top-level module not listed is an entry
/// point, the top layer.
const LAYERS: [(&str, &[&str]); 4] = [
    (
        "foundation",
        &[
            "error",
            "money",
            "period",
            "clock",
            "validate",
            "pagination",
            "config",
        ],
    ),
    ("storage", &["entities", "db"]),
    ("services", &["services"]),
    // The ways in: the API and the import files.
    ("interfaces", &["graphql", "files"]),
];

fn layer(m: &Module) -> usize {
    let top = m.first().map_or("", String::as_str);
    LAYERS
        .iter()
        .position(|(_, tops)| tops.contains(&top))
        .unwrap_or(LAYERS.len())
}

fn layer_name(i: usize) -> &'static str {
    LAYERS.get(i).map_or("entry points", |(name, _)| name)
}

/// A layer's unit of design: `services::bonus` or `graphql::tasks` within the two big layers,
/// the top-level module elsewhere.
fn unit(m: &Module) -> Module {
    let n = if matches!(m.first().map(String::as_str), Some("services" | "graphql")) {
        2
    } else {
        1
    };
    m.iter().take(n).cloned().collect()
}

fn name(m: &Module) -> String {
    if m.is_empty() {
        "crate".into()
    } else {
        m.join("::")
    }
}

/// Every module of the crate with its source: `src/a/b.rs` and `src/a/b/mod.rs` are `a::b`.
fn modules() -> BTreeMap<Module, String> {
    fn walk(dir: &Path, prefix: &Module, out: &mut BTreeMap<Module, String>) {
        for entry in std::fs::read_dir(dir).expect("read src") {
            let path = entry.expect("dir entry").path();
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                let mut child = prefix.clone();
                child.push(stem);
                walk(&path, &child, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let mut m = prefix.clone();
                if !matches!(stem.as_str(), "mod" | "lib" | "main") {
                    m.push(stem);
                }
                let source = std::fs::read_to_string(&path).expect("read source");
                out.entry(m).or_default().push_str(&source);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &Vec::new(),
        &mut out,
    );
    out
}

struct Scan<'a> {
    modules: &'a BTreeMap<Module, String>,
    /// The file's module.
    file: Module,
    uses: BTreeSet<Module>,
    /// The [`INTERFACE_CRATES`] it names.
    crates: BTreeSet<String>,
}

impl Scan<'_> {
    /// `here` is the module the tokens are in: the file's, or an inline `mod` inside it.
    fn tokens(&mut self, stream: TokenStream, here: &Module) {
        let tokens: Vec<TokenTree> = stream.into_iter().collect();
        let mut i = 0;
        while i < tokens.len() {
            match &tokens[i] {
                TokenTree::Ident(id) if id == "mod" => {
                    if let (Some(TokenTree::Ident(m)), Some(TokenTree::Group(g))) =
                        (tokens.get(i + 1), tokens.get(i + 2))
                        && g.delimiter() == Delimiter::Brace
                    {
                        let mut inner = here.clone();
                        inner.push(m.to_string());
                        self.tokens(g.stream(), &inner);
                        i += 3;
                        continue;
                    }
                }
                TokenTree::Ident(id)
                    if is_path_sep(&tokens, i + 1) && !preceded_by_sep(&tokens, i) =>
                {
                    let start = match id.to_string().as_str() {
                        "crate" => Some((Vec::new(), i + 3)),
                        "self" => Some((here.clone(), i + 3)),
                        "super" => {
                            let mut base = here.clone();
                            let mut j = i;
                            while matches!(tokens.get(j), Some(TokenTree::Ident(s)) if s == "super")
                                && is_path_sep(&tokens, j + 1)
                            {
                                base.pop();
                                j += 3;
                            }
                            Some((base, j))
                        }
                        child => {
                            let mut m = here.clone();
                            m.push(child.to_owned());
                            let module = self.modules.contains_key(&m);
                            if !module && INTERFACE_CRATES.contains(&child) {
                                self.crates.insert(child.to_owned());
                            }
                            module.then_some((m, i + 3))
                        }
                    };
                    if let Some((base, j)) = start {
                        i = self.path(&tokens, j, base);
                        continue;
                    }
                }
                TokenTree::Group(g) => self.tokens(g.stream(), here),
                TokenTree::Literal(lit) => {
                    let text = lit.to_string();
                    if let Some(inner) = text.strip_prefix('"').and_then(|t| t.strip_suffix('"'))
                        && (inner.contains("crate::") || inner.contains("super::"))
                        && let Ok(stream) = TokenStream::from_str(inner)
                    {
                        self.tokens(stream, here);
                    }
                }
                _ => {}
            }
            i += 1;
        }
    }

    /// Reads the rest of a path (or `use` tree) from `tokens[j]` on, below `base`; returns the
    /// index after it.
    fn path(&mut self, tokens: &[TokenTree], mut j: usize, mut base: Module) -> usize {
        loop {
            match tokens.get(j) {
                Some(TokenTree::Ident(seg)) => {
                    if seg != "self" {
                        base.push(seg.to_string());
                    }
                    if is_path_sep(tokens, j + 1) {
                        j += 3;
                        continue;
                    }
                    self.record(&base);
                    return j + 1;
                }
                Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace => {
                    let inner: Vec<TokenTree> = g.stream().into_iter().collect();
                    for item in
                        inner.split(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == ','))
                    {
                        self.path(item, 0, base.clone());
                    }
                    return j + 1;
                }
                _ => {
                    // `*`, or the end of the path
                    self.record(&base);
                    return j;
                }
            }
        }
    }

    fn record(&mut self, path: &Module) {
        let found = (0..=path.len())
            .rev()
            .map(|n| path[..n].to_vec())
            .find(|m| self.modules.contains_key(m));
        if let Some(m) = found
            && m != self.file
            && !m.is_empty()
        {
            self.uses.insert(m);
        }
    }
}

fn is_path_sep(tokens: &[TokenTree], i: usize) -> bool {
    let colon =
        |t: Option<&TokenTree>| matches!(t, Some(TokenTree::Punct(p)) if p.as_char() == ':');
    colon(tokens.get(i)) && colon(tokens.get(i + 1))
}

/// Whether `tokens[i]` is the middle of a path (`x::crate` cannot occur, but `a::b::c` is
/// read from `a`, not again from `b`).
fn preceded_by_sep(tokens: &[TokenTree], i: usize) -> bool {
    i >= 2 && is_path_sep(tokens, i - 2)
}

/// Which modules, and which of the [`INTERFACE_CRATES`], each module uses.
fn scan() -> BTreeMap<Module, (BTreeSet<Module>, BTreeSet<String>)> {
    let modules = modules();
    modules
        .iter()
        .map(|(m, source)| {
            let stream = TokenStream::from_str(source)
                .unwrap_or_else(|e| panic!("{} does not lex: {e}", name(m)));
            let mut scan = Scan {
                modules: &modules,
                file: m.clone(),
                uses: BTreeSet::new(),
                crates: BTreeSet::new(),
            };
            scan.tokens(stream, m);
            (m.clone(), (scan.uses, scan.crates))
        })
        .collect()
}

/// Which modules each module uses.
fn graph() -> BTreeMap<Module, BTreeSet<Module>> {
    scan().into_iter().map(|(m, (uses, _))| (m, uses)).collect()
}

/// The strongly connected components with more than one member (Tarjan).
fn cycles(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<Module>> {
    struct T<'a> {
        graph: &'a BTreeMap<Module, BTreeSet<Module>>,
        index: BTreeMap<Module, usize>,
        low: BTreeMap<Module, usize>,
        stack: Vec<Module>,
        found: Vec<Vec<Module>>,
    }
    impl T<'_> {
        fn visit(&mut self, v: &Module) {
            let n = self.index.len();
            self.index.insert(v.clone(), n);
            self.low.insert(v.clone(), n);
            self.stack.push(v.clone());
            for w in self.graph.get(v).into_iter().flatten() {
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let low = self.low[v].min(self.low[w]);
                    self.low.insert(v.clone(), low);
                } else if self.stack.contains(w) {
                    let low = self.low[v].min(self.index[w]);
                    self.low.insert(v.clone(), low);
                }
            }
            if self.low[v] == self.index[v] {
                let at = self.stack.iter().position(|m| m == v).unwrap();
                let component = self.stack.split_off(at);
                if component.len() > 1 {
                    self.found.push(component);
                }
            }
        }
    }
    let mut t = T {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !t.index.contains_key(v) {
            t.visit(v);
        }
    }
    t.found
}

fn describe(found: &[Vec<Module>]) -> String {
    found
        .iter()
        .map(|c| {
            c.iter()
                .map(name)
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect::<Vec<_>>()
                .join(" ↔ ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn no_file_uses_a_file_that_uses_it_back() {
    let found = cycles(&graph());
    assert!(
        found.is_empty(),
        "cycles between files:\n{}",
        describe(&found)
    );
}

#[test]
fn no_module_of_a_layer_uses_one_that_uses_it_back() {
    let mut units: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (m, uses) in graph() {
        let from = unit(&m);
        let to = units.entry(from.clone()).or_default();
        to.extend(uses.iter().map(unit).filter(|u| *u != from));
    }
    let found = cycles(&units);
    assert!(
        found.is_empty(),
        "cycles between modules:\n{}",
        describe(&found)
    );
}

#[test]
fn every_module_uses_only_its_layer_and_those_below() {
    let layer_of = |m: &Module| layer_name(layer(m));
    let breaches: Vec<String> = graph()
        .iter()
        .flat_map(|(m, uses)| {
            uses.iter().filter(|u| layer(u) > layer(m)).map(move |u| {
                format!(
                    "{} ({}) uses {} ({})",
                    name(m),
                    layer_of(m),
                    name(u),
                    layer_of(u)
                )
            })
        })
        .collect();
    assert!(breaches.is_empty(), "{}", breaches.join("\n"));
}

/// The crates of the ways in: below the interfaces (services, storage, the foundation) nothing
/// knows GraphQL, HTTP, the command line or CSV.
const INTERFACE_CRATES: [&str; 5] = ["async_graphql", "axum", "clap", "csv", "tower_http"];

/// The one exception: the settings are clap arguments (each a flag and an environment
/// variable), read by the entry points and handed down.
const SETTINGS: (&str, &str) = ("config", "clap");

#[test]
fn below_the_interfaces_no_module_names_their_crates() {
    let interfaces = LAYERS.len() - 1;
    let found: Vec<String> = scan()
        .into_iter()
        .filter(|(m, _)| layer(m) < interfaces)
        .flat_map(|(m, (_, crates))| crates.into_iter().map(move |c| (name(&m), c)))
        .filter(|(m, c)| (m.as_str(), c.as_str()) != SETTINGS)
        .map(|(m, c)| format!("{m} names {c}"))
        .collect();
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The checker itself: a cycle and a layer breach it must see, in sources made up for it.
#[test]
fn the_checker_sees_cycles_through_use_trees_inline_paths_attributes_and_crates() {
    let modules: BTreeMap<Module, String> = [
        (vec![], String::new()),
        (
            vec!["services".into(), "a".into()],
            "use crate::{services::{b::{self, X}}};".into(),
        ),
        (
            vec!["services".into(), "b".into()],
            "#[graphql(complexity = \"crate::graphql::cost::rows(1)\")] fn f() { super::c::g() } mod tests { use super::*; }".into(),
        ),
        (
            vec!["services".into(), "c".into()],
            "use async_graphql::Enum; fn g() { crate::services::a::h(); clap::x(); }".into(),
        ),
        (vec!["graphql".into(), "cost".into()], String::new()),
    ]
    .into();
    let scans: BTreeMap<Module, (BTreeSet<Module>, BTreeSet<String>)> = modules
        .iter()
        .map(|(m, source)| {
            let mut scan = Scan {
                modules: &modules,
                file: m.clone(),
                uses: BTreeSet::new(),
                crates: BTreeSet::new(),
            };
            scan.tokens(TokenStream::from_str(source).unwrap(), m);
            (m.clone(), (scan.uses, scan.crates))
        })
        .collect();
    let graph: BTreeMap<Module, BTreeSet<Module>> = scans
        .iter()
        .map(|(m, (uses, _))| (m.clone(), uses.clone()))
        .collect();
    let m = |s: &str| s.split("::").map(String::from).collect::<Module>();
    assert_eq!(
        scans[&m("services::c")].1,
        ["async_graphql".to_owned(), "clap".to_owned()].into()
    );
    assert_eq!(
        graph[&m("services::b")],
        [m("graphql::cost"), m("services::c")].into(),
        "`mod tests {{ use super::*; }}` is the file itself, not its parent"
    );
    assert_eq!(
        describe(&cycles(&graph)),
        "services::a ↔ services::b ↔ services::c"
    );
}

/// `cargo test --test architecture -- --ignored --nocapture` prints the graph.
#[test]
#[ignore]
fn print_the_module_graph() {
    for (m, uses) in graph() {
        println!(
            "{} -> {}",
            name(&m),
            uses.iter().map(name).collect::<Vec<_>>().join(", ")
        );
    }
}
