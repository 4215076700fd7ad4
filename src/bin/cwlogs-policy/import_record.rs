//! `import-record FILE|-`: a CloudTrail record → the scenario it belongs to and the form values
//! it gives, as the page's "Fill from a CloudTrail record" does. In text, standard output is the
//! equivalent `cwlogs-policy build` command line and standard error says what was filled.

use crate::args::{Format, ImportRecordArgs};
use crate::io::read_input;
use cwlogs_policy::scenarios::audit_trail::{fill_form, import_record};
use serde_json::{json, Map, Value};


/// Exit 0: imported; 2: unreadable file or not an importable record.
pub fn run(args: &ImportRecordArgs) -> u8 {
    let text = match read_input(&args.file) {
        Ok(text) => text,
        Err(code) => return code,
    };
    let import = match import_record(&text) {
        Ok(import) => import,
        Err(why) => {
            tell!("error: {}: {why}", args.file.display());
            return 2;
        }
    };
    let fill = fill_form(&import, &import.scenario.default_input());
    if args.format == Format::Json {
        let input: Map<String, Value> = fill
            .filled
            .iter()
            .map(|f| (f.name.to_owned(), f.value.clone()))
            .collect();
        let out = json!({
            "scenario": import.scenario,
            "input": input,
            "filled": fill.filled,
            "notes": fill.notes,
            "policy": import.policy,
            "command": fill.command_line(),
        });
        return match serde_json::to_string_pretty(&out) {
            Ok(text) => {
                say!("{text}");
                0
            }
            Err(e) => {
                tell!("error: {e}");
                2
            }
        };
    }
    tell!("{}", fill.message());
    for note in &fill.notes {
        tell!("note: {note}");
    }
    if let Some(policy) = &import.policy {
        let kind = policy
            .kind
            .map(|k| format!(" --type {}", k.cli_name()))
            .unwrap_or_default();
        tell!(
            "note: the record sets a policy; `--format json` prints it (check it with `cwlogs-policy check{kind} -`)."
        );
    }
    say!("{}", fill.command_line());
    0
}
