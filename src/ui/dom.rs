//! The one place that touches the browser outside Leptos: clipboard and file download.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Puts `text` on the clipboard. Fails on pages the browser does not trust with the clipboard
/// (plain HTTP other than localhost), or when the user denies permission.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no browser window")?;
    let clipboard = window.navigator().clipboard();
    // The binding does not check the property exists; on insecure origins it is undefined.
    if clipboard.is_undefined() {
        return Err("the clipboard is not available on this page (it needs HTTPS or localhost)".into());
    }
    JsFuture::from(clipboard.write_text(text)).await.map(drop).map_err(describe)
}

/// Offers `text` as a file named `file_name` without any request: a Blob behind an object URL,
/// clicked through a detached link.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no browser window")?;
    let document = window.document().ok_or("no document")?;
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = JsValue::from(vec![JsValue::from_str(text)]);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).map_err(describe)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let anchor: HtmlAnchorElement =
        document.create_element("a").map_err(describe)?.dyn_into().map_err(|_| "could not create a link")?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoking at once can cancel the download in some browsers; a second is plenty.
    gloo::timers::callback::Timeout::new(1_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

fn describe(error: JsValue) -> String {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(exception) => exception.message(),
        None => error.as_string().unwrap_or_else(|| "the browser refused".to_owned()),
    }
}
