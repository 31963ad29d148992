//! Report over 1,000,000 generated records, against plain serde_json deserialisation of the same
//! bytes into the same `Record` type. Run with
//!
//! ```text
//! cargo bench -p outcomes-core --bench report
//! ```
//!
//! `OUTCOMES_BENCH_RECORDS` sets the number of records (default 1,000,000). The records are 10,000
//! distinct generated ones, cycled, so memory for the input stays small and any growth would be
//! the report's. After criterion's figures, a summary line gives the ratio and peak memory.

#![allow(clippy::unwrap_used)] // a benchmark may unwrap

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, Criterion, SamplingMode, Throughput};
use outcomes_core::report::Report;
use outcomes_core::{sample, Date, Record};

const DISTINCT: usize = 10_000;

fn records() -> usize {
    std::env::var("OUTCOMES_BENCH_RECORDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000)
}

fn inputs() -> Vec<String> {
    (0..DISTINCT as u64)
        .map(|n| sample::generated(n).to_json())
        .collect()
}

fn serde_only(lines: &[String], n: usize) -> usize {
    let mut outcomes = 0;
    for i in 0..n {
        let record: Record = serde_json::from_str(&lines[i % lines.len()]).unwrap();
        outcomes += black_box(&record).outcomes.len();
    }
    outcomes
}

fn report(lines: &[String], n: usize) -> Report {
    let mut report = Report::new(
        Report::builtin_templates(),
        Date::parse("2026-07-01").unwrap(),
        3,
    );
    for i in 0..n {
        let record = Record::from_json(&lines[i % lines.len()]).unwrap();
        report.add(&record);
    }
    report
}

/// Resident memory now and at its peak, in MiB (Linux; zero elsewhere).
fn memory() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

fn bench(c: &mut Criterion) {
    let lines = inputs();
    let n = records();
    let bytes: usize = (0..n).map(|i| lines[i % lines.len()].len() + 1).sum();
    let mut group = c.benchmark_group(format!("{n} records"));
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("serde_json into Record", |b| {
        b.iter(|| serde_only(&lines, n))
    });
    group.bench_function("report (read, upgrade, count)", |b| {
        b.iter(|| report(&lines, n).records)
    });
    group.finish();
}

fn summary() {
    let lines = inputs();
    let n = records();
    let (rss_before, _) = memory();
    let start = Instant::now();
    black_box(serde_only(&lines, n));
    let serde = start.elapsed();
    let start = Instant::now();
    let small = report(&lines, n / 10);
    let (rss_tenth, _) = memory();
    black_box(small.records);
    let _ = start;
    let start = Instant::now();
    let full = report(&lines, n);
    let took = start.elapsed();
    let (rss_after, peak) = memory();
    println!(
        "\nsummary: {n} records ({:.0} MB of JSON): serde_json {:.2} s, report {:.2} s, \
         ratio {:.2}x (goal: within 2x); resident memory {:.1} MiB before, {:.1} MiB after \
         {} records, {:.1} MiB after {n}; peak {:.1} MiB; {} outcomes counted",
        (0..n).map(|i| lines[i % lines.len()].len()).sum::<usize>() as f64 / 1e6,
        serde.as_secs_f64(),
        took.as_secs_f64(),
        took.as_secs_f64() / serde.as_secs_f64(),
        rss_before,
        rss_tenth,
        n / 10,
        rss_after,
        peak,
        full.outcomes
    );
}

criterion_group!(benches, bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    summary();
}
