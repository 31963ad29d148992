//! `cargo xtask <command>`: the project's build, demo and test entry points.
//!
//! Every command installs what it needs first (see `setup`), so each works on a fresh machine.

mod cmd;
mod dist;
mod setup;
mod test;
mod www;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  demo [--port N]   build the widget and the www/ site, and serve them on 127.0.0.1
  test              every check: fmt, clippy, native tests, wasm build, component tests
                    and end-to-end tests in headless Chromium
  dist              build the embeddable files into dist/ and print their sizes
  www               build the site into target/www
  setup             install what the other commands need (wasm32 target, Chromium,
                    ChromeDriver, wasm-bindgen-test-runner)
  bench             run the benchmarks
  wasm-test-runner  (used by `test`) wasm-bindgen's test runner, as cargo's runner for wasm32
";

fn main() -> ExitCode {
    if std::env::args_os()
        .nth(1)
        .is_some_and(|a| a == "wasm-test-runner")
    {
        return test::wasm_test_runner();
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("demo") => www::demo(&args[1..]),
        Some("test") => test::all(),
        Some("dist") => dist::build().map(|_| ()),
        Some("www") => www::build().map(|_| ()),
        Some("setup") => setup::all(),
        Some("bench") => cmd::cargo(&["bench", "-p", "outcomes-core", "--bench", "report"]),
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command {other:?}\n\n{USAGE}")),
        None => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
