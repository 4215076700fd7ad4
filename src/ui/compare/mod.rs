//! "Compare with your existing policy": pick one of the bundle's documents, paste the policy you
//! have, and see the diff, the merge that keeps your statements, the scenario's calls judged three
//! ways and the access the merge adds. Everything shown comes from `crate::compare`.

mod access_list;
mod call_checklist;
mod change_view;
mod document_picker;
mod marked_text;
mod merged_card;
mod pasted_policies;
mod refused_merge_card;

use crate::analyst::{Answer, Form, Question};
use crate::compare::Comparison;
use crate::scenarios::{Bundle, ScenarioId};
use crate::ui::analyst;
use crate::ui::catalogue_loader::{ActionCatalogue, ActionCatalogueStatus};
use crate::policy::PolicyKind;
use crate::ui::dom;
use crate::ui::findings::{text_box_range, FindingList};
use crate::ui::try_example::TryExample;
use access_list::AccessList;
use call_checklist::CallChecklist;
use change_view::ChangeView;
use document_picker::DocumentPicker;
use leptos::prelude::*;
use marked_text::{finding_marks, MarkedText};
use merged_card::MergedCard;
use pasted_policies::PastedPolicies;
use refused_merge_card::RefusedMergeCard;
use serde_json::Value;
use std::collections::BTreeMap;

/// Which document the panel compares, per scenario; shared so a document card can pick its own.
#[derive(Clone, Copy)]
pub struct CompareChoice {
    chosen: RwSignal<BTreeMap<ScenarioId, String>>,
    scenario: Signal<ScenarioId>,
}

impl CompareChoice {
    pub fn provide(scenario: Signal<ScenarioId>) -> CompareChoice {
        let choice = CompareChoice {
            chosen: RwSignal::new(BTreeMap::new()),
            scenario,
        };
        provide_context(choice);
        choice
    }

    fn pick(self, file: String) {
        let id = self.scenario.get_untracked();
        self.chosen.update(|c| {
            c.insert(id, file);
        });
    }

    /// "Compare this with mine": picks `file`, shows the panel and puts the cursor in its box.
    pub fn compare_with_mine(self, file: String) {
        self.pick(file);
        request_animation_frame(|| {
            dom::reveal("compare-title");
            dom::focus("compare-input");
        });
    }
}

/// The worker's comparison of one paste.
#[derive(Clone, Debug, PartialEq)]
struct Answered {
    pasted: String,
    comparison: Option<Comparison>,
    summary: String,
    unloaded: Vec<&'static str>,
}

/// The panel. What was pasted is kept per scenario and document, so switching either keeps it.
#[component]
pub fn ComparePanel(
    #[prop(into)] scenario: Signal<ScenarioId>,
    #[prop(into)] input: Signal<Value>,
    #[prop(into)] bundle: Signal<Option<Bundle>>,
) -> impl IntoView {
    let texts = RwSignal::new(BTreeMap::<(ScenarioId, String), String>::new());
    let choice = use_context::<CompareChoice>().unwrap_or_else(|| CompareChoice::provide(scenario));
    let chosen = choice.chosen;
    let documents = Memo::new(move |_| {
        bundle.with(|b| {
            b.iter()
                .flat_map(|b| &b.documents)
                .map(|d| (d.file_name.clone(), d.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    // The chosen document while the bundle has it, else the first.
    let file = Memo::new(move |_| {
        let id = scenario.get();
        documents.with(|docs| {
            chosen
                .with(|c| c.get(&id).filter(|f| docs.iter().any(|(name, _)| name == *f)).cloned())
                .or_else(|| docs.first().map(|(name, _)| name.clone()))
        })
    });
    let text = Memo::new(move |_| {
        let id = scenario.get();
        file.get()
            .and_then(|f| texts.with(|t| t.get(&(id, f)).cloned()))
            .unwrap_or_default()
    });
    let on_pick = Callback::new(move |name: String| choice.pick(name));
    // Which policy of a paste holding several to compare; `None`: the one paired with the document.
    let picked = RwSignal::new(None::<String>);
    let is_key_policy = Memo::new(move |_| {
        file.with(|f| {
            let Some(f) = f else { return false };
            bundle.with(|b| b.as_ref().and_then(|b| b.document(f)).is_some_and(|d| d.kind == PolicyKind::Key))
        })
    });
    // "Compare this pair": the same paste, compared for another document (pastes are kept per
    // document, so it is carried over).
    let on_pair = Callback::new(move |name: String| {
        let pasted = text.get_untracked();
        let id = scenario.get_untracked();
        texts.update(|t| {
            t.insert((id, name.clone()), pasted);
        });
        choice.pick(name);
    });
    let on_text = Callback::new(move |value: String| {
        if let Some(f) = file.get_untracked() {
            let id = scenario.get_untracked();
            texts.update(|t| {
                t.insert((id, f), value);
            });
        }
    });
    let catalogue = ActionCatalogue::get();
    let asked = analyst::asked(
        "compare",
        move || {
            catalogue.track();
            let file_name = file.get()?;
            Some(Question::Compare {
                form: Form {
                    scenario: scenario.get(),
                    input: input.get(),
                },
                file_name,
                pasted: text.get(),
                policy: picked.get(),
            })
        },
        |question, answer| match (question, answer) {
            (Question::Compare { pasted, .. }, Answer::Compared { comparison, summary, unloaded }) => {
                Some(Answered { pasted, comparison, summary, unloaded })
            }
            _ => None,
        },
    );
    let comparison = Memo::new(move |_| asked.answer.with(|a| a.as_ref().and_then(|a| a.comparison.clone())));
    // The paste the comparison was made on: its spans point into it, even while a newer paste is
    // being compared.
    let compared_text = Memo::new(move |_| asked.answer.with(|a| a.as_ref().map(|a| a.pasted.clone()).unwrap_or_default()));
    let unloaded = Signal::derive(move || asked.answer.with(|a| a.as_ref().map(|a| a.unloaded.clone()).unwrap_or_default()));
    ActionCatalogue::get().load_for(unloaded);
    let status = move || {
        if let Some(why) = analyst::failure() {
            return format!("Not compared: {why}.");
        }
        match (asked.answer.get(), file.get()) {
            (_, None) => "This scenario has no policy document to compare.".to_owned(),
            (Some(a), Some(_)) if !asked.pending.get() || a.comparison.is_none() => a.summary,
            (_, Some(_)) if text.with(|t| t.trim().is_empty()) => String::new(),
            (_, Some(_)) => "Comparing…".to_owned(),
        }
    };

    view! {
        <section class="compare panel" aria-labelledby="compare-title" data-testid="compare"
            class:has-result=move || comparison.with(|c| c.as_ref().is_some_and(|c| c.compared.is_some()))>
            <h2 id="compare-title" tabindex="-1">"Compare with your existing policy"</h2>
            <p class="section-intro">
                "Paste the policy you have now: the policy itself, what "<code>"aws kms get-key-policy --key-id KEY --policy-name default"</code>
                " (or another "<code>"get-…"</code>" command) printed, or a CloudFormation template, Terraform file or AWS Config item holding it. See what the generated document changes, a merge that keeps every statement you have, and whether the scenario's calls work with each. Nothing leaves this page."
            </p>
            <DocumentPicker documents file on_pick />
            <p class="print-only" data-testid="compare-printed-file">
                "Compared with the policy pasted for "<code>{move || file.get().unwrap_or_default()}</code>"."
            </p>
            <Show when=move || is_key_policy.get()>
                <TryExample input testid="compare-examples"
                    on_pick=Callback::new(move |(_, example): (PolicyKind, String)| on_text.run(example)) />
            </Show>
            <label class="visually-hidden" for="compare-input">"Your existing policy"</label>
            <textarea id="compare-input" class="code" data-testid="compare-input" rows="10" spellcheck="false"
                autocomplete="off" placeholder="{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [ … ]\n}"
                aria-describedby="compare-summary"
                prop:value=move || text.get() on:input=move |ev| on_text.run(event_target_value(&ev))></textarea>
            <crate::ui::session::NotSavedNote text testid="compare-not-saved" />
            <p id="compare-summary" class="compare-summary" data-testid="compare-summary" role="status">{status}</p>
            <ActionCatalogueStatus unloaded testid="compare-catalogue-status" />
            <Show when=move || comparison.with(|c| c.as_ref().is_some_and(|c| !c.found.is_empty()))>
                <PastedPolicies comparison=Signal::derive(move || comparison.get()) picked on_document=on_pair />
            </Show>
            <Show when=move || comparison.with(Option::is_some)>
                <ComparisonView comparison=Signal::derive(move || comparison.get()) text=compared_text />
            </Show>
        </section>
    }
}

/// Findings, then (when the text parsed) the diff, the merge or why there is none, the checklist
/// and the access. `text` is the paste: findings are located in it; the diff's left side is the
/// policy compared, which for a template or CLI answer is the policy found inside.
#[component]
fn ComparisonView(comparison: Signal<Option<Comparison>>, #[prop(into)] text: Signal<String>) -> impl IntoView {
    let findings =
        Signal::derive(move || comparison.with(|c| c.as_ref().map(|c| c.findings.clone()).unwrap_or_default()));
    let on_locate = Callback::new(move |(start, end): (usize, usize)| {
        let (from, to) = text.with_untracked(|t| text_box_range(t, start, end));
        dom::select_in_text_box("compare-input", from, to);
    });
    let compared = Memo::new(move |_| comparison.with(|c| c.as_ref().and_then(|c| c.compared.clone())));
    // Each clones only its own side of the merge outcome.
    let merged = Memo::new(move |_| compared.with(|c| c.as_ref().and_then(|c| c.merged.as_ref().ok().cloned())));
    let refusal = Memo::new(move |_| compared.with(|c| c.as_ref().and_then(|c| c.merged.as_ref().err().cloned())));
    let generated_text =
        Signal::derive(move || comparison.with(|c| c.as_ref().map(|c| c.generated_text.clone()).unwrap_or_default()));
    let existing_text = Signal::derive(move || {
        comparison
            .with(|c| c.as_ref().and_then(|c| c.existing_text.clone()))
            .unwrap_or_else(|| text.get())
    });
    view! {
        <Show when=move || findings.with(|f| !f.is_empty())>
            <details class="compare-findings" open=move || merged.with(Option::is_none)>
                <summary>{move || format!("Findings in your policy: {}", findings.with(|f| crate::report::summary(f)))}</summary>
                <FindingList findings testid="compare-finding" on_locate />
            </details>
        </Show>
        <Show when=move || compared.with(Option::is_none)>
            <h3 class="annotated-title">"Where they point"</h3>
            <MarkedText text marks=Signal::derive(move || findings.with(|f| finding_marks(f))) label="Your policy with findings marked" />
        </Show>
        <Show when=move || compared.with(Option::is_some)>
            // Why there is no merge comes first: it decides what the rest can be used for.
            <Show when=move || refusal.with(Option::is_some)>
                <RefusedMergeCard refusal />
            </Show>
            <ChangeView compared existing=existing_text generated=generated_text />
            <Show when=move || merged.with(Option::is_some)>
                <MergedCard merged />
            </Show>
            <CallChecklist compared />
            <Show when=move || merged.with(Option::is_some)>
                <AccessList compared />
            </Show>
        </Show>
    }
}
