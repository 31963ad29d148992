//! `cargo xtask dist`: the embeddable files, built for size, and what they weigh.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use wasm_bindgen_cli_support::Bindgen;
use xtask::{dist_dir, dist_files, workspace_root};

use crate::cmd::{self, step, Result};
use crate::setup;

/// Builds the widget in release mode, runs wasm-bindgen and writes `dist/`. Returns the folder.
pub fn build() -> Result<PathBuf> {
    setup::wasm_target()?;
    step("building the widget for wasm32 (release, tuned for size)");
    cmd::cargo(&[
        "build",
        "--release",
        "--package",
        "outcomes-widget",
        "--package",
        "outcomes-exports",
        "--target",
        "wasm32-unknown-unknown",
    ])?;
    let root = workspace_root();
    let wasm = root.join("target/wasm32-unknown-unknown/release/outcomes_widget.wasm");
    let dist = dist_dir();
    if dist.exists() {
        fs::remove_dir_all(&dist)
            .map_err(|e| format!("could not clear {}: {e}", dist.display()))?;
    }
    step("generating the JavaScript glue (wasm-bindgen)");
    bindgen(&wasm, dist_files::BINDGEN_NAME, &dist)?;
    let exports = root.join("target/wasm32-unknown-unknown/release/outcomes_exports.wasm");
    bindgen(&exports, dist_files::EXPORTS_BINDGEN_NAME, &dist)?;
    copy(
        &root.join("widget/js").join(dist_files::ENTRY),
        &dist.join(dist_files::ENTRY),
    )?;
    write_integrity(&dist)?;
    print_sizes(&dist)?;
    Ok(dist)
}

fn bindgen(wasm: &Path, name: &str, dist: &Path) -> Result {
    Bindgen::new()
        .input_path(wasm)
        .web(true)
        .map_err(|e| e.to_string())?
        .out_name(name)
        .typescript(false)
        .remove_name_section(true)
        .remove_producers_section(true)
        .generate(dist)
        .map_err(|e| format!("wasm-bindgen failed on {}: {e}", wasm.display()))
}

/// `dist/integrity.json`: the widget's version and each file's Subresource Integrity hash, for
/// pages that pin what they load (`<script type="module" integrity="…">`).
fn write_integrity(dist: &Path) -> Result {
    let manifest = fs::read_to_string(workspace_root().join("widget/Cargo.toml"))
        .map_err(|e| format!("could not read widget/Cargo.toml: {e}"))?;
    let version = manifest
        .lines()
        .find_map(|l| l.strip_prefix("version = \""))
        .and_then(|v| v.strip_suffix('"'))
        .ok_or("widget/Cargo.toml has no version line")?;
    let mut files = serde_json::Map::new();
    for name in dist_files::ALL {
        let bytes = fs::read(dist.join(name)).map_err(|e| format!("could not read {name}: {e}"))?;
        files.insert(name.to_owned(), subresource_integrity(&bytes).into());
    }
    let json = serde_json::json!({ "version": version, "files": files });
    let text = serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?;
    fs::write(dist.join(dist_files::INTEGRITY), text + "\n")
        .map_err(|e| format!("could not write {}: {e}", dist_files::INTEGRITY))?;
    println!(
        "version {version}; Subresource Integrity hashes in dist/{}",
        dist_files::INTEGRITY
    );
    Ok(())
}

/// `sha384-` and the base64 SHA-384 of `bytes`, as `integrity` attributes take it.
pub fn subresource_integrity(bytes: &[u8]) -> String {
    use base64::Engine;
    use sha2::Digest;
    let digest = sha2::Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

fn copy(from: &Path, to: &Path) -> Result {
    fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("could not copy {} to {}: {e}", from.display(), to.display()))
}

/// What a host page downloads to show the first prompt, raw and compressed.
fn print_sizes(dist: &Path) -> Result {
    step("what a host page downloads");
    println!(
        "{:<24} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    let first = [dist_files::ENTRY, dist_files::GLUE, dist_files::WASM];
    print_group(dist, &first, "to show the first prompt")?;
    let later = [dist_files::EXPORTS_GLUE, dist_files::EXPORTS_WASM];
    print_group(dist, &later, "only when a file is downloaded")
}

fn print_group(dist: &Path, files: &[&str], what: &str) -> Result {
    let mut total = Sizes::default();
    for name in files {
        let bytes = fs::read(dist.join(name)).map_err(|e| format!("could not read {name}: {e}"))?;
        let sizes = Sizes::of(&bytes)?;
        println!("{name:<24} {}", sizes.row());
        total = total.plus(&sizes);
    }
    println!("{:<24} {}  ({what})", "total", total.row());
    Ok(())
}

#[derive(Debug, Default)]
struct Sizes {
    raw: usize,
    gzip: usize,
    brotli: usize,
}

impl Sizes {
    fn of(bytes: &[u8]) -> Result<Self> {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(bytes).map_err(|e| e.to_string())?;
        let gzip = gz.finish().map_err(|e| e.to_string())?.len();
        let mut brotli = Vec::new();
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 22,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut &bytes[..], &mut brotli, &params).map_err(|e| e.to_string())?;
        Ok(Self {
            raw: bytes.len(),
            gzip,
            brotli: brotli.len(),
        })
    }

    fn plus(&self, other: &Self) -> Self {
        Self {
            raw: self.raw + other.raw,
            gzip: self.gzip + other.gzip,
            brotli: self.brotli + other.brotli,
        }
    }

    fn row(&self) -> String {
        format!(
            "{:>10} {:>10} {:>10}",
            kb(self.raw),
            kb(self.gzip),
            kb(self.brotli)
        )
    }
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn integrity_hashes_are_what_browsers_compute() {
        // printf 'alert(1)' | openssl dgst -sha384 -binary | base64
        assert_eq!(
            super::subresource_integrity(b"alert(1)"),
            "sha384-HT2E9NfWiuQ/w1PRai+hTyqW16NIoCGA/m8VQDUopfAtcz6YQjtsMmQd5uRbVDpW"
        );
    }
}
