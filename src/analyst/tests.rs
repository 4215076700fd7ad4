//! The worker's answers read back as the page reads them: every answer survives the trip through
//! JSON, and means what the direct call means.

use super::*;
use crate::scenarios::ScenarioId;

fn round_trip(answer: &Answer) -> Answer {
    let text = serde_json::to_string(&Envelope { id: 7, body: answer }).expect("answers serialise");
    let back: Envelope<Answer> = serde_json::from_str(&text).expect("answers read back");
    assert_eq!(back.id, 7);
    back.body
}

fn form(id: ScenarioId) -> Form {
    Form {
        scenario: id,
        input: id.default_input(),
    }
}

#[test]
fn a_checked_text_reads_back_with_its_findings_and_fixes() {
    let text = r#"{"Version":"2012-10-17","Statement":[{"Effect":"allow","Principal":"*","Action":"kms:*","Resource":"*"}]}"#;
    let asked = answer(Question::Check {
        text: text.into(),
        kind: PolicyKind::Key,
        against: None,
    });
    let Answer::Checked { checked } = &asked else {
        panic!("a check is answered with findings, got {asked:?}")
    };
    assert_eq!(checked.findings, crate::analyze(text, PolicyKind::Key).findings);
    assert!(checked.findings.iter().any(|f| f.fix.is_some()), "the sample has a mechanical fix");
    assert_eq!(round_trip(&asked), asked);
}

#[test]
fn every_scenario_documents_answer_reads_back_and_names_every_document() {
    for id in ScenarioId::ALL {
        let asked = answer(Question::Documents { form: form(id) });
        let Answer::Documents { documents } = &asked else {
            panic!("{id:?}: documents are answered with documents")
        };
        let bundle = id.run(&id.default_input()).bundle.expect("defaults read");
        let names: Vec<&str> = documents.iter().map(|d| d.file_name.as_str()).collect();
        let expected: Vec<&str> = bundle.documents.iter().map(|d| d.file_name.as_str()).collect();
        assert_eq!(names, expected, "{id:?}");
        assert_eq!(round_trip(&asked), asked, "{id:?}");
    }
}

#[test]
fn a_comparison_reads_back_whole_merge_refusal_and_all() {
    let id = ScenarioId::LogGroupKey;
    let bundle = id.run(&id.default_input()).bundle.expect("defaults read");
    let file = bundle.documents[0].file_name.clone();
    let pastes = [
        // a merge
        r#"{"Version":"2012-10-17","Statement":[{"Sid":"Root","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}"#.to_owned(),
        // the CLI's answer: the policy inside is compared
        r#"{"Policy": "{\"Version\":\"2012-10-17\",\"Statement\":[]}", "PolicyName": "default"}"#.to_owned(),
        // not JSON
        "{ nope".to_owned(),
    ];
    for pasted in pastes {
        let asked = answer(Question::Compare {
            form: form(id),
            file_name: file.clone(),
            pasted: pasted.clone(),
            policy: None,
        });
        let Answer::Compared { comparison, .. } = &asked else {
            panic!("a comparison is answered with one")
        };
        assert!(comparison.is_some(), "{pasted}: compared");
        assert_eq!(round_trip(&asked), asked, "{pasted}");
    }
}

#[test]
fn a_blank_paste_has_nothing_to_compare_and_says_for_which_file() {
    let asked = answer(Question::Compare {
        form: form(ScenarioId::LogGroupKey),
        file_name: "key-policy.json".into(),
        pasted: "  ".into(),
        policy: None,
    });
    let Answer::Compared { comparison, summary, .. } = asked else {
        panic!("a comparison is answered with one")
    };
    assert!(comparison.is_none());
    assert!(summary.contains("key-policy.json"), "{summary}");
}

#[test]
fn teaching_answers_read_back_for_every_document_of_every_scenario() {
    for id in ScenarioId::ALL {
        let bundle = id.run(&id.default_input()).bundle.expect("defaults read");
        for document in &bundle.documents {
            let lessons = answer(Question::Lessons {
                form: form(id),
                file_name: document.file_name.clone(),
            });
            let Answer::Lessons { lessons: list } = &lessons else {
                panic!("lessons are answered with lessons")
            };
            assert_eq!(list, &crate::teaching::lessons(id, document), "{id:?} {}", document.file_name);
            assert_eq!(round_trip(&lessons), lessons);
            let broken = answer(Question::Break {
                form: form(id),
                file_name: document.file_name.clone(),
                index: 0,
            });
            assert!(matches!(&broken, Answer::Broken { breakage: Some(_) }), "{id:?}: statement 0 breaks");
            assert_eq!(round_trip(&broken), broken);
        }
        let reviewed = answer(Question::Review { form: form(id) });
        assert_eq!(round_trip(&reviewed), reviewed, "{id:?}");
    }
}

#[test]
fn a_statement_no_longer_in_the_bundle_breaks_nothing() {
    let broken = answer(Question::Break {
        form: form(ScenarioId::LogGroupKey),
        file_name: "key-policy.json".into(),
        index: 999,
    });
    assert_eq!(broken, Answer::Broken { breakage: None });
}

#[test]
fn a_record_import_and_a_troubleshooting_answer_read_back() {
    let record = r#"{"eventSource":"logs.amazonaws.com","eventName":"AssociateKmsKey","awsRegion":"eu-west-1","recipientAccountId":"444455556666","requestParameters":{"logGroupName":"/app/orders","kmsKeyId":"arn:aws:kms:eu-west-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab"}}"#;
    let imported = answer(Question::ImportRecord {
        text: record.into(),
        inputs: BTreeMap::new(),
    });
    let Answer::RecordImported { result: Ok((fill, _)) } = &imported else {
        panic!("the record imports: {imported:?}")
    };
    assert!(!fill.filled.is_empty(), "the record fills some field");
    assert_eq!(round_trip(&imported), imported);
    let not_a_record = answer(Question::ImportRecord {
        text: "{".into(),
        inputs: BTreeMap::new(),
    });
    assert!(matches!(&not_a_record, Answer::RecordImported { result: Err(_) }));
    assert_eq!(round_trip(&not_a_record), not_a_record);

    let export = ScenarioId::S3Export;
    for known in crate::scenarios::s3_export::troubleshoot::KNOWN_ERRORS {
        let answered = answer(Question::Troubleshoot {
            message: known.message.into(),
            input: export.default_input(),
        });
        let Answer::Troubleshot { result: Ok(diagnoses) } = &answered else {
            panic!("{}: troubleshot", known.id)
        };
        assert_eq!(diagnoses.recognised.map(|k| k.id), Some(known.id));
        // The known error comes back as the page's own table entry.
        let Answer::Troubleshot { result: Ok(back) } = round_trip(&answered) else { unreachable!() };
        assert!(std::ptr::eq(back.recognised.expect("recognised"), known));
    }
}

#[test]
fn the_rules_come_back_with_their_docs_and_filter_as_the_registry_does() {
    let asked = answer(Question::Rules);
    let Answer::Rules { rules } = round_trip(&asked) else {
        panic!("rules are answered with rules")
    };
    assert_eq!(rules.len(), crate::lint::RULES.len());
    for (text, rule) in rules.iter().zip(crate::lint::RULES.iter()) {
        assert_eq!(text.code, rule.code);
        assert_eq!(text.summary(), rule.summary());
        for query in ["sid", "error", rule.code, "encryption context", "zzz"] {
            assert_eq!(text.matches(query), rule.matches(query), "{} / {query}", rule.code);
        }
    }
}

#[test]
fn the_worker_names_the_on_demand_list_with_its_dataset() {
    let Answer::ActionsListPath { path } = answer(Question::ActionsListPath) else {
        panic!("a path")
    };
    assert!(path.starts_with("on-demand/actions-native.txt?dataset="), "{path}");
    assert!(path.ends_with(&crate::catalog::iam::dataset().version.to_string()), "{path}");
}

#[test]
fn the_samples_checked_and_compared_read_back() {
    for sample in crate::samples::SAMPLES {
        let text = sample.text_for(&ScenarioId::LogGroupKey.default_input());
        let asked = answer(Question::Check {
            text: text.clone(),
            kind: PolicyKind::Key,
            against: Some(form(ScenarioId::LogGroupKey)),
        });
        assert_eq!(round_trip(&asked), asked);
        let compared = answer(Question::Compare {
            form: form(ScenarioId::LogGroupKey),
            file_name: "key-policy.json".into(),
            pasted: text,
            policy: None,
        });
        assert_eq!(round_trip(&compared), compared);
    }
}

#[test]
fn every_export_comes_back_as_the_cli_writes_it() {
    for id in ScenarioId::ALL {
        let asked = answer(Question::Exports { form: form(id) });
        let Answer::Exports { files, scanned } = round_trip(&asked) else {
            panic!("exports are answered with files")
        };
        let bundle = id.run(&id.default_input()).bundle.expect("defaults read");
        assert_eq!(files.len(), crate::export::Format::ALL.len());
        for file in files {
            assert_eq!(file.text, crate::export::export(&bundle, file.format), "{id:?} {:?}", file.format);
            assert_eq!(file.file_name, file.format.file_name(&bundle));
        }
        assert_eq!(scanned, crate::export::scanned_note());
    }
}

#[test]
fn a_pasted_template_is_checked_policy_by_policy_located_in_the_paste() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).expect("import fixtures") {
        let path = entry.expect("entry").path();
        let Ok(paste) = std::fs::read_to_string(&path) else { continue };
        let asked = answer(Question::Check {
            text: paste.clone(),
            kind: PolicyKind::Key,
            against: None,
        });
        let Answer::Checked { checked } = &asked else { panic!("checked") };
        let extraction = crate::import::extract(&paste);
        if extraction.form == crate::import::Form::Policy {
            assert!(checked.policies.is_empty(), "{path:?}: a bare policy lists no policies");
            continue;
        }
        seen += 1;
        let expected = crate::import::check(&paste, &extraction, PolicyKind::Key, None, false);
        assert_eq!(checked.policies.len(), expected.len(), "{path:?}");
        assert_eq!(checked.found_in.len(), checked.findings.len(), "{path:?}");
        let all: Vec<_> = expected.iter().flat_map(|p| p.findings.clone()).collect();
        assert_eq!(checked.findings, all, "{path:?}");
        for f in &checked.findings {
            assert!(f.end <= paste.len() && paste.is_char_boundary(f.start) && paste.is_char_boundary(f.end), "{path:?}: {f:?}");
        }
        assert_eq!(round_trip(&asked), asked, "{path:?}");
    }
    assert!(seen >= 5, "the fixtures hold templates and CLI output ({seen})");
}

#[test]
fn one_form_is_generated_once_and_a_changed_form_anew() {
    let id = ScenarioId::LogGroupKey;
    let first = bundle(&form(id));
    assert!(Rc::ptr_eq(&first, &bundle(&form(id))), "the same form reuses the bundle");
    let mut changed = form(id);
    changed.input["region"] = "eu-west-1".into();
    let other = bundle(&changed);
    assert!(!Rc::ptr_eq(&first, &other), "a changed form is generated anew");
    assert_eq!(*other, id.run(&changed.input).bundle, "and is the bundle of the changed form");
    assert_ne!(*first, *other, "the Region is in the bundle");
}
