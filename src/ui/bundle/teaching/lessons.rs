//! Beside each statement of a document card: why it is there, why each condition key is there, and
//! "Break it", which shows in place what removing the statement does.

use super::breakage::BreakResult;
use super::Teaching;
use crate::analyst::{Answer, Form, Question};
use crate::teaching::{ConditionLesson, StatementLesson};
use crate::ui::analyst;
use crate::ui::wrap_points::with_wrap_points;
use leptos::prelude::*;
use std::collections::BTreeSet;

/// The lessons of the document `file`. Which statements are broken survives switching teaching mode
/// off and on; a statement is known by its Sid, or by its position when it has none.
#[component]
pub fn StatementLessons(file: String) -> impl IntoView {
    let Some(teaching) = use_context::<Teaching>() else {
        return ().into_any();
    };
    let broken = RwSignal::new(BTreeSet::<String>::new());
    let wanted = file.clone();
    let asked = analyst::asked(
        format!("lessons:{wanted}"),
        move || {
            if !teaching.on.get() {
                return None;
            }
            let scenario = teaching.bundle.with(|b| b.as_ref().map(|b| b.scenario))?;
            Some(Question::Lessons {
                form: Form {
                    scenario,
                    input: teaching.input.get(),
                },
                file_name: wanted.clone(),
            })
        },
        |_, answer| match answer {
            Answer::Lessons { lessons } => Some(lessons),
            _ => None,
        },
    );
    let all = Memo::new(move |_| asked.answer.get().unwrap_or_default());
    view! {
        <Show when=move || teaching.on.get() && all.with(|l| !l.is_empty())>
            <section class="lessons" data-testid="lessons" aria-label="Teaching: each statement">
                <h4>"Each statement, and what breaks without it"</h4>
                <ol class="lesson-list">
                    {
                        let file = file.clone();
                        move || {
                            all.get()
                                .into_iter()
                                .map(|lesson| view! { <Lesson lesson file=file.clone() broken /> })
                                .collect_view()
                        }
                    }
                </ol>
            </section>
        </Show>
    }
    .into_any()
}

#[component]
fn Lesson(lesson: StatementLesson, file: String, broken: RwSignal<BTreeSet<String>>) -> impl IntoView {
    let StatementLesson {
        index,
        sid,
        text,
        why,
        doc_url,
        conditions,
    } = lesson;
    let key = sid.clone().unwrap_or_else(|| format!("#{index}"));
    let title = sid
        .clone()
        .unwrap_or_else(|| format!("Statement {} (no Sid)", index + 1));
    let is_broken = {
        let key = key.clone();
        Memo::new(move |_| broken.with(|b| b.contains(&key)))
    };
    let toggle = move |_| {
        let key = key.clone();
        broken.update(|b| {
            if !b.remove(&key) {
                b.insert(key);
            }
        });
    };
    let label = title.clone();
    view! {
        <li class="lesson" data-testid="lesson" data-sid=sid.clone().unwrap_or_default() class:broken=move || is_broken.get()>
            <pre class="code lesson-code" tabindex="0" aria-label=format!("Statement {}", title.clone()) inner_html=with_wrap_points(&text)></pre>
            <div class="lesson-notes">
                <h5><code>{title}</code></h5>
                <p class="lesson-why" data-testid="lesson-why">
                    {why.unwrap_or_else(|| "No explanation was generated for this statement.".to_owned())}
                    {doc_url.map(|url| view! {
                        " "<a href=url target="_blank" rel="noopener noreferrer" data-testid="lesson-doc">"AWS documentation"</a>
                    })}
                </p>
                <ConditionNotes conditions />
                <button
                    type="button"
                    class="button break-button"
                    data-testid="break-statement"
                    aria-pressed=move || is_broken.get().to_string()
                    aria-label=move || format!("{} {label}", if is_broken.get() { "Restore" } else { "Break" })
                    on:click=toggle
                >
                    {move || if is_broken.get() { "Restore" } else { "Break it" }}
                </button>
                <Show when=move || is_broken.get()>
                    <BreakResult file=file.clone() index />
                </Show>
            </div>
        </li>
    }
}

#[component]
fn ConditionNotes(conditions: Vec<ConditionLesson>) -> impl IntoView {
    (!conditions.is_empty()).then(|| {
        view! {
            <dl class="condition-notes" data-testid="condition-notes">
                {conditions.into_iter().map(|c| view! {
                    <dt>
                        <code>{c.key}</code>
                        <span class="condition-values">" "{c.operator}" "<span inner_html=with_wrap_points(&c.values.join(", "))></span></span>
                    </dt>
                    <dd data-testid="condition-why">
                        {match c.note {
                            Some(note) => view! {
                                {note.why}" "
                                <a href=note.doc_url target="_blank" rel="noopener noreferrer">"AWS documentation"</a>
                            }.into_any(),
                            None => "No note for this key.".into_any(),
                        }}
                    </dd>
                }).collect_view()}
            </dl>
        }
    })
}
