# The CLI's own lines in English (compiled into the CLI only, not the page).
