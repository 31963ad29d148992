//! Installs what the build and the tests need, and says what it is doing. Each check is cheap
//! when the thing is already there, so every command calls what it needs.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::cmd::{output_line, run, step, Result};

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

pub fn all() -> Result {
    wasm_target()?;
    browser()?;
    axe_core().map(|_| ())
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
    apt_install(&["chromium", "chromium-driver"])
}

fn apt_install(packages: &[&str]) -> Result {
    let as_root = output_line("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
    let apt = |args: &[&str]| {
        let mut command = Command::new(if as_root { "apt-get" } else { "sudo" });
        if !as_root {
            command.arg("apt-get");
        }
        run(command.args(args).env("DEBIAN_FRONTEND", "noninteractive"))
    };
    apt(&["update", "-qq"])?;
    let mut install = vec!["install", "-y", "-qq", "--no-install-recommends"];
    install.extend_from_slice(packages);
    apt(&install)
}

/// The axe-core version the accessibility tests run.
pub const AXE_CORE_VERSION: &str = "4.14.1";

/// axe-core (the accessibility rules engine) from npm, under `target/tools`; returns the path of
/// `axe.min.js`, which the end-to-end tests inject into pages.
pub fn axe_core() -> Result<PathBuf> {
    let tools = xtask::workspace_root().join("target/tools");
    let package = tools.join("node_modules/axe-core");
    let installed = std::fs::read_to_string(package.join("package.json"))
        .is_ok_and(|m| m.contains(&format!("\"version\": \"{AXE_CORE_VERSION}\"")));
    if installed {
        return Ok(package.join("axe.min.js"));
    }
    if output_line("npm", &["--version"]).is_none() {
        step("installing npm (apt-get), to fetch axe-core");
        apt_install(&["npm"])?;
    }
    step(&format!(
        "installing axe-core {AXE_CORE_VERSION} from npm into target/tools"
    ));
    std::fs::create_dir_all(&tools)
        .map_err(|e| format!("could not create {}: {e}", tools.display()))?;
    let prefix = tools.to_string_lossy().into_owned();
    run(Command::new("npm").args([
        "install",
        "--prefix",
        &prefix,
        "--no-save",
        "--no-audit",
        "--no-fund",
        &format!("axe-core@{AXE_CORE_VERSION}"),
    ]))?;
    Ok(package.join("axe.min.js"))
}

#[cfg(test)]
mod tests {
    /// wasm-bindgen writes glue and test harness code that only its own version of the bindgen
    /// library and test runner understand: all three must be pinned to one exact version.
    #[test]
    fn wasm_bindgen_and_its_tools_are_pinned_to_one_version() {
        let manifest = std::fs::read_to_string(xtask::workspace_root().join("Cargo.toml")).unwrap();
        let pin = |name: &str| {
            let line = manifest
                .lines()
                .find(|l| l.starts_with(&format!("{name} = ")))
                .unwrap_or_else(|| panic!("{name} is not a workspace dependency"));
            let start = line
                .find("\"=")
                .unwrap_or_else(|| panic!("{name} is not pinned with =: {line}"));
            line[start + 2..].split('"').next().unwrap().to_owned()
        };
        let version = pin("wasm-bindgen");
        assert_eq!(pin("wasm-bindgen-cli-support"), version);
        assert_eq!(pin("wasm-bindgen-cli"), version);
    }
}
