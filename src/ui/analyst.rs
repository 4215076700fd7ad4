//! The page's side of the analysis worker (README "Analysis worker"): starts it, sends it
//! questions, and hands each answer to the panel that asked.
//!
//! Each panel asks in its own slot. A slot has at most one question in the worker; a newer
//! question waits in its place and replaces any older waiting one, so a burst of keystrokes costs
//! one analysis per answer, not one per keystroke, and the answer shown is never for text the user
//! has since changed (its spans would point into the wrong text).

use crate::analyst::{Answer, Envelope, Question};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker};

type Deliver = Rc<dyn Fn(Answer)>;

#[derive(Default)]
struct Slot {
    in_flight: Option<u32>,
    waiting: Option<Question>,
    deliver: Option<Deliver>,
}

#[derive(Default)]
struct Link {
    worker: Option<Worker>,
    ready: bool,
    next_id: u32,
    slots: BTreeMap<String, Slot>,
}

thread_local! {
    // With `analyst-in-page` (the wasm browser tests, which mount the app without a worker) the
    // page answers its own questions and is ready at once.
    static LINK: RefCell<Link> = RefCell::new(Link {
        ready: cfg!(feature = "analyst-in-page"),
        ..Link::default()
    });
    // Why the worker is not there (it failed to start or stopped); every panel's status says it.
    static FAILURE: ArcRwSignal<Option<String>> = ArcRwSignal::new(None);
}

/// Why analyses are unavailable, once the worker failed; `None` while it works.
pub fn failure() -> Option<String> {
    FAILURE.with(|f| f.get())
}

fn fail(why: String) {
    FAILURE.with(|f| f.set(Some(why)));
}

/// Starts the worker named by index.html's `analyst-worker` meta (scripts/worker-url.sh writes it).
/// Called once, after the form is on screen, so the worker's download does not compete with the
/// page's own.
pub fn start() {
    let url = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=analyst-worker]").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .filter(|u| !u.is_empty() && u != "ANALYST_WORKER_URL");
    let Some(url) = url else {
        fail("the page was built without its analysis worker (index.html names none)".into());
        return;
    };
    let worker = match Worker::new(&url) {
        Ok(w) => w,
        Err(e) => {
            fail(format!("the analysis worker could not start ({e:?})"));
            return;
        }
    };
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| {
        if let Some(text) = event.data().as_string() {
            received(&text);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = Closure::<dyn Fn(web_sys::ErrorEvent)>::new(|event: web_sys::ErrorEvent| {
        fail(format!("the analysis worker stopped ({}); reload the page", event.message()));
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    LINK.with(|l| l.borrow_mut().worker = Some(worker));
}

/// Asks `question` in `slot`; `deliver` gets its answer unless a newer question in the same slot
/// replaced it first.
pub fn ask(slot: impl Into<String>, question: Question, deliver: impl Fn(Answer) + 'static) {
    let slot = slot.into();
    LINK.with(|l| {
        let mut link = l.borrow_mut();
        let entry = link.slots.entry(slot.clone()).or_default();
        entry.deliver = Some(Rc::new(deliver));
        entry.waiting = Some(question);
        let busy = entry.in_flight.is_some();
        if link.ready && !busy {
            send_waiting(&mut link, &slot);
        }
    });
}

fn send_waiting(link: &mut Link, slot: &str) {
    let id = link.next_id;
    let Some(entry) = link.slots.get_mut(slot) else { return };
    let Some(question) = entry.waiting.take() else { return };
    let Ok(json) = serde_json::to_string(&Envelope { id, body: question }) else { return };
    if post(link.worker.as_ref(), json) {
        entry.in_flight = Some(id);
        link.next_id = id.wrapping_add(1);
    }
}

fn post(worker: Option<&Worker>, json: String) -> bool {
    if let Some(worker) = worker {
        return worker.post_message(&JsValue::from_str(&json)).is_ok();
    }
    answer_in_page(json)
}

/// The worker's loop on the page's own thread, after the current task, the same JSON both ways.
/// Only with the `analyst-in-page` feature: it links every analysis into the page's wasm.
#[cfg(feature = "analyst-in-page")]
fn answer_in_page(json: String) -> bool {
    leptos::task::spawn_local(async move {
        if let Some(answer) = crate::analyst::answer_json(&json) {
            received(&answer);
        }
    });
    true
}

#[cfg(not(feature = "analyst-in-page"))]
fn answer_in_page(_json: String) -> bool {
    false
}

fn received(text: &str) {
    if text == "ready" {
        LINK.with(|l| {
            let mut link = l.borrow_mut();
            link.ready = true;
            let slots: Vec<String> = link.slots.keys().cloned().collect();
            for slot in slots {
                send_waiting(&mut link, &slot);
            }
        });
        return;
    }
    let answered = match serde_json::from_str::<Envelope<Answer>>(text) {
        Ok(answered) => answered,
        Err(e) => {
            // Both sides are built from the same source, so this is a defect: say what, for the report.
            fail(format!("the analysis worker answered something this page cannot read ({e}); reload the page"));
            return;
        }
    };
    // Decide under the borrow, deliver after it: delivering sets signals, whose effects may ask again.
    let deliver = LINK.with(|l| {
        let mut link = l.borrow_mut();
        let slot = link
            .slots
            .iter()
            .find(|(_, s)| s.in_flight == Some(answered.id))
            .map(|(name, _)| name.clone())?;
        let entry = link.slots.get_mut(&slot)?;
        entry.in_flight = None;
        if entry.waiting.is_some() {
            // Stale: the text changed while it was analysed. Ask the newer question instead.
            send_waiting(&mut link, &slot);
            None
        } else {
            entry.deliver.clone()
        }
    });
    if let Some(deliver) = deliver {
        deliver(answered.body);
    }
}

/// The worker's latest answer to a question that follows signals, and the question it answered.
pub struct Asked<T: Send + Sync + 'static> {
    /// `None` until the first answer (or while there is nothing to ask).
    pub answer: ReadSignal<Option<T>>,
    /// A newer question than the shown answer's is in the worker: show "Checking…".
    pub pending: ReadSignal<bool>,
}

impl<T: Send + Sync + 'static> Clone for Asked<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Asked<T> {}

/// Asks `question()` in `slot` now and whenever a signal it reads changes; `pick` takes, from the
/// question and its answer, what the panel shows (with the question's text when spans point into
/// it). `question` returning `None` (nothing to ask: a blank paste) clears the answer.
pub fn asked<T: Send + Sync + 'static>(
    slot: impl Into<String>,
    question: impl Fn() -> Option<Question> + 'static,
    pick: fn(Question, Answer) -> Option<T>,
) -> Asked<T> {
    let (answer, set_answer) = signal(None::<T>);
    let (pending, set_pending) = signal(false);
    let slot: String = slot.into();
    Effect::new(move |_| match question() {
        None => {
            set_pending.set(false);
            set_answer.set(None);
        }
        Some(q) => {
            set_pending.set(true);
            let asked = q.clone();
            ask(slot.clone(), q, move |a| {
                // The panel may be gone by the time the answer arrives.
                if let Some(value) = pick(asked.clone(), a) {
                    set_answer.try_set(Some(value));
                }
                set_pending.try_set(false);
            });
        }
    });
    Asked { answer, pending }
}
