//! Issue 14: every pasted form (AWS CLI output, CloudFormation JSON and YAML, Terraform, AWS
//! Config items) holding the same broken key policy gets the bare policy's findings, located on
//! the offending characters of the paste; placeholders are not errors; hostile input gives
//! located messages.

use cwlogs_policy::import::{check, extract, Form, PolicyCheck};
use cwlogs_policy::lint::{Finding, Severity};
use cwlogs_policy::policy::PolicyKind;
use cwlogs_policy::{analyze, analyze_as};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/import/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn checks(paste: &str) -> Vec<PolicyCheck> {
    check(paste, &extract(paste), PolicyKind::Key, None, false)
}

/// What a finding says, without where.
fn said(f: &Finding) -> (&'static str, Severity, String, String) {
    (f.code, f.severity, f.message.clone(), f.path.clone())
}

/// Each form, the policy in it that holds the broken key policy, the form and kind expected.
const FORMS: [(&str, &str, Form, PolicyKind); 13] = [
    ("aws-kms-get-key-policy.json", "default", Form::AwsCli, PolicyKind::Key),
    ("aws-s3api-get-bucket-policy.json", "bucket policy", Form::AwsCli, PolicyKind::Bucket),
    ("aws-logs-describe-resource-policies.json", "orders-delivery", Form::AwsCli, PolicyKind::LogResource),
    ("aws-iam-get-role.json", "orders-exporter", Form::AwsCli, PolicyKind::Trust),
    ("aws-iam-get-role-policy.json", "orders-kms", Form::AwsCli, PolicyKind::Identity),
    ("aws-iam-get-policy-version.json", "v3", Form::AwsCli, PolicyKind::Identity),
    ("aws-config-item.json", "orders-logs", Form::ConfigItem, PolicyKind::Bucket),
    ("cloudformation.json", "OrdersKey", Form::CloudFormationJson, PolicyKind::Key),
    ("cloudformation.json", "OrdersLogsPolicy", Form::CloudFormationJson, PolicyKind::LogResource),
    ("cloudformation.yaml", "OrdersKey", Form::CloudFormationYaml, PolicyKind::Key),
    ("cloudformation.yaml", "OrdersLogsPolicy", Form::CloudFormationYaml, PolicyKind::LogResource),
    ("terraform.tf", "aws_kms_key.orders", Form::Terraform, PolicyKind::Key),
    ("terraform.tf", "aws_cloudwatch_log_resource_policy.orders", Form::Terraform, PolicyKind::LogResource),
];

#[test]
fn every_form_gets_the_bare_policys_findings_located_on_the_pasted_characters() {
    let bare = fixture("broken-key-policy.json");
    for (file, name, form, kind) in FORMS {
        let paste = fixture(file);
        assert_eq!(extract(&paste).form, form, "{file}");
        let found = checks(&paste);
        let policy = found
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("{file}: no policy {name}; found {:?}", found.iter().map(|c| &c.name).collect::<Vec<_>>()));
        assert_eq!(policy.kind, kind, "{file} {name}");
        let expected = analyze(&bare, kind).findings;
        assert!(expected.iter().any(|f| f.code == "IAM005"), "the fixture is broken on purpose");
        assert_eq!(
            policy.findings.iter().map(said).collect::<Vec<_>>(),
            expected.iter().map(said).collect::<Vec<_>>(),
            "{file} {name}"
        );
        for (got, want) in policy.findings.iter().zip(&expected) {
            // The bare policy's offending token, e.g. "Alow", is inside what the finding marks
            // in the paste (escaped, unquoted or as written).
            let token = bare[want.start..want.end].trim_matches('"');
            if token.contains(['"', '\n', '{']) {
                continue;
            }
            let marked = &paste[got.start..got.end];
            assert!(
                marked.contains(token),
                "{file} {name}: {} marks {marked:?} at {}:{}, not {token:?}",
                got.code,
                got.line,
                got.column
            );
            let line = paste.lines().nth(got.line - 1).unwrap();
            let column_text: String = line.chars().skip(got.column - 1).collect();
            assert!(column_text.starts_with(&marked[..marked.len().min(column_text.len())].lines().next().unwrap()), "{file}: line/column");
        }
    }
}

#[test]
fn the_iam_policy_document_data_block_is_checked_as_the_policy_it_renders() {
    let paste = fixture("terraform.tf");
    let found = checks(&paste);
    let document = found
        .iter()
        .find(|c| c.name == "data.aws_iam_policy_document.orders")
        .expect("the data block");
    // Referenced by aws_iam_policy.orders: an identity policy, which may not name a Principal.
    assert_eq!(document.kind, PolicyKind::Identity);
    assert!(document.source.contains("aws_iam_policy.orders"), "{}", document.source);
    let codes: Vec<&str> = document.findings.iter().map(|f| f.code).collect();
    assert!(codes.contains(&"IAM005") && codes.contains(&"IAM014"), "{codes:?}");
    let alow = document.findings.iter().find(|f| f.code == "IAM005").unwrap();
    assert_eq!(&paste[alow.start..alow.end], "\"Alow\"");
}

#[test]
fn a_template_with_intrinsics_and_no_defect_has_no_error_or_security_finding() {
    let paste = fixture("clean-template-with-intrinsics.yaml");
    let found = checks(&paste);
    assert_eq!(
        found.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
        ["OrdersKey", "ExporterRole", "ExporterRole/read-orders"]
    );
    for c in &found {
        let bad: Vec<_> = c
            .findings
            .iter()
            .filter(|f| matches!(f.severity, Severity::Error | Severity::Security))
            .collect();
        assert!(bad.is_empty(), "{}: {bad:#?}", c.name);
        assert_eq!(c.notes.len(), 1, "{}: one note about placeholders: {:?}", c.name, c.notes);
    }
    // Without skipping, the placeholder principal would be judged: the note names those rules.
    let key = &found[0];
    assert!(key.notes[0].contains("did not judge"), "{:?}", key.notes);
}

#[test]
fn rules_that_do_not_need_a_placeholder_value_still_run() {
    let paste = fixture("clean-template-with-intrinsics.yaml").replace("Effect: Allow\n            Principal:\n              Service: !Sub", "Effect: Alow\n            Principal:\n              Service: !Sub");
    let found = checks(&paste);
    let alow = found[0].findings.iter().find(|f| f.code == "IAM005").expect("IAM005 still found");
    assert_eq!(&paste[alow.start..alow.end], "Alow");
}

#[test]
fn a_bare_policy_and_unrecognised_text_are_checked_exactly_as_before() {
    for (text, kind) in [
        (fixture("broken-key-policy.json"), PolicyKind::Key),
        ("{\"Version\": \"2012-10-17\"}".to_owned(), PolicyKind::Bucket),
        ("hello, world".to_owned(), PolicyKind::Key),
        ("{\"Policy\": 3}".to_owned(), PolicyKind::Key),
        ("".to_owned(), PolicyKind::Trust),
    ] {
        let extraction = extract(&text);
        assert_eq!(extraction.form, Form::Policy, "{text}");
        let found = check(&text, &extraction, kind, None, false);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].findings, analyze_as(&text, kind, None, false).findings, "{text}");
    }
}

#[test]
fn a_policy_string_that_is_not_json_gets_a_located_syntax_error_in_the_paste() {
    let paste = "{\"Policy\": \"{\\\"Version\\\": \\\"2012-10-17\\\",, \\\"Statement\\\": []}\", \"PolicyName\": \"default\"}";
    let found = checks(paste);
    let error = &found[0].findings[0];
    assert_eq!(error.code, "JSON001");
    assert_eq!(&paste[error.start..error.start + 1], ",", "at the second comma: {error:?}");
}

#[test]
fn yaml_aliases_that_expand_exponentially_stop_with_a_located_message() {
    let mut yaml = String::from("AWSTemplateFormatVersion: \"2010-09-09\"\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    let mut previous = 'a';
    for name in 'b'..='j' {
        let refs = vec![format!("*{previous}"); 9].join(",");
        yaml.push_str(&format!("{name}: &{name} [{refs}]\n"));
        previous = name;
    }
    yaml.push_str("Resources:\n  K:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy: *j\n");
    let extraction = extract(&yaml);
    assert!(extraction.policies.is_empty());
    let problem = &extraction.problems[0];
    assert!(problem.message.contains("aliases expand"), "{}", problem.message);
    assert!(yaml[problem.span.start..].starts_with('*'), "located at an alias: {:?}", problem.span);
    let found = checks(&yaml);
    assert_eq!(found[0].findings[0].code, "JSON001");
}

#[test]
fn deep_nesting_in_yaml_and_hcl_gives_a_located_message() {
    // Flow brackets: the YAML scanner's own limit; block indentation: ours.
    let flow = format!("Resources:\n  K: {}{}\n", "[".repeat(5000), "]".repeat(5000));
    let mut block = String::from("Resources:\n");
    for depth in 1..200 {
        block.push_str(&format!("{}k{depth}:\n", "  ".repeat(depth)));
    }
    for (yaml, says) in [(flow, "recursion limit"), (block, "nests deeper")] {
        let extraction = extract(&yaml);
        let problem = &extraction.problems[0];
        assert!(problem.message.contains(says), "{:?}", extraction.problems);
        assert!(problem.span.start > 20, "located where it goes too deep: {:?}", problem.span);
    }

    let deep_hcl = format!("resource \"aws_kms_key\" \"k\" {{\n  policy = jsonencode({}1{})\n}}\n", "[".repeat(5000), "]".repeat(5000));
    let extraction = extract(&deep_hcl);
    assert_eq!(extraction.form, Form::Terraform);
    assert!(!extraction.problems.is_empty(), "hcl-edit's nesting limit: {:?}", extraction.policies.len());
}

#[test]
fn a_five_megabyte_template_is_read_whole() {
    let resource = |i: usize| {
        format!(
            "  Key{i}:\n    Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy:\n        Version: \"2012-10-17\"\n        Statement:\n          - Sid: Admins\n            Effect: Allow\n            Principal:\n              AWS: !Sub arn:${{AWS::Partition}}:iam::${{AWS::AccountId}}:root\n            Action: kms:*\n            Resource: \"*\"\n"
        )
    };
    let mut yaml = String::from("AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n");
    let mut n = 0;
    while yaml.len() < 5 * 1024 * 1024 {
        yaml.push_str(&resource(n));
        n += 1;
    }
    let extraction = extract(&yaml);
    assert!(extraction.problems.is_empty(), "{:?}", extraction.problems.first());
    assert_eq!(extraction.policies.len(), n);
    let last = extraction.policies.last().unwrap();
    assert_eq!(last.name, format!("Key{}", n - 1));
    assert!(yaml[last.span.start..].starts_with("Version"), "{:?}", &yaml[last.span.start..][..20]);
}

fn cli(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_cwlogs-policy"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import"))
        .output()
        .unwrap()
}

#[test]
fn cli_check_names_each_policy_found_and_locates_findings_in_the_file() {
    let out = cli(&["check", "cloudformation.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("cloudformation.yaml: OrdersKey (AWS::KMS::Key, KMS key policy)\n"), "{text}");
    let yaml = fixture("cloudformation.yaml");
    let line = yaml.lines().position(|l| l.contains("Effect: Alow")).unwrap() + 1;
    let column = yaml.lines().nth(line - 1).unwrap().find("Alow").unwrap() + 1;
    assert!(text.contains(&format!("cloudformation.yaml:{line}:{column}: error[IAM005]")), "{text}");

    let out = cli(&["check", "--format", "json", "terraform.tf"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let finding = json[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["policy"] == "aws_kms_key.orders" && f["code"] == "IAM005")
        .expect("IAM005 of aws_kms_key.orders");
    let tf = fixture("terraform.tf");
    let line = tf.lines().position(|l| l.contains("\"Alow\"")).unwrap() + 1;
    assert_eq!(finding["line"], line);
    assert_eq!(json[0]["form"], "terraform");

    let out = cli(&["check", "--format", "sarif", "aws-logs-describe-resource-policies.json"]);
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["properties"]["policy"] == "route53-query-logging" && r["ruleId"] == "SEC002"));
    assert!(results.iter().any(|r| r["properties"]["policy"] == "orders-delivery" && r["ruleId"] == "IAM005"));
}

#[test]
fn cli_diff_and_merge_take_what_the_cli_printed() {
    let out = cli(&["diff", "aws-kms-get-key-policy.json", "broken-key-policy.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let out = cli(&["diff", "cloudformation.yaml", "broken-key-policy.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("OrdersKey, OrdersLogsPolicy"));
    let out = cli(&["diff", "--policy", "OrdersKey", "cloudformation.yaml", "broken-key-policy.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));

    // A clean key policy as get-key-policy prints it; the merge prints the bare document.
    let bare = fixture("broken-key-policy.json").replace("Alow", "Allow").replace("Decript", "Decrypt");
    let wrapped = serde_json::json!({ "Policy": bare, "PolicyName": "default" }).to_string();
    let dir = std::env::temp_dir().join(format!("import-sources-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let existing = dir.join("get-key-policy.json");
    std::fs::write(&existing, wrapped).unwrap();
    let extra = dir.join("extra.json");
    std::fs::write(&extra, r#"{"Version":"2012-10-17","Statement":[{"Sid":"Describe","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/ops"},"Action":"kms:DescribeKey","Resource":"*"}]}"#).unwrap();
    let out = cli(&["merge", existing.to_str().unwrap(), extra.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let merged: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(merged["Statement"].as_array().unwrap().len(), 3, "bare, with the new statement");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("AWS CLI output"), "{said}");
    // The same sentence the compare box shows, from the importer's one table of CLI answers.
    assert!(said.contains("aws kms put-key-policy takes this bare policy"), "{said}");
}

#[test]
fn pseudo_parameters_are_read_as_the_forms_values_when_judged_against_the_form() {
    use cwlogs_policy::scenarios::ScenarioId;
    // A typo only the resolved value shows: `:rot` for `:root`.
    let paste = fixture("clean-template-with-intrinsics.yaml").replace("${AWS::AccountId}:root", "${AWS::AccountId}:rot");
    let extraction = extract(&paste);
    let input = serde_json::json!({ "region": "us-east-1", "account": "111122223333", "log-groups": ["orders"] });
    let plain = check(&paste, &extraction, PolicyKind::Key, None, false);
    let judged = check(&paste, &extraction, PolicyKind::Key, Some((ScenarioId::LogGroupKey, &input)), false);
    let errors = |c: &PolicyCheck| c.findings.iter().filter(|f| f.severity == Severity::Error).cloned().collect::<Vec<_>>();
    assert!(errors(&plain[0]).is_empty(), "unresolved, the principal is a placeholder: {:?}", plain[0].findings);
    let found = errors(&judged[0]);
    assert!(!found.is_empty(), "resolved, the malformed principal is judged: {:?}", judged[0].findings);
    let principal = paste.find("!Sub arn:${AWS::Partition}:iam::").unwrap();
    assert!(
        found.iter().any(|f| f.start >= principal && f.start <= principal + 60),
        "located at the !Sub principal: {found:?}"
    );
    assert!(judged[0].notes.iter().any(|n| n.contains("pseudo-parameter")), "{:?}", judged[0].notes);
    // The untouched template stays clean when judged against the matching form.
    let clean = fixture("clean-template-with-intrinsics.yaml");
    let judged = check(&clean, &extract(&clean), PolicyKind::Key, Some((ScenarioId::LogGroupKey, &input)), false);
    for c in &judged {
        assert!(
            c.findings.iter().all(|f| !matches!(f.severity, Severity::Error | Severity::Security)),
            "{}: {:#?}",
            c.name,
            c.findings
        );
    }
}

/// Issue 14 item 4: the key's encryption-context condition is compared with the template's log
/// group that uses the key (`KmsKeyId: !GetAtt OrdersKey.Arn`), located on the condition key.
#[test]
fn a_template_log_group_not_named_by_its_keys_encryption_context_is_cwl017_in_the_paste_and_the_cli() {
    let clean = fixture("clean-template-with-intrinsics.yaml").replace("LogGroupName: !Ref LogGroupName", "LogGroupName: /app/orders");
    let wrong = clean.replace("log-group:${LogGroupName}", "log-group:/app/old-orders");
    assert_ne!(wrong, clean);
    let codes = |paste: &str| checks(paste).iter().flat_map(|c| c.findings.clone()).collect::<Vec<_>>();
    assert!(codes(&clean).iter().all(|f| f.code != "CWL017"), "an intrinsic name part covers the group");
    let right = clean.replace("log-group:${LogGroupName}", "log-group:/app/*");
    assert!(codes(&right).iter().all(|f| f.code != "CWL017"), "a pattern naming it covers the group");
    let found = codes(&wrong);
    let f = found.iter().find(|f| f.code == "CWL017").unwrap_or_else(|| panic!("CWL017 expected: {found:?}"));
    assert!(f.message.contains("OrdersGroup (/app/orders)"), "{}", f.message);
    // The YAML node of the condition entry: its key and the !Sub value naming the other group.
    let marked = &wrong[f.start..f.end];
    assert!(marked.starts_with("kms:EncryptionContext:aws:logs:arn: !Sub") && marked.contains("/app/old-orders"), "{marked:?}");

    let dir = std::env::temp_dir().join(format!("import-stack-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("stack.yaml");
    std::fs::write(&file, &wrong).unwrap();
    let out = cli(&["check", file.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    let line = wrong.lines().position(|l| l.contains("kms:EncryptionContext:aws:logs:arn")).unwrap() + 1;
    assert!(text.contains(&format!("stack.yaml:{line}:17: error[CWL017]")), "{text}");
}

/// Issue 14 item 4: the Regional logs principal against the one Region the template's other
/// resources name.
#[test]
fn a_logs_principal_of_another_region_than_the_templates_arns_is_cwl018() {
    let clean = fixture("clean-template-with-intrinsics.yaml");
    let pinned = clean
        .replace("Service: !Sub logs.${AWS::Region}.amazonaws.com", "Service: logs.us-east-1.amazonaws.com")
        .replace("- - !GetAtt OrdersGroup.Arn\n                    - \":*\"", "- - arn:aws:logs:eu-west-1:111122223333:log-group:orders\n                    - \":*\"");
    assert_ne!(pinned, clean);
    let all = |paste: &str| checks(paste).iter().flat_map(|c| c.findings.clone()).collect::<Vec<_>>();
    assert!(all(&clean).iter().all(|f| f.code != "CWL018"), "a principal written with ${{AWS::Region}} is not judged");
    let same = pinned.replace("arn:aws:logs:eu-west-1:", "arn:aws:logs:us-east-1:");
    assert!(all(&same).iter().all(|f| f.code != "CWL018"), "the same Region");
    let found = all(&pinned);
    let f = found.iter().find(|f| f.code == "CWL018").unwrap_or_else(|| panic!("CWL018 expected: {found:?}"));
    assert!(f.message.contains("eu-west-1 (ExporterRole)"), "{}", f.message);
    assert_eq!(&pinned[f.start..f.end], "logs.us-east-1.amazonaws.com", "marks the principal in the paste");
}

/// Issue 14 item 4: an export bucket's GetBucketAcl grant must be on the bucket the template
/// attaches the policy to (one bucket policy alone passes CWL006 with a grant on any bucket).
#[test]
fn a_templates_bucket_policy_granting_logs_on_another_bucket_is_cwl019_in_the_paste_and_the_cli() {
    let clean = fixture("s3-export-stack.yaml");
    let all = |paste: &str| checks(paste).iter().flat_map(|c| c.findings.clone()).collect::<Vec<_>>();
    assert!(all(&clean).iter().all(|f| f.code != "CWL019"), "{:?}", all(&clean));
    let wrong = clean.replace(
        "Action: s3:GetBucketAcl\n            Resource: arn:aws:s3:::my-exported-logs\n",
        "Action: s3:GetBucketAcl\n            Resource: arn:aws:s3:::audit-archive\n",
    );
    assert_ne!(wrong, clean);
    let found = all(&wrong);
    assert!(found.iter().all(|f| f.code != "CWL006"), "one policy alone looks complete: {found:?}");
    let f = found.iter().find(|f| f.code == "CWL019").unwrap_or_else(|| panic!("CWL019 expected: {found:?}"));
    assert!(f.message.contains("s3:GetBucketAcl on bucket audit-archive") && f.message.contains("bucket my-exported-logs"), "{}", f.message);
    assert_eq!(&wrong[f.start..f.end], "arn:aws:s3:::audit-archive", "marks the resource in the paste");

    // By reference: the policy on !Ref ExportBucket, the grant on !GetAtt OtherBucket.Arn.
    let referenced = clean
        .replace("Resources:\n", "Resources:\n  ExportBucket:\n    Type: AWS::S3::Bucket\n  OtherBucket:\n    Type: AWS::S3::Bucket\n")
        .replace("Bucket: my-exported-logs", "Bucket: !Ref ExportBucket")
        .replace("Resource: arn:aws:s3:::my-exported-logs/*", "Resource: !Sub ${ExportBucket.Arn}/*");
    let right = referenced.replace("Resource: arn:aws:s3:::my-exported-logs\n", "Resource: !GetAtt ExportBucket.Arn\n");
    assert!(all(&right).iter().all(|f| f.code != "CWL019"), "{:?}", all(&right));
    let other = referenced.replace("Resource: arn:aws:s3:::my-exported-logs\n", "Resource: !GetAtt OtherBucket.Arn\n");
    let found = all(&other);
    assert!(found.iter().any(|f| f.code == "CWL019" && f.message.contains("bucket OtherBucket")), "{found:?}");

    let dir = std::env::temp_dir().join(format!("import-bucket-stack-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("stack.yaml");
    std::fs::write(&file, &wrong).unwrap();
    let out = cli(&["check", file.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout);
    let line = wrong.lines().position(|l| l.contains("arn:aws:s3:::audit-archive\"") || l.ends_with("Resource: arn:aws:s3:::audit-archive")).unwrap() + 1;
    assert!(text.contains(&format!("stack.yaml:{line}:23: error[CWL019]")), "{text}");
}

/// Issue 14 item 4 in Terraform: the same three cross-document rules, with the references
/// Terraform writes (`kms_key_id = aws_kms_key.logs.arn`, `bucket = aws_s3_bucket.exports.id`)
/// and the `aws` provider's Region.
#[test]
fn terraform_references_pair_a_key_with_its_log_group_a_bucket_policy_with_its_bucket_and_the_region() {
    let clean = fixture("terraform-stack.tf");
    let all = |paste: &str| checks(paste).iter().flat_map(|c| c.findings.clone()).collect::<Vec<_>>();
    let cross = |paste: &str| all(paste).into_iter().filter(|f| f.code.starts_with("CWL01") && f.code >= "CWL017").collect::<Vec<_>>();
    assert_eq!(cross(&clean), vec![], "the clean configuration");

    let other_group = clean.replace("log-group:/app/orders\"", "log-group:/app/old-orders\"");
    let found = cross(&other_group);
    assert!(found.iter().any(|f| f.code == "CWL017" && f.message.contains("aws_cloudwatch_log_group.orders (/app/orders)")), "{found:?}");

    let other_region = clean.replace("Service = \"logs.eu-west-1.amazonaws.com\" }\n        Action    = [\"kms:", "Service = \"logs.us-east-1.amazonaws.com\" }\n        Action    = [\"kms:");
    assert_ne!(other_region, clean);
    let found = cross(&other_region);
    let f = found.iter().find(|f| f.code == "CWL018").unwrap_or_else(|| panic!("CWL018 expected: {found:?}"));
    assert_eq!(&other_region[f.start..f.end], "\"logs.us-east-1.amazonaws.com\"", "the HCL string: {f:?}");
    assert!(f.message.contains("eu-west-1 (provider \"aws\")"), "{}", f.message);

    let other_bucket = clean.replace("Resource  = aws_s3_bucket.exports.arn\n", "Resource  = aws_s3_bucket.audit.arn\n");
    assert_ne!(other_bucket, clean);
    let found = cross(&other_bucket);
    let f = found.iter().find(|f| f.code == "CWL019").unwrap_or_else(|| panic!("CWL019 expected: {found:?}"));
    assert!(f.message.contains("bucket aws_s3_bucket.audit") && f.message.contains("orders-log-export"), "{}", f.message);
    assert_eq!(&other_bucket[f.start..f.end], "aws_s3_bucket.audit.arn", "marks the reference in the file");
    let by_name = clean.replace("Resource  = aws_s3_bucket.exports.arn\n", "Resource  = \"arn:aws:s3:::audit-log-export\"\n");
    assert!(cross(&by_name).iter().any(|f| f.code == "CWL019"), "{:?}", cross(&by_name));
}
