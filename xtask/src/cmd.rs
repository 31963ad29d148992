//! Running commands, loudly: every command is printed before it runs.

use std::process::Command;

use xtask::workspace_root;

pub type Result<T = ()> = std::result::Result<T, String>;

/// Prints a step heading, so a long run says what it is doing.
pub fn step(what: &str) {
    println!("\n==> {what}");
}

/// Runs `command` in the workspace root and fails with its exit status.
pub fn run(command: &mut Command) -> Result {
    command.current_dir(workspace_root());
    println!("$ {}", describe(command));
    let status = command
        .status()
        .map_err(|e| format!("could not start `{}`: {e}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(command)))
    }
}

/// `cargo` with these arguments, through the same cargo that runs xtask.
pub fn cargo(args: &[&str]) -> Result {
    run(cargo_command().args(args))
}

pub fn cargo_command() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
}

/// The first line a command prints, if it runs at all.
pub fn output_line(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program).args(args).output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout);
    output
        .status
        .success()
        .then(|| text.lines().next().unwrap_or_default().to_owned())
}

fn describe(command: &Command) -> String {
    let envs: Vec<String> = command
        .get_envs()
        .filter_map(|(k, v)| Some(format!("{}={}", k.to_string_lossy(), v?.to_string_lossy())))
        .collect();
    let args: Vec<String> = command
        .get_args()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    [
        envs.join(" "),
        command.get_program().to_string_lossy().into_owned(),
        args.join(" "),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(" ")
}
