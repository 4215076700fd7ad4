//! `cwlogs-policy`: the policy core for CI pipelines — check policy files, build scenario bundles.

#[cfg(not(target_arch = "wasm32"))]
mod args;
#[cfg(not(target_arch = "wasm32"))]
mod check;
#[cfg(not(target_arch = "wasm32"))]
mod build;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use clap::Parser;
    let cli = args::Cli::parse();
    let code = match cli.command {
        args::Command::Check(a) => check::run(&a),
        args::Command::Build { scenario: args::BuildScenario::LogGroupKey(a) } => build::log_group_key(&a),
        args::Command::Rules { code } => check::rules(code.as_deref()),
    };
    std::process::ExitCode::from(code)
}

/// The CLI is native only; this keeps `cargo test --target wasm32-unknown-unknown` building.
#[cfg(target_arch = "wasm32")]
fn main() {}
