//! The banner over the bundle while the form has problems: how many, and the ones no field shows;
//! on a first visit, what to fill in to see the bundle.

use crate::scenarios::{FieldError, FieldSeverity};
use leptos::prelude::*;

#[component]
pub fn ProblemBanner(
    #[prop(into)] problems: Signal<Vec<FieldError>>,
    #[prop(into)] unplaced: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let count = move |severity| problems.with(|p| p.iter().filter(|p| p.severity == severity).count());
    let unplaced_list = move || {
        unplaced.with(|u| !u.is_empty()).then(|| {
            view! {
                <ul class="banner-problems" data-testid="banner-problems">
                    {unplaced.get().into_iter().map(|p| view! { <li>{p.message}</li> }).collect_view()}
                </ul>
            }
        })
    };
    move || match (count(FieldSeverity::Error), count(FieldSeverity::Warning)) {
        (0, 0) => None,
        (0, w) => Some(
            view! {
                <div class="banner banner-warning" data-testid="bundle-banner" role="status">
                    <p>
                        <span aria-hidden="true">"▲ "</span>
                        <strong>"Check the form: "</strong>
                        {format!("{w} {} below the fields. The documents are complete but may not be what you meant.",
                            if w == 1 { "warning" } else { "warnings" })}
                    </p>
                    {unplaced_list}
                </div>
            }
            .into_any(),
        ),
        (e, _) => Some(
            view! {
                <div class="banner banner-error" data-testid="bundle-banner" role="status">
                    <p>
                        <span aria-hidden="true">"✖ "</span>
                        <strong>"Not ready to apply: "</strong>
                        {format!("{e} {} in the form. The documents below contain the values as typed, or placeholders, and will not work until {} fixed.",
                            if e == 1 { "problem" } else { "problems" }, if e == 1 { "it is" } else { "they are" })}
                    </p>
                    {unplaced_list}
                </div>
            }
            .into_any(),
        ),
    }
}

/// Stands where the bundle would be while the first-visit fields are empty: names them, and offers
/// the documented example values instead.
#[component]
pub fn StartPrompt(#[prop(into)] missing: Signal<String>, on_example: Callback<()>) -> impl IntoView {
    view! {
        <div class="banner banner-start" data-testid="bundle-start" role="status">
            <p><strong>"Fill in "{missing}" to see your documents and commands."</strong></p>
            <p>
                "Or see the whole bundle with AWS's documented example values first: "
                <button type="button" class="button button-small" data-testid="form-try-example"
                    on:click=move |_| on_example.run(())>"Try an example"</button>
            </p>
        </div>
    }
}
