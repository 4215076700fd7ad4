//! The AFL++ binary over every target in `../targets` (see `scripts/fuzz.sh`):
//!   cwlogs-fuzz TARGET             fuzz TARGET (under `cargo afl fuzz`), or run one input from stdin
//!   cwlogs-fuzz --seeds TARGET DIR write TARGET's seed corpus into DIR
//!   cwlogs-fuzz --list             the target names

#[path = "../targets/mod.rs"]
mod targets;

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    match args.as_slice() {
        ["--list"] => {
            for t in targets::TARGETS {
                println!("{}", t.name);
            }
        }
        ["--seeds", name, dir] => {
            let Some(target) = targets::target(name) else { return unknown(name) };
            let seeds = (target.seeds)(&root);
            if let Err(e) = std::fs::create_dir_all(dir) {
                eprintln!("cwlogs-fuzz: {dir}: {e}");
                return ExitCode::from(2);
            }
            for (i, seed) in seeds.iter().enumerate() {
                if let Err(e) = std::fs::write(Path::new(dir).join(format!("seed-{i:03}")), seed) {
                    eprintln!("cwlogs-fuzz: {dir}: {e}");
                    return ExitCode::from(2);
                }
            }
            println!("{} seeds for {name} in {dir}", seeds.len());
        }
        [name] => {
            let Some(target) = targets::target(name) else { return unknown(name) };
            let run = target.run;
            // One-time loads (the IAM catalogue, lazily built tables) happen here, before the
            // fork server starts, so they do not show up as unstable paths in every child.
            if let Some(seed) = (target.seeds)(&root).first() {
                run(seed);
            }
            afl::fuzz!(|data: &[u8]| run(data));
        }
        _ => {
            eprintln!("usage: cwlogs-fuzz TARGET | --seeds TARGET DIR | --list");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

fn unknown(name: &str) -> ExitCode {
    let names: Vec<&str> = targets::TARGETS.iter().map(|t| t.name).collect();
    eprintln!("cwlogs-fuzz: no target {name:?}; targets: {}", names.join(", "));
    ExitCode::from(2)
}
