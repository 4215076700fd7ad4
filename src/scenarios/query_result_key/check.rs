//! Input checks for the query-result-key form: each problem is reported next to its field.

use super::QueryResultKeyInput;
use crate::scenarios::field_checks::{check_account, check_key_arn, check_region, Place};
use crate::scenarios::{log_group_key, FieldError};

/// Every problem with the inputs; an empty list means the bundle is ready to use.
pub fn check_input(input: &QueryResultKeyInput) -> Vec<FieldError> {
    let mut out = Vec::new();
    let place = Place {
        partition: input.partition,
        region: &input.region,
        account: &input.account,
    };
    check_region("region", input.partition, &input.region, &mut out);
    check_account("account", &input.account, "whose query results are encrypted", &mut out);
    if !input.is_new_key() {
        check_key_arn("key-arn", &input.key_arn, place, &mut out);
    }
    if input.share_with_log_groups {
        // The shared statement is log_group_key's, so its log-group rules (names, and their number
        // against the scope) apply word for word under the same field name; its checks of the
        // other fields are the ones above.
        log_group_key::check_log_groups(&input.as_log_group_key(), &mut out);
    }
    out
}
