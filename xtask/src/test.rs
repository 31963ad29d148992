//! `cargo xtask test`: every check CI runs, in order from cheapest to slowest.

use xtask::workspace_root;

use crate::cmd::{cargo, cargo_command, run, step, Result};
use crate::setup::{self, CHROMEDRIVER, CHROMIUM};
use crate::www;

pub fn all() -> Result {
    step("checking the tools (installs what is missing)");
    setup::all()?;

    step("formatting (cargo fmt --check)");
    cargo(&["fmt", "--all", "--", "--check"])?;

    step("lints (clippy, warnings are errors)");
    cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])?;
    cargo(&[
        "clippy",
        "--package",
        "outcomes-widget",
        "--package",
        "outcomes-exports",
        "--target",
        "wasm32-unknown-unknown",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ])?;

    step("native tests");
    cargo(&["test", "--workspace", "--exclude", "outcomes-e2e"])?;

    step("outcomes-core builds for wasm32");
    cargo(&[
        "build",
        "--package",
        "outcomes-core",
        "--target",
        "wasm32-unknown-unknown",
    ])?;

    step("component tests in headless Chromium (wasm-bindgen-test)");
    component_tests()?;

    let site = www::build()?;
    let dist = site.join("dist");

    step("end-to-end tests in headless Chromium");
    run(cargo_command()
        .args(["test", "--package", "outcomes-e2e"])
        .env("OUTCOMES_DIST", &dist)
        .env("OUTCOMES_SITE", &site))?;

    println!("\nall checks passed");
    Ok(())
}

fn component_tests() -> Result {
    // wasm-bindgen-test-runner reads browser capabilities from this file: headless Chromium as
    // root needs --no-sandbox, and this machine has no network for Chromium's own services.
    let webdriver_json = workspace_root().join("target/webdriver.json");
    let capabilities = serde_json::json!({
        "goog:chromeOptions": { "binary": CHROMIUM, "args": xtask::CHROMIUM_ARGS }
    });
    std::fs::create_dir_all(workspace_root().join("target")).map_err(|e| e.to_string())?;
    std::fs::write(&webdriver_json, capabilities.to_string()).map_err(|e| e.to_string())?;
    run(cargo_command()
        .args([
            "test",
            "--package",
            "outcomes-widget",
            "--target",
            "wasm32-unknown-unknown",
        ])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            format!("{} wasm-test-runner", xtask_exe()?),
        )
        .env("CHROMEDRIVER", CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", &webdriver_json)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120"))
}

/// This very program: cargo runs it as `xtask wasm-test-runner <test.wasm> …` for each wasm32
/// test binary.
fn xtask_exe() -> Result<String> {
    std::env::current_exe()
        .map(|path| path.to_string_lossy().into_owned())
        .map_err(|e| format!("could not find the xtask program: {e}"))
}

/// wasm-bindgen's test runner, linked in at the workspace's pinned version.
pub fn wasm_test_runner() -> std::process::ExitCode {
    let args = std::env::args_os()
        .enumerate()
        .filter(|(i, _)| *i != 1)
        .map(|(_, a)| a);
    match wasm_bindgen_cli::wasm_bindgen_test_runner::run_cli_with_args(args) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("wasm-bindgen-test-runner: {err:?}");
            std::process::ExitCode::FAILURE
        }
    }
}
