//! The form's choices: each option's stable value (the core's serde name) and its wording.

use crate::scenarios::log_group_key::{CallerPermission, LogGroupState, Scope};

pub const SCOPES: [Scope; 3] = [Scope::OneGroup, Scope::SeveralGroups, Scope::Account];

pub fn scope_name(scope: Scope) -> &'static str {
    match scope {
        Scope::OneGroup => "one-group",
        Scope::SeveralGroups => "several-groups",
        Scope::Account => "account",
    }
}

pub fn scope_label(scope: Scope) -> &'static str {
    match scope {
        Scope::OneGroup => "One log group",
        Scope::SeveralGroups => "Several log groups",
        Scope::Account => "Every log group in the account and Region",
    }
}

pub const STATES: [LogGroupState; 2] = [LogGroupState::New, LogGroupState::Existing];

pub fn state_name(state: LogGroupState) -> &'static str {
    match state {
        LogGroupState::New => "new",
        LogGroupState::Existing => "existing",
    }
}

pub fn state_label(state: LogGroupState) -> &'static str {
    match state {
        LogGroupState::New => "New: create them with the key",
        LogGroupState::Existing => "Existing: associate the key",
    }
}

pub const PERMISSIONS: [CallerPermission; 3] = [CallerPermission::None, CallerPermission::KeyPolicy, CallerPermission::IamPolicy];

pub fn permission_name(permission: CallerPermission) -> &'static str {
    match permission {
        CallerPermission::None => "none",
        CallerPermission::KeyPolicy => "key-policy",
        CallerPermission::IamPolicy => "iam-policy",
    }
}

pub fn permission_label(permission: CallerPermission) -> &'static str {
    match permission {
        CallerPermission::None => "None: no role needs the key",
        CallerPermission::KeyPolicy => "Key policy statement (kms:ViaService)",
        CallerPermission::IamPolicy => "Separate IAM policy (kms:ViaService)",
    }
}
