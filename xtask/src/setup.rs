//! Installs what the build and the tests need, and says what it is doing. Each check is cheap
//! when the thing is already there, so every command calls what it needs.

use std::path::Path;
use std::process::Command;

use crate::cmd::{self, output_line, run, step, Result};

/// The wasm-bindgen version the workspace pins; the test runner must match it exactly.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

pub fn all() -> Result {
    wasm_target()?;
    browser()?;
    test_runner()
}

/// The `wasm32-unknown-unknown` standard library, through rustup.
pub fn wasm_target() -> Result {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .is_ok_and(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .any(|line| line.trim() == "wasm32-unknown-unknown")
        });
    if installed {
        return Ok(());
    }
    step("installing the wasm32-unknown-unknown target (rustup)");
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// Debian's Chromium and ChromeDriver, for component and end-to-end tests.
pub fn browser() -> Result {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    step("installing Debian's chromium and chromium-driver (apt-get)");
    let as_root = output_line("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
    let apt = |args: &[&str]| {
        let mut command = Command::new(if as_root { "apt-get" } else { "sudo" });
        if !as_root {
            command.arg("apt-get");
        }
        run(command.args(args).env("DEBIAN_FRONTEND", "noninteractive"))
    };
    apt(&["update", "-qq"])?;
    apt(&[
        "install",
        "-y",
        "-qq",
        "--no-install-recommends",
        "chromium",
        "chromium-driver",
    ])
}

/// `wasm-bindgen-test-runner` at the pinned wasm-bindgen version (runs component tests).
pub fn test_runner() -> Result {
    let wanted = format!("wasm-bindgen-test-runner {WASM_BINDGEN_VERSION}");
    if output_line("wasm-bindgen-test-runner", &["--version"]).is_some_and(|v| v.trim() == wanted) {
        return Ok(());
    }
    step(&format!("installing wasm-bindgen-cli {WASM_BINDGEN_VERSION} for its test runner (takes a few minutes once)"));
    cmd::cargo(&[
        "install",
        "wasm-bindgen-cli",
        "--version",
        &format!("={WASM_BINDGEN_VERSION}"),
    ])
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_test_runner_version_matches_the_workspace_pin() {
        let manifest = std::fs::read_to_string(xtask::workspace_root().join("Cargo.toml")).unwrap();
        let pin = format!("wasm-bindgen = \"={}\"", super::WASM_BINDGEN_VERSION);
        assert!(
            manifest.contains(&pin),
            "the root Cargo.toml should pin {pin}"
        );
    }
}
