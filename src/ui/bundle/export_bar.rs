//! The bundle as one file: a bash script, a CloudFormation template (YAML or JSON) or a Terraform
//! configuration, each to download or copy. Made only when clicked, from the core's exports.

use super::Teaching;
use crate::analyst::{Answer, ExportedFile, Form, Question};
use crate::export::Format;
use crate::scenarios::{Bundle, FieldError, FieldSeverity};
use crate::ui::analyst;
use crate::ui::copy_button::CopyButton;
use crate::ui::download_button::DownloadButton;
use leptos::prelude::*;

fn testids(format: Format) -> (&'static str, &'static str) {
    match format {
        Format::Script => ("export-download-script", "export-copy-script"),
        Format::CloudFormationYaml => ("export-download-cloudformation-yaml", "export-copy-cloudformation-yaml"),
        Format::CloudFormationJson => ("export-download-cloudformation-json", "export-copy-cloudformation-json"),
        Format::Terraform => ("export-download-terraform", "export-copy-terraform"),
    }
}

/// One row per format. While the form has errors a disabled fieldset turns every button off
/// (the browser's own way, so keyboard and screen readers agree) and a line says why.
#[component]
pub fn ExportBar(
    #[prop(into)] bundle: Signal<Option<Bundle>>,
    #[prop(into)] problems: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let has_errors = move || problems.with(|p| p.iter().any(|p| p.severity == FieldSeverity::Error));
    // Made by the analysis worker as the form changes, so a click copies or downloads at once.
    let teaching = use_context::<Teaching>();
    let asked = analyst::asked(
        "exports",
        move || {
            let teaching = teaching?;
            let scenario = bundle.with(|b| b.as_ref().map(|b| b.scenario))?;
            Some(Question::Exports {
                form: Form {
                    scenario,
                    input: teaching.input.get(),
                },
            })
        },
        |_, answer| match answer {
            Answer::Exports { files, scanned } => Some((files, scanned)),
            _ => None,
        },
    );
    let file = move |format: Format, part: fn(&ExportedFile) -> String| {
        asked.answer.with(|a| {
            a.as_ref()
                .and_then(|(files, _)| files.iter().find(|f| f.format == format).map(part))
                .unwrap_or_default()
        })
    };
    let ready = move || !asked.pending.get() && asked.answer.with(Option::is_some);
    let rows = Format::ALL
        .into_iter()
        .map(|format| {
            let (download_id, copy_id) = testids(format);
            let text = Signal::derive(move || file(format, |f| f.text.clone()));
            let file_name = Signal::derive(move || file(format, |f| f.file_name.clone()));
            view! {
                <li class="export-row">
                    <span class="export-label">{format.label()}</span>
                    <DownloadButton text file_name testid=download_id mime=format.mime() />
                    <CopyButton text label=format!("Copy the {}", format.label()) testid=copy_id />
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="export-bar panel" aria-labelledby="export-title" data-testid="export-bar"
            hidden=move || bundle.with(Option::is_none)>
            <h3 id="export-title" tabindex="-1">"Export"</h3>
            <p class="export-intro">
                "Everything above as one file: a bash script that writes each document and runs the steps, or a template that creates the same resources with the same policies. Steps a template cannot do are listed in it; run them from the script."
            </p>
            <p class="export-scanners" data-testid="export-scanners">
                {move || asked.answer.with(|a| a.as_ref().map(|(_, scanned)| scanned.clone()).unwrap_or_default())}
            </p>
            <p class="export-disabled" data-testid="export-disabled" role="status">
                {move || {
                    if has_errors() {
                        Some("Exports are off while the form has errors: fix the fields marked above first.".to_owned())
                    } else if let Some(why) = analyst::failure() {
                        Some(format!("Exports are not available: {why}."))
                    } else {
                        (!ready()).then(|| "Preparing the exports…".to_owned())
                    }
                }}
            </p>
            <fieldset class="export-formats" data-testid="export-formats" disabled=move || has_errors() || !ready()>
                <legend class="visually-hidden">"Formats"</legend>
                <ul class="export-list">{rows}</ul>
            </fieldset>
        </section>
    }
}
