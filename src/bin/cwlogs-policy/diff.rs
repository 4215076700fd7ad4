//! `diff EXISTING NEW`: what changed between two policies, whether each change widens or narrows
//! access, who gains or loses what, and the line diff of the two canonical texts.

use crate::args::{DiffArgs, Format};
use crate::io::load_policy;
use cwlogs_policy::compare::{describe_change, Notation};
use cwlogs_policy::diff::{canonical_line_diff, diff, new_access_for, LineTag};
use cwlogs_policy::normalize::equivalent;






/// Exit 0: the policies mean the same; 1: they differ; 2: bad input.
pub fn run(args: &DiffArgs) -> u8 {
    let kind = args.kind.policy_kind();
    let pick = args.policy.as_deref();
    let (existing, new) = match (load_policy(&args.existing, kind, pick), load_policy(&args.new, kind, pick)) {
        (Ok(existing), Ok(new)) => (existing, new),
        _ => return 2,
    };
    let same = equivalent(&existing, &new);
    let changes = diff(&existing, &new).changes;
    let access = new_access_for(kind, &existing, &new);
    let lines = canonical_line_diff(&existing, &new);
    match args.format {
        Format::Json => {
            let out = serde_json::json!({
                "equivalent": same,
                "changes": changes,
                "new_access": access,
                "lines": lines,
            });
            say!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        }
        Format::Text => {
            if same {
                say!("no changes: the two policies allow and deny the same requests");
            }
            for change in &changes {
                say!("{}", describe_change(change, &existing, &new, Notation::Cli));
            }
            if !access.is_empty() {
                say!();
                say!("access:");
                for a in &access {
                    say!("  {} {}", if a.gained { "+" } else { "-" }, a.sentence);
                }
            }
            if lines.iter().any(|l| l.tag != LineTag::Equal) {
                say!();
                say!("--- {} (canonical)", args.existing.display());
                say!("+++ {} (canonical)", args.new.display());
                for l in &lines {
                    let mark = match l.tag {
                        LineTag::Equal => ' ',
                        LineTag::Insert => '+',
                        LineTag::Delete => '-',
                    };
                    say!("{mark}{}", l.text);
                }
            }
        }
    }
    u8::from(!same)
}
