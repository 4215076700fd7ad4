//! A scenario's steps as one shell script, for "copy all steps".

use crate::scenarios::Step;

/// The steps in order, each under a comment with its number and title. Stops at the first
/// failing command, since later steps use what earlier ones created (`$KEY_ARN` …).
pub fn script(steps: &[Step]) -> String {
    let mut out = String::from("#!/usr/bin/env bash\nset -euo pipefail\n");
    for (i, step) in steps.iter().enumerate() {
        out.push_str(&format!("\n# {}. {}\n{}\n", i + 1, step.title, step.command.trim_end()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenarios::step::operation::KMS_CREATE_KEY;
    use crate::scenarios::step::{AwsCall, Line};

    #[test]
    fn steps_are_numbered_in_order_under_a_strict_shebang() {
        let steps = [
            Step::new("Create the key", vec![AwsCall::new(&KMS_CREATE_KEY).capture("KEY_ARN", "KeyMetadata.Arn").into()]),
            Step::new("Use it", vec![Line::PrintVar("KEY_ARN")]),
        ];
        assert_eq!(
            script(&steps),
            "#!/usr/bin/env bash\nset -euo pipefail\n\n# 1. Create the key\nKEY_ARN=$(aws kms create-key --query KeyMetadata.Arn --output text)\n\n# 2. Use it\necho \"$KEY_ARN\"\n"
        );
    }
}
