//! The app mounted in headless Chromium: type as a user would, then read what the page shows.
//!
//!   CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!   CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser
#![cfg(target_arch = "wasm32")]

use cwlogs_policy::lint::RULES;
use cwlogs_policy::scenarios::ScenarioId;
use cwlogs_policy::ui::App;
use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The app in its own element, removed (and unmounted) when dropped.
struct Mounted {
    root: HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

impl Mounted {
    fn new() -> Self {
        let document = web_sys::window().expect("window").document().expect("document");
        let root: HtmlElement = document.create_element("div").expect("div").unchecked_into();
        document.body().expect("body").append_child(&root).expect("append");
        // Each test is a first visit: no work autosaved by the test before it.
        if let Ok(Some(storage)) = web_sys::window().expect("window").local_storage() {
            let _ = storage.remove_item(cwlogs_policy::session::STORAGE_KEY);
        }
        let handle = leptos::mount::mount_to(root.clone(), App);
        let page = Mounted { root, _handle: Box::new(handle) };
        // A first visit leaves Region and account empty; these flows start from the documented
        // example values, as a user who clicks "Try an example" does.
        page.try_example();
        page
    }

    /// A first visit after "Try an example", once the example's documents are on the page.
    async fn with_example() -> Self {
        let page = Mounted::new();
        page.until("the example's documents are shown", |p| p.one("bundle-start").is_none() && p.one("document").is_some())
            .await;
        page
    }

    /// Clicks the form's "Try an example" when the form still has empty first-visit fields.
    fn try_example(&self) {
        if let Some(button) = self.one("form-try-example") {
            button.unchecked_ref::<HtmlElement>().click();
        }
    }

    fn all(&self, testid: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(&format!("[data-testid=\"{testid}\"]")).expect("selector");
        (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
    }

    fn one(&self, testid: &str) -> Option<Element> {
        self.all(testid).into_iter().next()
    }

    fn text(&self, testid: &str) -> String {
        self.one(testid).and_then(|e| e.text_content()).unwrap_or_default()
    }

    fn texts(&self, testid: &str) -> Vec<String> {
        self.all(testid).iter().map(|e| e.text_content().unwrap_or_default()).collect()
    }

    /// Sets a text box's value and fires `input`, as typing does.
    fn type_into(&self, testid: &str, value: &str) {
        let element = self.one(testid).unwrap_or_else(|| panic!("no {testid}"));
        if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
            input.set_value(value);
        } else if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
            area.set_value(value);
        } else {
            panic!("{testid} is not a text box");
        }
        fire(&element, "input");
    }

    /// A text box's or text area's current value.
    fn value(&self, testid: &str) -> String {
        let element = self.one(testid).unwrap_or_else(|| panic!("no {testid}"));
        if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
            input.value()
        } else if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
            area.value()
        } else {
            panic!("{testid} is not a text box");
        }
    }

    /// Ticks or unticks a checkbox and fires `change`, as clicking it does.
    fn check(&self, testid: &str, checked: bool) {
        let element = self.one(testid).unwrap_or_else(|| panic!("no {testid}"));
        element.dyn_ref::<HtmlInputElement>().unwrap_or_else(|| panic!("{testid} is not a checkbox")).set_checked(checked);
        fire(&element, "change");
    }

    /// Picks an option by its value and fires `change`, as choosing one does.
    fn choose(&self, testid: &str, value: &str) {
        let element = self.one(testid).unwrap_or_else(|| panic!("no {testid}"));
        element.dyn_ref::<HtmlSelectElement>().unwrap_or_else(|| panic!("{testid} is not a select")).set_value(value);
        fire(&element, "change");
    }

    /// Waits for the page to satisfy `check`, since updates land after the event handler returns.
    async fn until(&self, what: &str, check: impl Fn(&Self) -> bool) {
        for _ in 0..100 {
            if check(self) {
                return;
            }
            TimeoutFuture::new(20).await;
        }
        panic!("timed out waiting until {what}; the page reads:\n{}", self.root.inner_text());
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

fn fire(element: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).expect("event");
    element.dispatch_event(&event).expect("dispatch");
}

#[wasm_bindgen_test]
async fn the_page_opens_with_a_complete_bundle_that_checks_clean() {
    let page = Mounted::new();
    page.until("the key policy is shown", |p| p.text("document-text").contains("\"Version\": \"2012-10-17\"")).await;
    assert!(page.text("document").contains("Checked: no findings"), "{}", page.text("document"));
    assert!(page.all("field-error-account").is_empty());
    assert!(page.all("bundle-banner").is_empty());
    assert!(!page.all("step").is_empty());
    assert!(page.texts("step-command").iter().any(|c| c.contains("aws kms create-key")));
    // The chooser shows short names; the chosen scenario's full title is under it.
    assert!(page.text("scenario-select").contains("Log group key"));
    assert!(page.text("scenario-title").contains("Encrypt log groups with a customer managed KMS key"));
}

#[wasm_bindgen_test]
async fn typing_an_account_puts_its_root_arn_in_the_key_policy() {
    let page = Mounted::new();
    page.type_into("input-account", "123456789012");
    page.until("the key policy names the new account", |p| {
        p.text("document-text").contains("\"arn:aws:iam::123456789012:root\"")
    })
    .await;
    assert!(page.text("document-text").contains("arn:aws:logs:us-east-1:123456789012:log-group:my-log-group"));
    assert!(page.all("field-error-account").is_empty());
}

#[wasm_bindgen_test]
async fn an_invalid_account_is_explained_next_to_its_field() {
    let page = Mounted::with_example().await;
    page.type_into("input-account", "12345");
    page.until("the account's field error shows", |p| !p.all("field-error-account").is_empty()).await;
    let error = page.text("field-error-account");
    assert!(error.contains("Error") && error.contains("12 digits"), "{error}");
    let input = page.one("input-account").expect("input");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(input.get_attribute("aria-describedby").unwrap_or_default().contains("field-error-account"));
    assert!(page.text("bundle-banner").contains("Not ready to apply"), "{}", page.text("bundle-banner"));
    // The documents are still there, showing the value as typed.
    assert!(page.text("document-text").contains("arn:aws:iam::12345:root"));

    page.type_into("input-account", "123456789012");
    page.until("the error clears once the account is fixed", |p| p.all("field-error-account").is_empty()).await;
}

#[wasm_bindgen_test]
async fn pasting_an_invalid_policy_shows_a_located_json001_finding() {
    let page = Mounted::new();
    assert!(page.all("finding").is_empty());
    page.type_into("checker-input", "{\"Version\": \"2012-10-17\",,}");
    page.until("a finding shows", |p| !p.all("finding").is_empty()).await;
    let finding = page.text("finding");
    for part in ["JSON001", "error", "1:26", "expected a member name"] {
        assert!(finding.contains(part), "the finding lacks {part:?}: {finding}");
    }
    assert_eq!(page.text("checker-summary"), "1 error");
    let marks = page.all("finding-mark");
    assert_eq!(marks.len(), 1);
    assert_eq!(marks[0].text_content().as_deref(), Some(","));
    assert!(marks[0].get_attribute("title").unwrap_or_default().contains("JSON001"));
}

#[wasm_bindgen_test]
async fn a_valid_policy_has_no_findings() {
    let page = Mounted::new();
    page.until("the key policy is shown", |p| !p.text("document-text").is_empty()).await;
    let generated = page.text("document-text");
    page.type_into("checker-input", &generated);
    page.until("the summary says no findings", |p| p.text("checker-summary") == "No findings").await;
    assert!(page.all("finding").is_empty());
    assert!(page.all("finding-mark").is_empty());
}

#[wasm_bindgen_test]
async fn the_policy_kind_is_part_of_the_check() {
    let page = Mounted::new();
    let policy = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "logs:GetLogEvents", "Resource": "*"}]}"#;
    page.type_into("checker-input", policy);
    page.until("the key policy check runs", |p| !p.text("checker-summary").is_empty()).await;
    let as_key_policy = page.text("checker-summary");
    page.choose("checker-kind", "identity");
    page.until("the identity policy check runs", |p| p.text("checker-summary") != as_key_policy).await;
}

#[wasm_bindgen_test]
async fn choosing_a_caller_permission_asks_for_the_callers() {
    let page = Mounted::new();
    assert!(page.one("input-callers").is_none());
    page.choose("input-caller-permission", "key-policy");
    page.until("the callers box shows", |p| p.one("input-callers").is_some()).await;
    page.until("an empty callers list is an error", |p| !p.all("field-error-callers").is_empty()).await;
    page.type_into("input-callers", "arn:aws:iam::111122223333:role/app");
    page.until("the key policy names the caller", |p| {
        p.text("document-text").contains("\"arn:aws:iam::111122223333:role/app\"")
    })
    .await;
    assert!(page.all("field-error-callers").is_empty());
}

#[wasm_bindgen_test]
async fn the_rules_panel_documents_every_rule() {
    let page = Mounted::new();
    // Asked for only when the panel is opened: a closed panel costs the page nothing.
    TimeoutFuture::new(100).await;
    assert_eq!(page.all("rule").len(), 0, "the rules are fetched before the panel is opened");
    let panel = page.one("rules").expect("the rules panel");
    panel.set_attribute("open", "").expect("opens");
    // The documentation arrives from the analysis worker (here answered in the page).
    page.until("the rules are shown", |p| p.all("rule").len() == RULES.len()).await;
    let rules = page.texts("rule");
    assert_eq!(rules.len(), RULES.len());
    for (text, rule) in rules.iter().zip(RULES) {
        assert!(text.contains(rule.code) && text.contains(rule.name), "{text}");
        assert!(text.contains("What it does"), "{} shows no documentation: {text}", rule.code);
    }
}

#[wasm_bindgen_test]
async fn copying_says_whether_it_worked() {
    let page = Mounted::with_example().await;
    let button: HtmlElement = page.one("copy-document").expect("a copy button").unchecked_into();
    button.click();
    // Headless Chromium may refuse the clipboard; either way the user must be told.
    page.until("the copy button reports the outcome", |p| {
        let document = p.text("document");
        document.contains("Copied") || document.contains("Copy failed")
    })
    .await;
}

#[wasm_bindgen_test]
async fn every_scenario_is_offered_by_its_title() {
    let page = Mounted::new();
    // By a short name that fits a phone, with the full title as the option's title.
    let select = page.one("scenario-select").expect("the chooser");
    let options = select.query_selector_all("option").expect("its options");
    assert_eq!(options.length() as usize, ScenarioId::ALL.len());
    for (i, id) in ScenarioId::ALL.into_iter().enumerate() {
        let option: Element = options.item(i as u32).expect("an option").unchecked_into();
        assert_eq!(option.text_content().unwrap_or_default(), id.intro().short_name);
        assert_eq!(option.get_attribute("title").as_deref(), Some(id.title()));
    }
}

#[wasm_bindgen_test]
async fn switching_scenarios_shows_their_fields_and_keeps_what_was_typed() {
    let page = Mounted::new();
    page.type_into("input-account", "123456789012");
    page.until("the typed account is used", |p| p.text("document-text").contains("123456789012")).await;

    for other in ScenarioId::ALL.into_iter().filter(|id| *id != ScenarioId::LogGroupKey) {
        page.choose("scenario-select", other.cli_name());
        let shown: Vec<_> = other.fields().iter().filter(|f| f.shown_when.is_none()).collect();
        page.until(&format!("the {} form shows", other.cli_name()), |p| {
            if shown.is_empty() {
                p.one("no-fields").is_some()
            } else {
                shown.iter().all(|f| p.one(&format!("input-{}", f.name)).is_some())
            }
        })
        .await;
        if !other.fields().iter().any(|f| f.name == "log-groups") {
            assert!(page.one("input-log-groups").is_none(), "{other:?} shows the log-group-key form");
        }
        // Another scenario's empty account takes the one typed here (Region and account carry over).
        if other.fields().iter().any(|f| f.name == "account") {
            assert_eq!(page.value("input-account"), "123456789012");
        }
    }

    page.choose("scenario-select", ScenarioId::LogGroupKey.cli_name());
    page.until("the log-group-key form is back", |p| p.one("input-log-groups").is_some()).await;
    assert_eq!(page.value("input-account"), "123456789012");
    page.until("its bundle uses the typed account", |p| p.text("document-text").contains("arn:aws:iam::123456789012:root")).await;
}

#[wasm_bindgen_test]
async fn a_lines_field_keeps_the_text_exactly_as_typed() {
    let page = Mounted::new();
    let typed = "/app/orders\n\n  /app/billing \n";
    page.type_into("input-log-groups", typed);
    // Two names with the one-group scope: the core asks for the several-groups scope.
    page.until("two log groups are read", |p| p.text("field-error-log-groups").contains("several log groups")).await;
    assert_eq!(page.value("input-log-groups"), typed);
    page.choose("input-scope", "several-groups");
    page.until("both groups are in the key policy", |p| {
        let policy = p.text("document-text");
        policy.contains("log-group:/app/orders\"") && policy.contains("log-group:/app/billing\"")
    })
    .await;
    assert_eq!(page.value("input-log-groups"), typed);
}

#[wasm_bindgen_test]
async fn the_keep_context_checkbox_changes_the_old_keys_policy() {
    let page = Mounted::new();
    page.choose("input-log-group-state", "existing");
    page.type_into("input-rotate-from", "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
    let old_key = |p: &Mounted| {
        p.root
            .query_selector("[data-file=\"old-key-policy.json\"] [data-testid=\"document-text\"]")
            .ok()
            .flatten()
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    };
    page.until("the old key's policy is shown", |p| !old_key(p).is_empty()).await;
    assert!(page.all("bundle-banner").is_empty(), "{}", page.text("bundle-banner"));
    // Off by default: AWS's decrypt-only form without the context condition.
    let without_context = old_key(&page);
    assert!(!without_context.contains("kms:EncryptionContext:aws:logs:arn"), "{without_context}");

    page.check("input-keep-context-on-old-key", true);
    page.until("the condition is added", |p| old_key(p).contains("kms:EncryptionContext:aws:logs:arn")).await;
    page.check("input-keep-context-on-old-key", false);
    page.until("the condition is dropped again", |p| old_key(p) == without_context).await;
}

#[wasm_bindgen_test]
async fn every_scenarios_default_bundle_is_shown_whole() {
    let page = Mounted::new();
    // What the page holds: each scenario's first-visit form with the Region and account carried
    // over from the one before, then "Try an example" for what is still empty.
    let mut previous = ScenarioId::LogGroupKey.default_input();
    for id in ScenarioId::ALL {
        let mut input = id.blank_input();
        cwlogs_policy::scenarios::carry_over(&previous, &mut input);
        id.fill_example(&mut input);
        let bundle = id.run(&input).bundle.expect("the example makes a bundle");
        previous = input;
        page.choose("scenario-select", id.cli_name());
        // The new form renders after the event: give the prompt a moment to appear where it will.
        for _ in 0..25 {
            if page.one("form-try-example").is_some() {
                break;
            }
            TimeoutFuture::new(20).await;
        }
        page.try_example();
        let files: Vec<String> = bundle.files.iter().map(|f| f.content.clone()).collect();
        let commands: Vec<String> = bundle.steps.iter().map(|s| s.command.clone()).collect();
        let events: Vec<String> =
            bundle.steps.iter().flat_map(|s| &s.events).map(|e| format!("{} {}", e.source, e.name)).collect();
        page.until(&format!("the {} bundle is shown", id.cli_name()), |p| {
            p.all("document").len() == bundle.documents.len() && p.texts("file-text") == files && p.texts("step-command") == commands
        })
        .await;
        assert_eq!(page.texts("step-event"), events, "{id:?}");
        for (card, file) in page.all("file").iter().zip(&bundle.files) {
            let text = card.text_content().unwrap_or_default();
            assert!(text.contains(&file.name) && text.contains(&file.file_name) && text.contains(&file.why), "{id:?}: {text}");
        }
        assert!(page.all("bundle-banner").is_empty(), "{id:?}: {}", page.text("bundle-banner"));
    }
}
