//! A small static file server on 127.0.0.1 for the demo and the end-to-end tests.
//!
//! It serves folders under URL prefixes, with the right `Content-Type` for `.wasm` (streaming
//! compilation needs `application/wasm`), no caching, and never a file outside its folders.

use std::fs::File;
use std::io;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

use tiny_http::{Header, Request, Response, Server};

/// A folder served under a URL prefix such as `/dist/`.
#[derive(Debug, Clone)]
pub struct Mount {
    pub prefix: String,
    pub dir: PathBuf,
    /// Extra response headers for this folder's files, e.g. a Content-Security-Policy.
    pub headers: Vec<(String, String)>,
}

impl Mount {
    pub fn new(prefix: &str, dir: impl Into<PathBuf>) -> Self {
        Self {
            prefix: prefix.to_owned(),
            dir: dir.into(),
            headers: Vec::new(),
        }
    }

    /// The same folder, its files served with `name: value` too.
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }
}

/// A running server; dropping it stops it and frees the port.
pub struct StaticServer {
    server: Arc<Server>,
    addr: SocketAddr,
    thread: Option<JoinHandle<()>>,
}

impl StaticServer {
    /// Serves `mounts` on `127.0.0.1:port` (0 picks a free port). Longer prefixes win.
    pub fn start(port: u16, mut mounts: Vec<Mount>) -> io::Result<Self> {
        let server = Server::http(("127.0.0.1", port)).map_err(io::Error::other)?;
        let addr = server
            .server_addr()
            .to_ip()
            .ok_or_else(|| io::Error::other("the server has no IP address"))?;
        let server = Arc::new(server);
        mounts.sort_by_key(|m| std::cmp::Reverse(m.prefix.len()));
        let thread = {
            let server = Arc::clone(&server);
            std::thread::spawn(move || {
                for request in server.incoming_requests() {
                    respond(request, &mounts);
                }
            })
        };
        Ok(Self {
            server,
            addr,
            thread: Some(thread),
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Serves until the process ends.
    pub fn wait(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl std::fmt::Debug for StaticServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StaticServer")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn respond(request: Request, mounts: &[Mount]) {
    let url_path = request
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_owned();
    let response = match resolve(&url_path, mounts) {
        Some((path, mount)) => match File::open(&path) {
            Ok(file) => {
                let mut headers = vec![
                    ("Content-Type", content_type(&path)),
                    ("Cache-Control", "no-store"),
                    ("X-Content-Type-Options", "nosniff"),
                ];
                headers.extend(mount.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())));
                with_headers(Response::from_file(file), &headers)
            }
            Err(_) => not_found(&url_path),
        },
        None => not_found(&url_path),
    };
    // The browser may have gone away; nothing to do about it.
    let _ = request.respond(response);
}

/// The file for a URL path and the mount it is in, or `None` for anything outside the mounts.
fn resolve<'a>(url_path: &str, mounts: &'a [Mount]) -> Option<(PathBuf, &'a Mount)> {
    let mount = mounts.iter().find(|m| url_path.starts_with(&m.prefix))?;
    let mut rest = url_path[mount.prefix.len()..].to_owned();
    if rest.is_empty() || rest.ends_with('/') {
        rest.push_str("index.html");
    }
    let relative = Path::new(&rest);
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut path = mount.dir.join(relative);
    if path.is_dir() {
        path = path.join("index.html");
    }
    path.is_file().then_some((path, mount))
}

fn not_found(url_path: &str) -> tiny_http::ResponseBox {
    with_headers(
        Response::from_string(format!("not found: {url_path}\n")).with_status_code(404),
        &[("Content-Type", "text/plain; charset=utf-8")],
    )
}

fn with_headers<R: io::Read + Send + 'static>(
    response: Response<R>,
    headers: &[(&str, &str)],
) -> tiny_http::ResponseBox {
    headers
        .iter()
        .filter_map(|(name, value)| Header::from_bytes(name.as_bytes(), value.as_bytes()).ok())
        .fold(response, Response::with_header)
        .boxed()
}

pub fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_inside_mounts_only() {
        let root = crate::workspace_root();
        let mounts = vec![Mount::new("/", root.join("xtask"))];
        assert_eq!(
            resolve("/Cargo.toml", &mounts).map(|(path, _)| path),
            Some(root.join("xtask/Cargo.toml"))
        );
        assert!(resolve("/../Cargo.toml", &mounts).is_none());
        assert!(resolve("/src/../../Cargo.toml", &mounts).is_none());
        assert!(resolve("/missing.txt", &mounts).is_none());
    }

    #[test]
    fn serves_wasm_with_its_type() {
        assert_eq!(
            content_type(Path::new("a/widget_bg.wasm")),
            "application/wasm"
        );
        assert_eq!(
            content_type(Path::new("index.html")),
            "text/html; charset=utf-8"
        );
    }
}
