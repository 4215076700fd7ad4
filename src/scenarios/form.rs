//! What a scenario's form looks like, declared once: the page renders its controls from it and
//! the CLI makes its flags from it, so both use the same field names.

/// How a field is entered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// One line of text (JSON string).
    Text { placeholder: &'static str },
    /// One value per line (JSON array of strings); on the CLI a repeatable flag.
    Lines { placeholder: &'static str },
    /// One of fixed values (JSON string): `(value, label)` pairs, values kebab-case as serde names them.
    Choice {
        options: &'static [(&'static str, &'static str)],
    },
    /// On or off (JSON bool); on the CLI `--name` or `--name=false`.
    Check,
    /// A date, `YYYY-MM-DD` (JSON string).
    Date,
}

/// One form field. `name` is the input struct's serde (kebab-case) name, the form control's
/// `data-testid="input-NAME"`, the CLI flag `--NAME`, and `FieldError::field`.
#[derive(Clone, Copy, Debug)]
pub struct FieldSpec {
    pub name: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub control: Control,
    /// The group the field is shown in (a fieldset legend).
    pub section: &'static str,
    /// Shown only while another field has one of these values, e.g. `("caller-permission", &["key-policy", "iam-policy"])`.
    pub shown_when: Option<(&'static str, &'static [&'static str])>,
    /// An extra CLI flag name, e.g. the singular `log-group` for the repeatable `log-groups`.
    pub cli_alias: Option<&'static str>,
    /// The page leaves it empty on a first visit (a value that would look real if pre-filled);
    /// the input's `Default` still holds the documented example, which "Try an example" fills in.
    pub starts_empty: bool,
    /// An AWS account ID (or, for lines, one per line): read through [`super::account_id`], and
    /// the page shows the normalised value once what was typed normalises.
    pub account_id: bool,
}

impl FieldSpec {
    /// A field with no hint, condition or alias; chain the setters below for those.
    pub const fn new(name: &'static str, label: &'static str, section: &'static str, control: Control) -> Self {
        FieldSpec {
            name,
            label,
            hint: "",
            control,
            section,
            shown_when: None,
            cli_alias: None,
            starts_empty: false,
            account_id: false,
        }
    }

    pub const fn hint(mut self, hint: &'static str) -> Self {
        self.hint = hint;
        self
    }

    pub const fn shown_when(mut self, field: &'static str, values: &'static [&'static str]) -> Self {
        self.shown_when = Some((field, values));
        self
    }

    pub const fn starts_empty(mut self) -> Self {
        self.starts_empty = true;
        self
    }

    pub const fn account_id(mut self) -> Self {
        self.account_id = true;
        self
    }

    pub const fn cli_alias(mut self, alias: &'static str) -> Self {
        self.cli_alias = Some(alias);
        self
    }
}
