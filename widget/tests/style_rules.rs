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
