//! The IAM action names the page does not embed, fetched once from the site's own files the
//! first time a policy on the page names a service without them (README "IAM catalogue").

use super::{analyst, dom};
use crate::analyst::{Answer, Question};
use leptos::prelude::*;
use leptos::task::spawn_local;


/// What the status line says about the loaded size: the file gzipped, as hosts send it.
const LIST_SIZE: &str = "about 100 KB";

#[derive(Clone, Debug, PartialEq)]
enum LoadState {
    NotRequested,
    Loading,
    Loaded,
    Failed(String),
}

/// The page's one copy of the loading state; every checker on the page shares it, so the list is
/// fetched at most once. One signal, to keep the page's wasm small: the findings memos track it, and
/// re-run (cheaply, twice per page at most) when it changes, among others when the names arrive.
#[derive(Clone)]
pub struct ActionCatalogue {
    state: ArcRwSignal<LoadState>,
}

thread_local! {
    // Reference-counted, not owned by a component: checkers come and go, this lives as long as
    // the page.
    static CATALOGUE: ActionCatalogue = ActionCatalogue {
        state: ArcRwSignal::new(LoadState::NotRequested),
    };
}

impl ActionCatalogue {
    pub fn get() -> Self {
        CATALOGUE.with(Clone::clone)
    }

    /// Read inside every memo whose findings look action names up, so it re-runs when more load.
    pub fn track(&self) {
        self.state.track();
    }

    /// Loads the list the first time `unloaded` names a service without loaded action names, for
    /// as long as the calling component lives. Once asked, it no longer reads `unloaded`.
    pub fn load_for(&self, unloaded: Signal<Vec<&'static str>>) {
        let this = self.clone();
        Effect::new(move |_| {
            let asked = this.state.with(|s| *s != LoadState::NotRequested);
            if !asked && unloaded.with(|u| !u.is_empty()) {
                this.request();
            }
        });
    }

    /// Fetches and adds the list once. After a failure it does not try again: a missing file
    /// stays missing until the page is reloaded, and every keystroke would ask again.
    fn request(&self) {
        if self.state.with_untracked(|s| *s != LoadState::NotRequested) {
            return;
        }
        self.state.set(LoadState::Loading);
        let state = self.state.clone();
        // The worker holds the catalogue, so it names the file (with its dataset version); the page
        // fetches it with the fetch it already has, which keeps the worker's answers synchronous.
        analyst::ask("catalogue", Question::ActionsListPath, move |answer| {
            let Answer::ActionsListPath { path } = answer else { return };
            let state = state.clone();
            spawn_local(async move {
                match dom::fetch_text(&path).await {
                    Ok(list) => analyst::ask("catalogue", Question::AddActions { list }, move |answer| {
                        state.set(match answer {
                            Answer::ActionsAdded { added: Ok(_) } => LoadState::Loaded,
                            Answer::ActionsAdded { added: Err(why) } => LoadState::Failed(why),
                            _ => LoadState::Failed("the analysis worker gave an unexpected answer".into()),
                        });
                    }),
                    Err(why) => state.set(LoadState::Failed(why)),
                }
            });
        });
    }

    /// What to tell the user about a text that names `missing` (services without action names):
    /// nothing unless the list is loading or failed and there are such services; then that they
    /// are loading, or that their checks were skipped and why.
    fn message(&self, missing: &[&str]) -> String {
        let why = match self.state.get() {
            LoadState::NotRequested | LoadState::Loaded => return String::new(),
            LoadState::Loading => None,
            LoadState::Failed(why) => Some(why),
        };
        if missing.is_empty() {
            return String::new();
        }
        let services = services_phrase(missing);
        match why {
            None => format!("Loading the full list of IAM actions ({LIST_SIZE}) to check the actions of {services}…"),
            Some(why) => format!(
                "Unknown-action checks (IAM013, IAM014) for {services} were skipped: the full list of IAM \
                 actions could not be loaded ({why}). The other checks ran; reload the page to try again."
            ),
        }
    }
}

/// `ec2`, `ec2 and sqs`, `ec2, rds, sqs and 397 more services`.
fn services_phrase(services: &[&str]) -> String {
    const SHOWN: usize = 3;
    match services {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] if services.len() <= SHOWN => format!("{} and {last}", init.join(", ")),
        _ => format!(
            "{} and {} more services",
            services[..SHOWN].join(", "),
            services.len() - SHOWN
        ),
    }
}

/// The status line under a checker's summary. Always in the page, empty when there is nothing to
/// say, so screen readers announce it when it fills.
#[component]
pub fn ActionCatalogueStatus(unloaded: Signal<Vec<&'static str>>, testid: &'static str) -> impl IntoView {
    let catalogue = ActionCatalogue::get();
    let message = move || unloaded.with(|u| catalogue.message(u));
    view! {
        <p class="hint catalogue-status" data-testid=testid role="status">{message}</p>
    }
}
