//! `outcomes`: validate templates and records, export records, report over many.
//! See README.md next to this crate for usage.

use std::fs;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use outcomes_core::export::{csv, fhir, summary};
use outcomes_core::report::Report;
use outcomes_core::{builtin, Date, Record, RecordId, Template, ValidTemplate};

const USAGE: &str = "\
usage:
  outcomes validate-template <template.json | built-in name>
  outcomes validate-record <record.json> [--template <template.json | name>]
  outcomes export <record.json> --format <json|csv|fhir|fhir-questionnaire|text|html>
                  [--template <template.json | name>] [--lang <code>] [--base <url>]
                  [--organisation <name>]   (html: a whole printable page, with your name)
  outcomes import-fhir <questionnaire-response.json> [--base <url>]
  outcomes report <folder | records.ndjson | record.json>... [--format <table|json|svg>]
                  [--as-of YYYY-MM-DD] [--template <template.json>]... [--evidence <n>]
  outcomes templates
  outcomes schema <template|record>
  outcomes sample <n>         (n generated example records as NDJSON, for trying reports)

Templates named without a path are the built-in ones (see `outcomes templates`).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// Options after the command: positional arguments and `--name value` pairs.
struct Options {
    positional: Vec<String>,
    named: Vec<(String, String)>,
}

impl Options {
    fn parse(args: &[String], known: &[&str]) -> Result<Self, String> {
        let mut positional = Vec::new();
        let mut named = Vec::new();
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            if let Some(name) = arg.strip_prefix("--") {
                if !known.contains(&name) {
                    return Err(format!(
                        "unknown option --{name}; this command takes: {}\n\n{USAGE}",
                        known
                            .iter()
                            .map(|k| format!("--{k}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
                let value = it.next().ok_or_else(|| format!("--{name} needs a value"))?;
                named.push((name.to_owned(), value.clone()));
            } else {
                positional.push(arg.clone());
            }
        }
        Ok(Self { positional, named })
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.named
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> {
        self.named
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn one_file(&self, what: &str) -> Result<&str, String> {
        match self.positional.as_slice() {
            [one] => Ok(one),
            [] => Err(format!("name the {what} to read\n\n{USAGE}")),
            _ => Err(format!("give one {what} only\n\n{USAGE}")),
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some((command, rest)) = args.split_first() else {
        return Err(USAGE.to_owned());
    };
    match command.as_str() {
        "validate-template" => {
            let opts = Options::parse(rest, &[])?;
            let name = opts.one_file("template")?;
            let template = load_template(name)?;
            println!(
                "{name}: template \"{}\" version {} is valid ({} sections, {} prompts)",
                template.id,
                template.version,
                template.sections.len(),
                template.prompts().count()
            );
            Ok(ExitCode::SUCCESS)
        }
        "validate-record" => {
            let opts = Options::parse(rest, &["template"])?;
            let file = opts.one_file("record")?;
            let record = load_record(file)?;
            let template = match opts.get("template") {
                Some(t) => load_template(t)?,
                None => builtin::template(record.template.id.as_str())
                    .map_err(|e| format!("{file}: {e} Pass the template with --template."))?,
            };
            let problems = record.validate_against(&template);
            if problems.is_empty() {
                println!(
                    "{file}: record {} is valid against template \"{}\"",
                    record.id, template.id
                );
                if record.template.hash != template.content_hash() {
                    println!(
                        "note: the record was made with a different version of the template ({})",
                        record.template.version
                    );
                }
                Ok(ExitCode::SUCCESS)
            } else {
                if record.template.version != template.version {
                    eprintln!(
                        "{file}: note: the record was made with version {} of \"{}\"; this is \
                         version {}. Answers to prompts it no longer has are kept in the record.",
                        record.template.version, template.id, template.version
                    );
                }
                for problem in &problems {
                    eprintln!("{file}: {problem}");
                }
                eprintln!("{file}: {} problem(s)", problems.len());
                Ok(ExitCode::from(1))
            }
        }
        "export" => {
            let opts = Options::parse(
                rest,
                &["format", "template", "lang", "base", "organisation"],
            )?;
            let file = opts.one_file("record")?;
            let record = load_record(file)?;
            let template = match opts.get("template") {
                Some(t) => load_template(t)?,
                None => builtin::template(record.template.id.as_str())
                    .map_err(|e| format!("{file}: {e} Pass the template with --template."))?,
            };
            let lang = opts
                .get("lang")
                .unwrap_or(&template.default_lang)
                .to_owned();
            let base = opts.get("base").unwrap_or(fhir::DEFAULT_BASE);
            let out = match opts.get("format").unwrap_or("json") {
                "json" => record.to_canonical_json() + "\n",
                "csv" => csv::to_csv([&record], Some(&template), &lang),
                "fhir" => fhir::questionnaire_response(&record, &template, base),
                "fhir-questionnaire" => fhir::questionnaire(&template, base),
                "text" => summary::text(&record, &template, &lang),
                "html" => summary::document(&record, &template, &lang, opts.get("organisation")),
                other => {
                    return Err(format!(
                        "there is no export format \"{other}\": use json, csv, fhir, \
                         fhir-questionnaire, text or html"
                    ))
                }
            };
            write_out(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        "import-fhir" => {
            let opts = Options::parse(rest, &["base"])?;
            let file = opts.one_file("QuestionnaireResponse")?;
            let json = read(file)?;
            let base = opts.get("base").unwrap_or(fhir::DEFAULT_BASE);
            let record = fhir::record_from_questionnaire_response(&json, base)
                .map_err(|e| format!("{file}: {e}"))?;
            write_out(&(record.to_canonical_json() + "\n"))?;
            Ok(ExitCode::SUCCESS)
        }
        "report" => report(rest),
        "templates" => {
            for name in builtin::names() {
                let t = builtin::template(name).map_err(|e| e.to_string())?;
                println!("{name:<20} {}", t.text(&t.title, &t.default_lang));
            }
            Ok(ExitCode::SUCCESS)
        }
        "schema" => {
            let opts = Options::parse(rest, &[])?;
            let out = match opts.one_file("schema (template or record)")? {
                "template" => outcomes_core::schema::template_schema(),
                "record" => outcomes_core::schema::record_schema(),
                other => {
                    return Err(format!(
                        "there is no schema \"{other}\": use template or record"
                    ))
                }
            };
            write_out(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        "sample" => {
            let opts = Options::parse(rest, &[])?;
            let n: u64 = opts
                .one_file("number of records")?
                .parse()
                .map_err(|_| "sample takes a number of records".to_owned())?;
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            for i in 0..n {
                let line = outcomes_core::sample::generated(i).to_json();
                writeln!(out, "{line}").map_err(|e| format!("could not write: {e}"))?;
            }
            out.flush().map_err(|e| format!("could not write: {e}"))?;
            Ok(ExitCode::SUCCESS)
        }
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => {
            let commands = [
                "validate-template",
                "validate-record",
                "export",
                "import-fhir",
                "report",
                "templates",
                "schema",
                "sample",
            ];
            let hint = outcomes_core::suggest::closest(other, commands)
                .map_or(String::new(), |c| format!(" Did you mean \"{c}\"?"));
            Err(format!("there is no command \"{other}\".{hint}\n\n{USAGE}"))
        }
    }
}

fn write_out(text: &str) -> Result<(), String> {
    io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .map_err(|e| format!("could not write the output: {e}"))
}

fn read(file: &str) -> Result<String, String> {
    fs::read_to_string(file).map_err(|e| format!("{file}: could not read the file: {e}"))
}

/// A template from a file, or a built-in one by name.
fn load_template(name: &str) -> Result<Arc<ValidTemplate>, String> {
    let path = Path::new(name);
    if !path.exists() && !name.contains(['/', '.', '\\']) {
        return builtin::template(name).map_err(|e| e.to_string());
    }
    let json = read(name)?;
    Template::from_json(&json)
        .map(Arc::new)
        .map_err(|e| format!("{name}: {e}"))
}

fn load_record(file: &str) -> Result<Record, String> {
    let json = read(file)?;
    Record::from_json(&json).map_err(|e| format!("{file}: {e}"))
}

/// Where records come from: each JSON file of a folder, NDJSON lines, or one JSON file.
fn sources(inputs: &[String]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for input in inputs {
        let path = PathBuf::from(input);
        if path.is_dir() {
            let mut found: Vec<PathBuf> = fs::read_dir(&path)
                .map_err(|e| format!("{input}: could not read the folder: {e}"))?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    p.extension()
                        .is_some_and(|x| x == "json" || x == "ndjson" || x == "jsonl")
                })
                .collect();
            found.sort();
            files.extend(found);
        } else if path.is_file() {
            files.push(path);
        } else {
            return Err(format!("{input}: there is no such file or folder"));
        }
    }
    Ok(files)
}

/// Calls `each` with (where, text) for every record in the files: a whole `.json` file is one
/// record; in `.ndjson`/`.jsonl` every non-empty line is one. Reads line by line, so memory does
/// not grow with the number of records.
fn for_each_record(files: &[PathBuf], mut each: impl FnMut(&str, &str)) -> Result<(), String> {
    for file in files {
        let name = file.display().to_string();
        let ndjson = file
            .extension()
            .is_some_and(|x| x == "ndjson" || x == "jsonl");
        if ndjson {
            let reader = io::BufReader::new(
                fs::File::open(file).map_err(|e| format!("{name}: could not open: {e}"))?,
            );
            let mut line = String::new();
            let mut reader = reader;
            let mut number = 0usize;
            loop {
                line.clear();
                let read = reader
                    .read_line(&mut line)
                    .map_err(|e| format!("{name}: could not read: {e}"))?;
                if read == 0 {
                    break;
                }
                number += 1;
                if !line.trim().is_empty() {
                    each(&format!("{name} line {number}"), &line);
                }
            }
        } else {
            let text = read(&name)?;
            each(&name, &text);
        }
    }
    Ok(())
}

fn report(args: &[String]) -> Result<ExitCode, String> {
    let opts = Options::parse(args, &["format", "as-of", "template", "evidence"])?;
    if opts.positional.is_empty() {
        return Err(format!(
            "name a folder or NDJSON file of records\n\n{USAGE}"
        ));
    }
    let files = sources(&opts.positional)?;
    let as_of = match opts.get("as-of") {
        Some(d) => Date::parse(d).map_err(|e| e.to_string())?,
        None => today(),
    };
    let evidence = match opts.get("evidence") {
        Some(n) => n
            .parse()
            .map_err(|_| format!("--evidence takes a number, not \"{n}\""))?,
        None => 3,
    };
    let mut templates = Report::builtin_templates();
    for t in opts.all("template") {
        templates.push(load_template(t)?);
    }
    // First pass: which records are reviewed by a later one (only the `reviews` field is read).
    #[derive(serde::Deserialize)]
    struct Link {
        reviews: Option<RecordId>,
    }
    let mut reviewed = Vec::new();
    for_each_record(&files, |_, text| {
        if let Ok(Link { reviews: Some(id) }) = serde_json::from_str::<Link>(text) {
            reviewed.push(id);
        }
    })?;
    let mut report = Report::new(templates, as_of, evidence);
    report.superseded_by_reviews(reviewed);
    let mut bad = 0usize;
    for_each_record(&files, |place, text| match Record::from_json(text) {
        Ok(record) => report.add(&record),
        Err(e) => {
            bad += 1;
            eprintln!("{place}: {e}");
        }
    })?;
    let out = match opts.get("format").unwrap_or("table") {
        "table" => report.to_table(),
        "json" => report.to_json() + "\n",
        "svg" => report.to_svg(),
        other => {
            return Err(format!(
                "there is no report format \"{other}\": use table, json or svg"
            ))
        }
    };
    write_out(&out)?;
    if bad > 0 {
        eprintln!("{bad} record(s) could not be read and are not in the report (see above)");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Today's date in UTC, from the system clock (the CLI may read a clock; the core may not).
fn today() -> Date {
    let millis = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    let now = outcomes_core::Timestamp::from_unix_millis(i64::try_from(millis).unwrap_or(i64::MAX));
    Date::parse(now.date())
        .unwrap_or_else(|_| Date::parse("1970-01-01").expect("a valid literal date"))
}
