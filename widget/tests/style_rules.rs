//! Absences the widget promises, checked in its sources: no inline styles (a strict
//! Content-Security-Policy blocks them) and no physical left/right in the style sheet (logical
//! properties keep right-to-left languages laid out right).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use std::path::Path;

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((path.display().to_string(), text));
        }
    }
}

#[test]
fn no_component_sets_a_style_attribute() {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 10);
    for (path, text) in files {
        for (n, line) in text.lines().enumerate() {
            assert!(
                !line.contains(" style=") && !line.contains("\"style\""),
                "{path}:{}: inline styles are blocked by the host page's CSP: use a class",
                n + 1
            );
        }
    }
}

#[test]
fn the_style_sheet_uses_logical_properties() {
    let css = include_str!("../src/style.css");
    let physical = [
        "margin-left",
        "margin-right",
        "padding-left",
        "padding-right",
        "border-left",
        "border-right",
        "text-align: left",
        "text-align: right",
        "float: left",
        "float: right",
        " left:",
        " right:",
        "{left:",
        "{right:",
    ];
    for (n, line) in css.lines().enumerate() {
        for word in physical {
            assert!(
                !line.contains(word),
                "style.css:{}: \"{word}\" is physical; use the logical property (inline-start/end)",
                n + 1
            );
        }
    }
}

/// Every word the widget shows comes from a message catalogue (`src/messages/`), so no
/// component writes English of its own: no text node or accessible name that is a string
/// literal with letters in it.
#[test]
fn components_take_their_words_from_the_catalogue() {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/components"),
        &mut files,
    );
    assert!(files.len() > 10);
    let words = |literal: &str| literal.chars().any(char::is_alphabetic);
    for (path, text) in files {
        for (n, line) in text.lines().enumerate() {
            // A text node: `{ "…" }`; an accessible name or label: `aria-label="…"` and co.
            let mut problems = Vec::new();
            for (start, _) in line.match_indices("{ \"") {
                // A text node follows a tag or another node, not an `if` or `else`.
                let before = line[..start].trim_end();
                let text_node = before.is_empty() || before.ends_with('>') || before.ends_with('}');
                let literal = line[start + 3..].split('"').next().unwrap_or_default();
                if text_node && words(literal) {
                    problems.push(literal.to_owned());
                }
            }
            for attribute in ["aria-label=\"", "title=\"", "alt=\"", "placeholder=\""] {
                for (start, _) in line.match_indices(attribute) {
                    let literal = line[start + attribute.len()..]
                        .split('"')
                        .next()
                        .unwrap_or_default();
                    if words(literal) {
                        problems.push(literal.to_owned());
                    }
                }
            }
            assert!(
                problems.is_empty(),
                "{path}:{}: {problems:?} is English written into a component: add it to \
                 src/messages/ (every catalogue) and use it through use_locale()",
                n + 1
            );
        }
    }
}
