//! The core stays pure: no I/O, no clock, no randomness, nothing web; and few dependencies,
//! because it ships in the widget's wasm bundle.

use std::path::Path;

#[test]
fn the_core_reads_no_clock_no_files_no_network_and_no_randomness() {
    let forbidden = [
        "std::fs",
        "std::net",
        "std::io",
        "std::env",
        "std::process",
        "SystemTime",
        "Instant::now",
        "thread_rng",
        "getrandom",
        "rand::",
        "web_sys",
        "js_sys",
        "wasm_bindgen",
    ];
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.clone()];
    let mut checked = 0;
    while let Some(path) = files.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).expect("a readable folder") {
                files.push(entry.expect("an entry").path());
            }
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a readable file");
        // Tests inside the crate may do as they like.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for word in forbidden {
            assert!(
                !code.contains(word),
                "{} uses {word}: the core must stay pure",
                path.display()
            );
        }
        checked += 1;
    }
    assert!(checked > 10);
}

#[test]
fn runtime_dependencies_are_the_small_known_set() {
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
            .expect("Cargo.toml");
    let deps = manifest
        .split("[dependencies]")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .expect("a [dependencies] table");
    let names: Vec<&str> = deps
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split([' ', '=', '.']).next())
        .collect();
    assert_eq!(
        names,
        [
            "serde",
            "serde_json",
            "serde_path_to_error",
            "sha2",
            "strsim",
            "schemars"
        ],
        "a new runtime dependency must earn its bytes in the wasm bundle (schemars is optional, \
         behind the `schema` feature)"
    );
    assert!(manifest.contains("schemars = { version = \"1\", optional = true }"));
}
