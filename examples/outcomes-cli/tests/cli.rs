//! The CLI end to end: real files in a temporary folder, the real binary.

#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is a failing test

use std::path::PathBuf;
use std::process::Command;

use outcomes_core::sample;

fn dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("outcomes-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_outcomes"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn validates_built_in_and_file_templates_and_locates_errors() {
    let (code, out, _) = run(&["validate-template", "what-matters"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("template \"what-matters\" version 0.4.0 is valid"),
        "{out}"
    );

    let d = dir("templates");
    let bad = d.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"format_version": 1, "id": "t", "version": "1", "default_lang": "en", "title": "T",
  "scales": [{"id": "met", "title": "Met?", "points": [{"id": "y", "label": "Yes"}, {"id": "n", "label": "No"}]}],
  "sections": [{"id": "s", "title": "S", "prompts": [{"id": "p", "text": "?", "kind": "rating", "scale": "mett"}]}]}"#,
    )
    .unwrap();
    let (code, _, err) = run(&["validate-template", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("bad.json: the template has 1 problem(s):"),
        "{err}"
    );
    assert!(
        err.contains("sections[0].prompts[0].scale: there is no scale \"mett\" in this template's scales. Did you mean \"met\"?"),
        "{err}"
    );

    let broken = d.join("broken.json");
    std::fs::write(&broken, "{\"format_version\": 1,\n \"id\": \"Bad Id\"}").unwrap();
    let (code, _, err) = run(&["validate-template", broken.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("broken.json: the template could not be read at id (line 2"),
        "{err}"
    );
}

#[test]
fn exports_a_record_to_every_format() {
    let d = dir("export");
    let (_, first) = sample::first_conversation();
    let file = d.join("first.json");
    std::fs::write(&file, first.to_json()).unwrap();
    let file = file.to_str().unwrap();
    for (format, needle) in [
        ("json", "\"format_version\":3"),
        ("csv", "record,template,template_version"),
        ("fhir", "\"resourceType\": \"QuestionnaireResponse\""),
        ("fhir-questionnaire", "\"resourceType\": \"Questionnaire\""),
        ("text", "In your own words"),
        ("html", "<!DOCTYPE html>"),
    ] {
        let (code, out, err) = run(&["export", file, "--format", format]);
        assert_eq!(code, 0, "{format}: {err}");
        assert!(out.contains(needle), "{format}: {out}");
    }
    // FHIR out and back in gives the same record.
    let (_, qr, _) = run(&["export", file, "--format", "fhir"]);
    let qr_file = d.join("qr.json");
    std::fs::write(&qr_file, qr).unwrap();
    let (code, back, err) = run(&["import-fhir", qr_file.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(back.trim(), first.to_canonical_json());
    let (code, page, err) = run(&[
        "export",
        file,
        "--format",
        "html",
        "--organisation",
        "Leith Community Support",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(page.contains("<p class=\"organisation\">Leith Community Support</p>"));
    let (code, _, err) = run(&["export", file, "--format", "pdf"]);
    assert_eq!(code, 2);
    assert!(err.contains("there is no export format \"pdf\""), "{err}");
}

#[test]
fn reports_over_a_folder_and_ndjson_and_names_bad_lines() {
    let d = dir("report");
    let folder = d.join("records");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("a.json"),
        sample::first_conversation().1.to_json(),
    )
    .unwrap();
    std::fs::write(folder.join("b.json"), sample::review().1.to_json()).unwrap();
    let (code, out, err) = run(&["report", folder.to_str().unwrap(), "--as-of", "2026-11-01"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("1 record(s), 3 outcome(s), as of 2026-11-01"),
        "{out}"
    );
    assert!(out.contains("1 earlier record(s) left out"), "{out}");

    let ndjson = d.join("many.ndjson");
    let mut lines: Vec<String> = (0..50).map(|n| sample::generated(n).to_json()).collect();
    lines.insert(10, "{\"format_version\": 2, \"id\": \"x\"}".to_owned());
    std::fs::write(&ndjson, lines.join("\n") + "\n").unwrap();
    let (code, out, err) = run(&[
        "report",
        ndjson.to_str().unwrap(),
        "--as-of",
        "2026-11-01",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("many.ndjson line 11: the record could not be read"),
        "{err}"
    );
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["records"], 50);
    let (code, svg, _) = run(&["report", ndjson.to_str().unwrap(), "--format", "svg"]);
    assert_eq!(code, 1);
    assert!(svg.starts_with("<svg"));
}

#[test]
fn unknown_commands_suggest_the_closest() {
    let (code, _, err) = run(&["reprot"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("there is no command \"reprot\". Did you mean \"report\"?"),
        "{err}"
    );
}

#[test]
fn prints_the_committed_schemas() {
    let (code, out, _) = run(&["schema", "record"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../core/schemas/record.schema.json"
        ))
        .unwrap()
    );
}
