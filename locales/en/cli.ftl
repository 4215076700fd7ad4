# The CLI's own lines in English (compiled into the CLI only, not the page).

## check
cli-cannot-read = cannot read { $file }: { $error }
cli-check-no-policy = { $form }: no policy found
# Followed by the counts on the same line.
cli-check-policies-found = { $form } ({ $count } found),{ " " }
cli-check-counts = { $errors } error(s), { $security } security, { $warnings } warning(s), { $suggestions } suggestion(s)
cli-finding-note = note: { $note }
cli-finding-help = help: { $help }

## rules
cli-no-rule = no rule { $code }; `cwlogs-policy rules` lists them
