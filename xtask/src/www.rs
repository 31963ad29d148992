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
    frame_pages(&out)?;
    copy_dir(&dist, &out.join("dist"))?;
    copy_dir(
        &root.join("examples/plain-html"),
        &out.join("examples/plain-html"),
    )?;
    write_samples(&out.join("samples"))?;
    write_gallery(&out.join("templates.html"))?;
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

/// Puts every page of the site in the one frame (`www/_frame.html`: head, navigation). A page is
/// its `<main>` content after two comment lines naming its title and its module scripts:
/// `<!-- title: … -->` and `<!-- scripts: a.js b.js -->`.
fn frame_pages(out: &Path) -> Result {
    let frame_path = out.join("_frame.html");
    let frame = fs::read_to_string(&frame_path)
        .map_err(|e| format!("could not read www/_frame.html: {e}"))?;
    fs::remove_file(&frame_path).map_err(|e| e.to_string())?;
    let entries = fs::read_dir(out).map_err(|e| e.to_string())?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|e| e == "html") {
            let page = fs::read_to_string(&path).map_err(|e| e.to_string())?;
            let framed = frame_page(&frame, &page).map_err(|e| {
                format!(
                    "www/{}: {e}",
                    path.file_name().unwrap_or_default().to_string_lossy()
                )
            })?;
            fs::write(&path, framed).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

fn frame_page(frame: &str, page: &str) -> Result<String> {
    let mut lines = page.splitn(3, '\n');
    let field = |line: Option<&str>, name: &str| {
        line.and_then(|l| l.trim().strip_prefix(&format!("<!-- {name}:")))
            .and_then(|l| l.strip_suffix("-->"))
            .map(str::trim)
            .map(str::to_owned)
            .ok_or(format!(
                "the page must start with a `<!-- {name}: … -->` line"
            ))
    };
    let title = field(lines.next(), "title")?;
    let scripts = field(lines.next(), "scripts")?;
    let main = lines.next().unwrap_or_default();
    let scripts: String = scripts
        .split_whitespace()
        .map(|src| format!("  <script type=\"module\" src=\"{src}\"></script>\n"))
        .collect();
    Ok(frame
        .replace("{{title}}", &title)
        .replace("{{scripts}}", &scripts)
        .replace("{{main}}", main.trim_end()))
}

/// Sample files the pages use: a finished conversation (for the review demo), the what-matters
/// template (for the playground), and generated records (for the report page).
fn write_samples(dir: &Path) -> Result {
    use outcomes_core::{builtin, sample};
    fs::create_dir_all(dir).map_err(|e| format!("could not create {}: {e}", dir.display()))?;
    let (_, first) = sample::first_conversation();
    let template = builtin::template("what-matters").map_err(|e| e.to_string())?;
    let records: Vec<String> = (0..200).map(|n| sample::generated(n).to_json()).collect();
    let files = [
        ("first.record.json", first.to_json()),
        (
            "what-matters.template.json",
            pretty(&template.to_canonical_json())?,
        ),
        ("records.ndjson", records.join("\n") + "\n"),
    ];
    for (name, text) in files {
        fs::write(dir.join(name), text).map_err(|e| format!("could not write {name}: {e}"))?;
    }
    Ok(())
}

fn pretty(json: &str) -> Result<String> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    serde_json::to_string_pretty(&value).map_err(|e| e.to_string())
}

/// The template gallery: every built-in template, outlined and running.
fn write_gallery(path: &Path) -> Result {
    use outcomes_core::builtin;
    use outcomes_core::export::summary::escape;
    let mut sections = String::new();
    for name in builtin::names() {
        let template = builtin::template(name).map_err(|e| e.to_string())?;
        let text = |t: &outcomes_core::Text| escape(template.text(t, "en"));
        sections.push_str(&format!(
            "<section aria-labelledby=\"t-{name}\">\n<h2 id=\"t-{name}\">{}</h2>\n<p><code>template=\"{name}\"</code> · version {}</p>\n",
            text(&template.title),
            escape(&template.version)
        ));
        if let Some(description) = &template.description {
            sections.push_str(&format!("<p>{}</p>\n", text(description)));
        }
        sections.push_str("<details><summary>Stages and prompts</summary><ol>\n");
        for section in &template.sections {
            sections.push_str(&format!("<li>{}<ul>", text(&section.title)));
            for prompt in &section.prompts {
                sections.push_str(&format!("<li>{}</li>", text(&prompt.text)));
            }
            sections.push_str("</ul></li>\n");
        }
        sections.push_str(&format!(
            "</ol></details>\n<outcomes-conversation template=\"{name}\" storage-key=\"gallery-{name}\"></outcomes-conversation>\n</section>\n"
        ));
    }
    let frame = fs::read_to_string(workspace_root().join("www/_frame.html"))
        .map_err(|e| format!("could not read www/_frame.html: {e}"))?;
    let page = format!(
        "<!-- title: Templates -->\n<!-- scripts: dist/outcomes-widget.js -->\n\
         <h1>Built-in templates</h1>\n<p>Every prompt and note is our own writing. Each template \
         below is running: try it.</p>\n{sections}"
    );
    let html = frame_page(&frame, &page)?;
    fs::write(path, html).map_err(|e| format!("could not write {}: {e}", path.display()))
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
