//! Documentation made from the code: `docs/checks.md` is the built-in
//! checks' own descriptions and examples. Run with `FACTLINT_BLESS=1` to
//! write the file anew after changing a check.

use factlint::checks::reference;
use factlint::engine::builtin_checks;

#[test]
fn the_checks_reference_is_made_from_the_checks() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/checks.md");
    let made = reference(&builtin_checks());
    if std::env::var_os("FACTLINT_BLESS").is_some() {
        std::fs::write(&path, &made).expect("docs/checks.md is writable");
    }
    let committed = std::fs::read_to_string(&path).expect("docs/checks.md exists");
    assert!(
        committed == made,
        "docs/checks.md differs from the checks' own descriptions: \
         run `FACTLINT_BLESS=1 cargo test --test docs` and commit it"
    );
    // Every built-in check is on the page, with its examples.
    for info in builtin_checks() {
        assert!(
            committed.contains(&format!("## `{}`", info.id)),
            "{}",
            info.id
        );
    }
}
