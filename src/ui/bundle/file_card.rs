//! One generated file that is not a policy (bucket settings, an event pattern …): its text, copy
//! and download, and what it is for.

use crate::scenarios::Artifact;
use crate::ui::copy_button::CopyButton;
use crate::ui::download_button::DownloadButton;
use crate::ui::rich_text::rich_text;
use leptos::prelude::*;

/// The download's media type, from the file name's extension.
fn mime_of(file: &str) -> &'static str {
    match file.rsplit_once('.').map(|(_, ext)| ext) {
        Some("json") => "application/json",
        Some("sh") => "text/x-shellscript",
        Some("yaml" | "yml") => "application/yaml",
        _ => "text/plain",
    }
}

/// `artifact` is `None` only for the moment between the bundle dropping it and the list removing
/// this card.
#[component]
pub fn FileCard(file: String, #[prop(into)] artifact: Signal<Option<Artifact>>) -> impl IntoView {
    let text = Memo::new(move |_| artifact.with(|a| a.as_ref().map(|a| a.content.clone()).unwrap_or_default()));
    let name = move || artifact.with(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default());
    // `code` and bare https addresses in the explanation become code and links.
    let why = move || artifact.with(|a| a.as_ref().map(|a| rich_text(&a.why)));
    let title_id = format!("file-{}", file.replace('.', "-"));
    let labelled_by = title_id.clone();

    view! {
        <article class="card document file" data-testid="file" data-file=file.clone() aria-labelledby=labelled_by>
            <header class="card-head">
                <div class="card-title">
                    <h3 id=title_id>{name}</h3>
                    <p class="card-meta">
                        <code class="file-name">{file.clone()}</code>
                    </p>
                </div>
                <div class="actions">
                    <CopyButton text=text label=format!("Copy {file}") testid="copy-file" />
                    <DownloadButton text=text file_name=file.clone() testid="download-file" mime=mime_of(&file) />
                </div>
            </header>
            <pre class="code" data-testid="file-text" tabindex="0">{text}</pre>
            <p class="file-why" data-testid="file-why">{why}</p>
        </article>
    }
}
