# The validator's findings in English: the source of the ids (build.rs makes one constructor per
# message, `duplicate-sid` → `message::ids::duplicate_sid(sid)`). Ids start with the rule's name.
# Arguments are already formatted: quoted JSON strings, paths like Statement[1].Sid, lists.

## IAM007 duplicate-sid
duplicate-sid = duplicate Sid { $sid }
duplicate-sid-note = it is first used at { $path }
duplicate-sid-help = give each statement its own Sid
