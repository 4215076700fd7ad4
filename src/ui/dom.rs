//! The one place that touches the browser outside Leptos: clipboard and file download, the
//! session's storage and address, and fetching the site's own on-demand files.

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

/// Fetches `path`, relative to the page's base URL (so under any public URL it stays on the
/// site's own origin), and returns its text. A network failure or an HTTP error status is an
/// error saying which.
pub async fn fetch_text(path: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no browser window")?;
    let response = JsFuture::from(window.fetch_with_str(path)).await.map_err(describe)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "the browser gave no response")?;
    if !response.ok() {
        let status = format!("{} {}", response.status(), response.status_text());
        return Err(format!("the site answered {}", status.trim()));
    }
    let text = JsFuture::from(response.text().map_err(describe)?).await.map_err(describe)?;
    text.as_string().ok_or_else(|| "the response was not text".to_owned())
}

fn describe(error: JsValue) -> String {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        return exception.message();
    }
    // A failed fetch rejects with a TypeError ("Failed to fetch", "NetworkError…").
    if let Some(error) = error.dyn_ref::<js_sys::Error>() {
        return String::from(error.message());
    }
    error.as_string().unwrap_or_else(|| "the browser refused".to_owned())
}

// ---- Session: localStorage, the URL fragment, other tabs (src/ui/session) ----

/// localStorage, or why there is none (disabled by the user, or a sandboxed frame).
fn local_storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("no browser window")?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err("this browser offers no local storage".into()),
        Err(error) => Err(describe(error)),
    }
}

pub fn storage_get(key: &str) -> Result<Option<String>, String> {
    local_storage()?.get_item(key).map_err(describe)
}

/// Fails when storage is full or refused.
pub fn storage_set(key: &str, value: &str) -> Result<(), String> {
    local_storage()?.set_item(key, value).map_err(describe)
}

pub fn storage_remove(key: &str) -> Result<(), String> {
    local_storage()?.remove_item(key).map_err(describe)
}

/// The URL fragment with its `#`, or "".
pub fn location_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The page's address, fragment included.
pub fn page_url() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

/// Drops the fragment from the address bar without a reload or a history entry.
pub fn clear_location_hash() {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let url = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Calls `on_change` with the new value whenever another tab changes `key` in localStorage (None:
/// removed). Browsers do not send the event to the tab that made the change.
pub fn on_storage_change(key: &'static str, on_change: impl Fn(Option<String>) + 'static) {
    listen("storage", move |event: web_sys::Event| {
        if let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() {
            // A null key means the whole storage was cleared.
            if event.key().is_none_or(|k| k == key) {
                on_change(event.new_value());
            }
        }
    });
}

/// Calls `on_change` with the new fragment when only the fragment changes (no reload happens then).
pub fn on_hash_change(on_change: impl Fn(String) + 'static) {
    listen("hashchange", move |_| on_change(location_hash()));
}

/// Calls `on_hide` when the page is left or reloaded: the last chance to save.
pub fn on_page_hide(on_hide: impl Fn() + 'static) {
    listen("pagehide", move |_| on_hide());
}

/// Listens on the window for the page's lifetime.
fn listen(event: &str, handler: impl Fn(web_sys::Event) + 'static) {
    let Some(window) = web_sys::window() else { return };
    let closure = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(handler);
    let _ = window.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// An id unlikely to repeat among a user's tabs (not a secret).
pub fn random_id() -> String {
    let high = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    format!("{high:08x}{:08x}", js_sys::Date::now() as u64 as u32)
}

/// The page's URL fragment without `#`, e.g. `rule-IAM011`.
pub fn current_fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let id = hash.strip_prefix('#')?;
    (!id.is_empty()).then(|| id.to_owned())
}

/// Shows the element with `id`: opens the `<details>` around it, scrolls it into view and
/// focuses it (it needs a `tabindex`), so keyboard and screen-reader users land on it too.
pub fn reveal(id: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(target) = document.get_element_by_id(id) else { return };
    if target.tag_name().eq_ignore_ascii_case("details") {
        let _ = target.set_attribute("open", "");
    }
    let mut ancestor = target.parent_element().and_then(|p| p.closest("details").ok().flatten());
    while let Some(details) = ancestor {
        let _ = details.set_attribute("open", "");
        ancestor = details.parent_element().and_then(|p| p.closest("details").ok().flatten());
    }
    target.scroll_into_view();
    // Without preventScroll a target taller than the window is scrolled again, under the section bar.
    if let Some(element) = target.dyn_ref::<web_sys::HtmlElement>() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
    }
}

/// Opens the browser's print dialog; style/print.css lays the page out as a review.
pub fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Scrolls the element with `id` just enough to show it (nothing when it is in view already).
pub fn scroll_into_view_nearest(id: &str) {
    let Some(target) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    target.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Focuses the text box `id` and selects `start..end`, counted in UTF-16 code units as the browser
/// counts them.
pub fn select_in_text_box(id: &str, start: u32, end: u32) {
    let Some(element) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let _ = area.focus();
        let _ = area.set_selection_range(start, end);
    }
}

/// Focuses the element `id` when it can take focus.
pub fn focus(id: &str) {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element.as_ref().and_then(|e| e.dyn_ref::<web_sys::HtmlElement>()) {
        let _ = element.focus();
    }
}

/// The time now as `2026-12-07 15:04 UTC`, for the printed review.
pub fn now_utc() -> String {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    format!("{} UTC", iso.get(..16).unwrap_or(&iso).replace('T', " "))
}

/// Calls `before` whenever the page is about to print (the button or the browser's own menu).
pub fn on_before_print(before: impl Fn() + 'static) {
    listen("beforeprint", move |_| before());
}
