//! `cargo xtask www` builds the site into `target/www` (the sources in `www/` plus `dist/`);
//! `cargo xtask demo` builds it and serves it on 127.0.0.1.

use std::fs;
use std::path::{Path, PathBuf};

use xtask::serve::{Mount, StaticServer};
use xtask::workspace_root;

use crate::cmd::{step, Result};
use crate::dist;

pub fn build() -> Result<PathBuf> {
    let dist = dist::build()?;
    step("building the site into target/www");
    let root = workspace_root();
    let out = root.join("target/www");
    if out.exists() {
        fs::remove_dir_all(&out).map_err(|e| format!("could not clear {}: {e}", out.display()))?;
    }
    copy_dir(&root.join("www"), &out)?;
    copy_dir(&dist, &out.join("dist"))?;
    copy_dir(
        &root.join("examples/plain-html"),
        &out.join("examples/plain-html"),
    )?;
    println!("site written to {}", out.display());
    Ok(out)
}

pub fn demo(args: &[String]) -> Result {
    let port = match args {
        [] => 8000,
        [flag, port] if flag == "--port" => port
            .parse()
            .map_err(|_| format!("--port takes a number, not {port:?}"))?,
        _ => return Err("usage: cargo xtask demo [--port N]".to_owned()),
    };
    let site = build()?;
    let server = StaticServer::start(port, vec![Mount::new("/", &site)])
        .or_else(|err| {
            eprintln!("port {port} is not free ({err}); using any free port");
            StaticServer::start(0, vec![Mount::new("/", &site)])
        })
        .map_err(|e| format!("could not start the demo server: {e}"))?;
    step("serving the demo");
    println!("demo:           {}", server.url("/"));
    println!("plain embed:    {}", server.url("/examples/plain-html/"));
    println!("press Ctrl+C to stop");
    server.wait();
    Ok(())
}

/// Copies a folder's files into `to`, recursively, creating folders as needed.
pub fn copy_dir(from: &Path, to: &Path) -> Result {
    fs::create_dir_all(to).map_err(|e| format!("could not create {}: {e}", to.display()))?;
    let entries =
        fs::read_dir(from).map_err(|e| format!("could not read {}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)
                .map_err(|e| format!("could not copy {}: {e}", entry.path().display()))?;
        }
    }
    Ok(())
}
