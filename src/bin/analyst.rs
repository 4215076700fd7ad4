//! The analysis worker (README "Analysis worker"): a second wasm the page runs as a Web Worker.
//! It answers the page's questions (`cwlogs_policy::analyst`) one at a time, off the thread that
//! handles typing. It holds no Leptos and no form: only the core's analyses.

#[cfg(target_arch = "wasm32")]
fn main() {
    use cwlogs_policy::analyst::answer_json;
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        // The page only ever sends what it serialised from the same types; anything else is not a
        // question of ours and gets no answer.
        let Some(json) = event.data().as_string().and_then(|text| answer_json(&text)) else { return };
        let _ = reply.post_message(&JsValue::from_str(&json));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages posted before the wasm loaded were dropped (nothing listened): the page waits for
    // this before asking anything.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "analyst is the web page's analysis worker, compiled to WebAssembly and started by the page.\n\
         From the command line, use the `cwlogs-policy` CLI: `cargo run --bin cwlogs-policy -- --help`."
    );
    std::process::exit(2);
}
