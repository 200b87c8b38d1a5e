//! The house: every module of `src/` stands on a layer (see
//! `docs/architecture.md`) and imports only modules on lower layers, so
//! that data flows one way and the module graph has no cycle. Inside a
//! module, its files import each other only one way too (the module's own
//! `mod.rs`, its face, excepted).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, from the ground up: a module may use the modules of the
/// layers below its own, and no other. `cli` is the command line
/// (`src/cli/` and `src/main.rs`); `lib` the crate's root, which only
/// declares and re-exports.
const LAYERS: &[&[&str]] = &[
    &["source", "yaml", "text"],
    &["error", "vocab"],
    &["document"],
    &["pattern", "facts", "finding"],
    &["config", "checks"],
    &["suppress", "claims", "inputs"],
    &["rules"],
    &["engine"],
    &["report"],
    &["cli"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The Rust files under `dir`.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("src/ reads") {
        let p = e.expect("an entry").path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The code of a Rust file without comments and string literals (a path
/// in a doc comment or a message is no import).
fn code(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == b'\'' && b.get(i + 2) == Some(&b'\'') {
            // A character literal such as '"'.
            i += 3;
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The paths a file names from the crate's root: `crate::x::…` (or
/// `factlint::x::…` in the command line), as the list of their segments.
fn crate_paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for root in ["crate::", "factlint::"] {
        let mut rest = code;
        while let Some(k) = rest.find(root) {
            let before = rest[..k].chars().last();
            rest = &rest[k + root.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let segments: Vec<String> = rest
                .split("::")
                .map(|s| {
                    s.chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect::<String>()
                })
                .take_while(|s| !s.is_empty())
                .collect();
            if !segments.is_empty() {
                out.push(segments);
            }
        }
    }
    out
}

/// The module a file belongs to, and its name inside that module.
fn module_of(src: &Path, file: &Path) -> (String, String) {
    let rel = file.strip_prefix(src).expect("under src/");
    let parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    let module = match parts[0].as_str() {
        "main" => "cli".to_string(),
        m => m.to_string(),
    };
    (module, parts[1..].join("/"))
}

#[test]
fn modules_import_only_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    all.sort();
    let mut bad = Vec::new();
    let mut seen = BTreeSet::new();
    for f in &all {
        let (module, _) = module_of(&src, f);
        seen.insert(module.clone());
        if module == "lib" {
            continue;
        }
        let Some(own) = layer(&module) else {
            bad.push(format!("{}: module `{module}` is on no layer", f.display()));
            continue;
        };
        let text = std::fs::read_to_string(f).expect("a source file reads");
        for path in crate_paths(&code(&text)) {
            let used = &path[0];
            if *used == module {
                continue;
            }
            match layer(used) {
                Some(l) if l < own => {}
                Some(_) => bad.push(format!(
                    "{}: `{module}` uses `{}`, which is not below it",
                    f.display(),
                    path.join("::")
                )),
                // Names the crate's root re-exports: use them from their modules.
                None => bad.push(format!(
                    "{}: `{}` is no module of a layer",
                    f.display(),
                    path.join("::")
                )),
            }
        }
    }
    assert!(
        bad.is_empty(),
        "imports against the flow:\n{}",
        bad.join("\n")
    );
    // Every layer's module exists: the list is kept with the tree.
    for m in LAYERS.iter().flat_map(|l| l.iter()) {
        assert!(seen.contains(*m), "`{m}` is on a layer but not in src/");
    }
}

#[test]
fn files_inside_a_module_import_each_other_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    // For each module folder: file → the files of the same folder it uses
    // through `super::name` or `crate::module::name` (the folder's
    // `mod.rs`, its face, excepted).
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut names: BTreeSet<String> = BTreeSet::new();
    for f in &all {
        let (module, inner) = module_of(&src, f);
        if inner.is_empty() {
            continue;
        }
        names.insert(format!("{module}/{inner}"));
    }
    for f in &all {
        let (module, inner) = module_of(&src, f);
        if inner.is_empty() || inner == "mod" || inner.ends_with("/mod") {
            continue;
        }
        let code = code(&std::fs::read_to_string(f).expect("a source file reads"));
        let folder = match inner.rfind('/') {
            Some(k) => format!("{module}/{}", &inner[..k]),
            None => module.clone(),
        };
        let mut used = BTreeSet::new();
        for path in crate_paths(&code) {
            if path[0] == module && path.len() > 1 {
                used.insert(format!("{module}/{}", path[1]));
            }
        }
        let mut rest = code.as_str();
        while let Some(k) = rest.find("super::") {
            rest = &rest[k + "super::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            // `super::super::` and paths through the face are left out.
            if !name.is_empty() && name != "super" {
                used.insert(format!("{folder}/{name}"));
            }
        }
        let me = format!("{module}/{inner}");
        for u in used {
            if u != me && names.contains(&u) {
                edges.entry(me.clone()).or_default().insert(u);
            }
        }
    }
    // No cycle: a depth-first walk never meets a file still on its path.
    fn visit(
        n: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(n) {
            Some(1) => {
                let k = path.iter().position(|p| p == n).unwrap_or(0);
                let mut cycle = path[k..].to_vec();
                cycle.push(n.to_string());
                return Some(cycle);
            }
            Some(_) => return None,
            None => {}
        }
        state.insert(n.to_string(), 1);
        path.push(n.to_string());
        for m in edges.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, edges, state, path) {
                return Some(c);
            }
        }
        path.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in edges.keys() {
        if let Some(cycle) = visit(n, &edges, &mut state, &mut Vec::new()) {
            panic!("files that import each other: {}", cycle.join(" → "));
        }
    }
    assert!(edges.len() > 10, "{edges:?}");
}
