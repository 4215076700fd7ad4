//! The log-group-key form: every input of the scenario, each with its problems beside it.

mod controls;
mod field;
mod options;

use crate::catalog::{Partition, PARTITIONS};
use crate::scenarios::log_group_key::{CallerPermission, LogGroupKeyInput};
use crate::scenarios::{FieldError, FieldSeverity};
use controls::{Checkbox, Choice, LinesInput, TextInput};
use field::{Field, FieldErrors};
use leptos::prelude::*;
use options::*;

/// A read and a write of one field of the input, for a control.
fn bind<T: Send + Sync + 'static>(
    input: RwSignal<LogGroupKeyInput>,
    get: fn(&LogGroupKeyInput) -> T,
    set: fn(&mut LogGroupKeyInput, T),
) -> (Signal<T>, Callback<T>) {
    (Signal::derive(move || input.with(get)), Callback::new(move |value| input.update(|i| set(i, value))))
}

/// The problems of one field, and whether any of them blocks.
fn problems_of(errors: Signal<Vec<FieldError>>, field: &'static str) -> (Signal<Vec<FieldError>>, Signal<bool>) {
    let mine = Signal::derive(move || errors.with(|all| all.iter().filter(|e| e.field == field).cloned().collect::<Vec<_>>()));
    let blocking = Signal::derive(move || mine.with(|e| e.iter().any(|e| e.severity == FieldSeverity::Error)));
    (mine, blocking)
}

/// The form for "encrypt log groups with a customer managed KMS key".
#[component]
pub fn LogGroupKeyForm(input: RwSignal<LogGroupKeyInput>, #[prop(into)] errors: Signal<Vec<FieldError>>) -> impl IntoView {
    let (partition, set_partition) = bind(input, |i| i.partition, |i, v| i.partition = v);
    let (region, set_region) = bind(input, |i| i.region.clone(), |i, v| i.region = v);
    let (account, set_account) = bind(input, |i| i.account.clone(), |i, v| i.account = v);
    let (key_arn, set_key_arn) = bind(input, |i| i.key_arn.clone(), |i, v| i.key_arn = v);
    let (scope, set_scope) = bind(input, |i| i.scope, |i, v| i.scope = v);
    let (log_groups, set_log_groups) = bind(input, |i| i.log_groups.clone(), |i, v| i.log_groups = v);
    let (state, set_state) = bind(input, |i| i.log_group_state, |i, v| i.log_group_state = v);
    let (permission, set_permission) = bind(input, |i| i.caller_permission, |i, v| i.caller_permission = v);
    let (callers, set_callers) = bind(input, |i| i.callers.clone(), |i, v| i.callers = v);
    let (rotate_from, set_rotate_from) = bind(input, |i| i.rotate_from.clone(), |i, v| i.rotate_from = v);
    let (keep_context, set_keep_context) =
        bind(input, |i| i.keep_context_on_old_key, |i, v| i.keep_context_on_old_key = v);

    let problems = |field| problems_of(errors, field);
    let (partition_errors, _) = problems("partition");
    let (region_errors, region_invalid) = problems("region");
    let (account_errors, account_invalid) = problems("account");
    let (key_errors, key_invalid) = problems("key-arn");
    let (scope_errors, _) = problems("scope");
    let (group_errors, group_invalid) = problems("log-groups");
    let (state_errors, _) = problems("log-group-state");
    let (permission_errors, _) = problems("caller-permission");
    let (caller_errors, caller_invalid) = problems("callers");
    let (rotate_errors, rotate_invalid) = problems("rotate-from");
    let (keep_errors, _) = problems("keep-context");

    let regions = move || partition.get().regions().iter().map(|r| view! { <option value=*r></option> }).collect_view();

    view! {
        <form class="scenario-form" on:submit=|ev| ev.prevent_default() autocomplete="off">
            <fieldset>
                <legend>"Where the log groups are"</legend>
                <Field field="partition" label="Partition" errors=partition_errors>
                    <Choice field="partition" options=&PARTITIONS name=Partition::id label=Partition::label
                        value=partition on_change=set_partition />
                </Field>
                <Field field="region" label="Region" errors=region_errors
                    hint="The key must be in the same Region as the log groups.">
                    <TextInput field="region" value=region on_input=set_region invalid=region_invalid
                        list="regions" placeholder="us-east-1" />
                    <datalist id="regions">{regions}</datalist>
                </Field>
                <Field field="account" label="Account ID" errors=account_errors
                    hint="The 12-digit account that owns the log groups.">
                    <TextInput field="account" value=account on_input=set_account invalid=account_invalid
                        placeholder="111122223333" />
                </Field>
            </fieldset>

            <fieldset>
                <legend>"Key"</legend>
                <Field field="key-arn" label="Existing key ARN" errors=key_errors
                    hint="A customer managed key's full ARN. Leave empty to create a new key.">
                    <TextInput field="key-arn" value=key_arn on_input=set_key_arn invalid=key_invalid
                        placeholder="Empty: create a new key" />
                </Field>
            </fieldset>

            <fieldset>
                <legend>"Log groups"</legend>
                <Field field="scope" label="Use the key for" errors=scope_errors
                    hint="AWS recommends a key per log group; the account scope trusts every log group.">
                    <Choice field="scope" options=&SCOPES name=scope_name label=scope_label value=scope on_change=set_scope />
                </Field>
                <Field field="log-groups" label="Log group names" errors=group_errors
                    hint="One name per line, e.g. /aws/lambda/orders (names, not ARNs).">
                    <LinesInput field="log-groups" value=log_groups on_input=set_log_groups invalid=group_invalid
                        placeholder="my-log-group" />
                </Field>
                <Field field="log-group-state" label="The log groups are" errors=state_errors>
                    <Choice field="log-group-state" options=&STATES name=state_name label=state_label
                        value=state on_change=set_state />
                </Field>
            </fieldset>

            <fieldset>
                <legend>"Roles that use the log groups"</legend>
                <Field field="caller-permission" label="Their permission to use the key" errors=permission_errors
                    hint="Roles that read or write encrypted log groups need the key too, through CloudWatch Logs only.">
                    <Choice field="caller-permission" options=&PERMISSIONS name=permission_name label=permission_label
                        value=permission on_change=set_permission />
                </Field>
                <Show when=move || permission.get() != CallerPermission::None
                    fallback=move || view! { <FieldErrors field="callers" errors=caller_errors /> }>
                    <Field field="callers" label="Role ARNs" errors=caller_errors
                        hint="One IAM role (or user) ARN per line.">
                        <LinesInput field="callers" value=callers on_input=set_callers invalid=caller_invalid
                            placeholder="arn:aws:iam::111122223333:role/app" />
                    </Field>
                </Show>
            </fieldset>

            <fieldset>
                <legend>"Rotating from another key?"</legend>
                <Field field="rotate-from" label="Key the log groups use now" errors=rotate_errors
                    hint="Its ARN. The steps move the log groups to the new key and reduce this one to decrypt-only. Leave empty if not rotating.">
                    <TextInput field="rotate-from" value=rotate_from on_input=set_rotate_from invalid=rotate_invalid
                        placeholder="Empty: not rotating" />
                </Field>
                <div class="field">
                    <Checkbox field="keep-context" label="Keep the log-group condition on the old key"
                        value=keep_context on_change=set_keep_context />
                    <p class="hint" id="field-hint-keep-context">
                        "AWS's example drops it, which lets CloudWatch Logs decrypt any log group's data with the old key."
                    </p>
                    <FieldErrors field="keep-context" errors=keep_errors />
                </div>
            </fieldset>
        </form>
    }
}
