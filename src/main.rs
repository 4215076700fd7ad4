//! The page's entry point; on a native build, a pointer to the ways to run the tool.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(cwlogs_policy::ui::App);
    // After the form is on screen: the worker's download then does not delay it.
    cwlogs_policy::ui::start_analyst();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "cwlogs-policy-builder is a web page compiled to WebAssembly.\n\
         Serve it with `scripts/serve.sh` (or `trunk serve`) and open it in a browser,\n\
         or check and generate policies from the command line with the `cwlogs-policy` CLI:\n\
         `cargo run --bin cwlogs-policy -- --help`."
    );
    std::process::exit(2);
}
