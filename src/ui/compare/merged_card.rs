//! The merged policy: what was added, its size against the kind's limit, copy and download, and
//! the command that applies it.

use crate::compare::Merged;
use crate::ui::copy_button::CopyButton;
use crate::ui::download_button::DownloadButton;
use crate::ui::wrap_points::with_wrap_points;
use leptos::prelude::*;

/// Shown only when the merge was checked to keep every pasted statement (`merge_pasted`), so the
/// "kept exactly" sentence is true for this paste.
#[component]
pub fn MergedCard(merged: Memo<Option<Merged>>) -> impl IntoView {
    let get = move |f: fn(&Merged) -> String| move || merged.with(|m| m.as_ref().map(f).unwrap_or_default());
    let text = Signal::derive(get(|m| m.text.clone()));
    let file = Signal::derive(get(|m| m.file_name.clone()));
    let command = Signal::derive(get(|m| {
        m.command
            .clone()
            .unwrap_or_else(|| "# No command: AWS would refuse a policy over its size limit.".to_owned())
    }));
    let has_command = move || merged.with(|m| m.as_ref().is_some_and(|m| m.command.is_some()));
    let over = move || merged.with(|m| m.as_ref().is_some_and(|m| m.over_limit));
    let size = get(|m| {
        let verdict = if m.over_limit {
            "over the limit: AWS would reject it"
        } else {
            "within the limit"
        };
        format!("{} of {} {} ({verdict})", thousands(m.size), thousands(m.limit), m.unit)
    });
    let what = get(|m| {
        let mut parts = Vec::new();
        parts.push(if m.added.is_empty() {
            "Adds nothing: your statements already cover every generated one.".to_owned()
        } else {
            format!(
                "Adds {}.",
                m.added
                    .iter()
                    .map(|s| format!("\"{s}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        });
        if m.skipped > 0 {
            parts.push(format!(
                "{} generated statement(s) already covered by yours.",
                m.skipped
            ));
        }
        for (from, to) in &m.renamed {
            parts.push(format!("Sid \"{from}\" was taken, so the added one is \"{to}\"."));
        }
        parts.push("Your statements are kept exactly as they are, in their order.".to_owned());
        parts.join(" ")
    });

    view! {
        <section class="compare-section card document" aria-labelledby="compare-merged-title">
            <header class="card-head">
                <div class="card-title">
                    <h3 id="compare-merged-title">"Merged policy"</h3>
                    <p class="card-meta">
                        <code class="file-name">{file}</code>
                        " · "
                        <span data-testid="compare-merged-size" class:over-limit=over>{size}</span>
                    </p>
                </div>
                <div class="actions">
                    <CopyButton text label="Copy the merged policy" testid="copy-merged" />
                    <DownloadButton text file_name=file testid="download-merged" />
                </div>
            </header>
            <p class="merged-what" data-testid="compare-merged-what">{what}</p>
            <Show when=move || merged.with(|m| m.as_ref().is_some_and(|m| m.put_back.is_some()))>
                <p class="merged-put-back" data-testid="compare-merged-put-back">
                    {get(|m| m.put_back.clone().unwrap_or_default())}
                </p>
            </Show>
            <pre class="code" data-testid="compare-merged-text" tabindex="0" inner_html=move || text.with(|t| with_wrap_points(t))></pre>
            <p class="digest" data-testid="compare-merged-digest">
                "SHA-256 of this text: "<code>{move || text.with(|t| crate::teaching::sha256_hex(t))}</code>
            </p>
            <div class="section-head">
                <h4>"Apply it"</h4>
                <Show when=has_command>
                    <CopyButton text=command label="Copy the command" testid="copy-merged-command" />
                </Show>
            </div>
            <pre class="code" data-testid="compare-command" tabindex="0">{command}</pre>
        </section>
    }
}

/// `32768` → `32,768`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
