//! `cwlogs-policy`: the policy core for CI pipelines — check policy files, build scenario bundles.

// First: its `say!` and `tell!` macros are used by the modules below.
#[cfg(not(target_arch = "wasm32"))]
#[macro_use]
mod output;
#[cfg(not(target_arch = "wasm32"))]
mod args;
#[cfg(not(target_arch = "wasm32"))]
mod build;
#[cfg(not(target_arch = "wasm32"))]
mod check;
#[cfg(not(target_arch = "wasm32"))]
mod diff;
#[cfg(not(target_arch = "wasm32"))]
mod import_record;
#[cfg(not(target_arch = "wasm32"))]
mod io;
#[cfg(not(target_arch = "wasm32"))]
mod merge;
#[cfg(not(target_arch = "wasm32"))]
mod simulate;
#[cfg(not(target_arch = "wasm32"))]
mod troubleshoot;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use clap::FromArgMatches;
    let matches = command().get_matches();
    output::set_lang(language(&matches));
    let code = match matches.subcommand() {
        Some(("build", build)) => build::run(build),
        Some(("troubleshoot", m)) => troubleshoot::run(m),
        _ => match args::Cli::from_arg_matches(&matches) {
            Ok(cli) => match cli.command {
                args::Command::Check(a) => check::run(&a),
                args::Command::Rules { code } => check::rules(code.as_deref()),
                args::Command::Diff(a) => diff::run(&a),
                args::Command::Merge(a) => merge::run(&a),
                args::Command::Simulate(a) => simulate::run(&a),
                args::Command::ImportRecord(a) => import_record::run(&a),
            },
            Err(e) => e.exit(),
        },
    };
    std::process::ExitCode::from(output::status(code))
}

#[cfg(not(target_arch = "wasm32"))]
/// `--lang` wherever it was given (it is global: the subcommand that took it holds its value), else
/// the environment's `LC_ALL`, `LC_MESSAGES` or `LANG`.
fn language(matches: &clap::ArgMatches) -> cwlogs_policy::message::Lang {
    use cwlogs_policy::message::Lang;
    let mut level = Some(matches);
    while let Some(m) = level {
        if let Some(lang) = m.try_get_one::<String>("lang").ok().flatten().and_then(|t| Lang::from_tag(t)) {
            return lang;
        }
        level = m.subcommand().map(|(_, sub)| sub);
    }
    Lang::from_environment(|name| std::env::var(name).ok())
}

#[cfg(not(target_arch = "wasm32"))]
/// The whole command line: the declared subcommands plus `build` with one subcommand per scenario.
fn command() -> clap::Command {
    use clap::CommandFactory;
    args::Cli::command()
        .subcommand(build::command())
        .subcommand(troubleshoot::command())
        .subcommand_required(true)
}

/// The CLI is native only; this keeps `cargo test --target wasm32-unknown-unknown` building.
#[cfg(target_arch = "wasm32")]
fn main() {}
