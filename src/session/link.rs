//! The share link's fragment: `v2.` then base64url of zlib-compressed compact JSON of the wire form.
//!
//! The fragment never reaches a server. The version prefix lets a later format keep opening older
//! links (`v1` ones read their form changes against the example values the form then started with); the zlib checksum makes a damaged link fail loudly instead of opening a different state.

use super::base64url;
use super::state::{Base, PageState, Wire, WireError};
use std::fmt;

/// The format this page writes.
pub const VERSION: u32 = 2;
/// A link expanding past this is refused rather than allowed to exhaust memory.
const MAX_EXPANDED_BYTES: usize = 4 << 20;

/// Why a fragment could not be opened. The page shows the message and keeps what it has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Not a saved page at all (an in-page anchor such as `#checker-title`): ignore it quietly.
    NotOurs,
    /// A format this page does not read, most likely from a newer version of the page.
    UnknownVersion(u32),
    /// A scenario this page does not have.
    UnknownScenario(String),
    /// The link is damaged; `detail` says where.
    Corrupt { detail: String },
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::NotOurs => f.write_str("this link does not hold a saved page"),
            LinkError::UnknownVersion(n) => write!(
                f,
                "this link uses format v{n}, but this page reads only v1 and v{VERSION} links; it may come from a newer version of the page"
            ),
            LinkError::UnknownScenario(name) => {
                write!(f, "this link opens the scenario \"{name}\", which this version of the page does not have")
            }
            LinkError::Corrupt { detail } => write!(f, "this link is damaged: {detail}"),
        }
    }
}

impl std::error::Error for LinkError {}

fn corrupt(detail: impl Into<String>) -> LinkError {
    LinkError::Corrupt { detail: detail.into() }
}

/// The fragment (without `#`) that reopens `state`.
pub fn encode(state: &PageState) -> String {
    let json = serde_json::to_string(&Wire::from_state(state)).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 9);
    format!("v{VERSION}.{}", base64url::encode(&packed))
}

/// `page_url` (any fragment dropped) with the fragment for `state`.
pub fn share_link(page_url: &str, state: &PageState) -> String {
    let base = page_url.split('#').next().unwrap_or(page_url);
    format!("{base}#{}", encode(state))
}

/// Reads a fragment written by [`encode`], with or without its `#`. Never panics.
pub fn decode(fragment: &str) -> Result<PageState, LinkError> {
    let fragment = fragment.trim();
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let (version, payload) = split_version(fragment)?;
    let base = match version {
        1 => Base::Examples,
        VERSION => Base::Blank,
        _ => return Err(LinkError::UnknownVersion(version)),
    };
    // Offsets below count from the start of the fragment, after the `#`.
    let payload_start = fragment.len() - payload.len();
    if payload.is_empty() {
        return Err(corrupt(
            "it ends right after its version, so it was cut short when it was copied",
        ));
    }
    let packed = base64url::decode(payload).map_err(|e| match e {
        base64url::DecodeError::BadCharacter { offset, found } => corrupt(format!(
            "character {} after the # ('{found}') cannot appear in a link",
            payload_start + offset + 1
        )),
        base64url::DecodeError::Truncated => {
            corrupt("its data ends in the middle, so it was probably cut short when it was copied")
        }
    })?;
    let json = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, MAX_EXPANDED_BYTES).map_err(|e| {
        use miniz_oxide::inflate::TINFLStatus;
        match e.status {
            TINFLStatus::FailedCannotMakeProgress => {
                corrupt("its data ends in the middle, so it was probably cut short when it was copied")
            }
            TINFLStatus::HasMoreOutput => corrupt(format!("it expands to more than {} MB", MAX_EXPANDED_BYTES >> 20)),
            TINFLStatus::Adler32Mismatch => corrupt("its checksum does not match: some characters were changed"),
            _ => corrupt("its compressed data is not valid"),
        }
    })?;
    let json = String::from_utf8(json).map_err(|_| corrupt("its data is not text"))?;
    let invalid = |e: serde_json::Error| corrupt(format!("its saved state is not valid ({e})"));
    // Serde would also read a struct from an array; only the object form was ever written.
    let value: serde_json::Value = serde_json::from_str(&json).map_err(invalid)?;
    if !value.is_object() {
        return Err(corrupt("its saved state is not valid (not an object)"));
    }
    let wire: Wire = serde_json::from_value(value).map_err(invalid)?;
    wire.into_state(base).map_err(|e| match e {
        WireError::UnknownScenario(name) => LinkError::UnknownScenario(name),
        WireError::UnknownKind(name) => corrupt(format!("\"{name}\" is not a policy kind")),
        WireError::WrongType {
            scenario,
            field,
            expected,
        } => corrupt(format!(
            "the field \"{field}\" of the scenario {scenario} should be {expected}"
        )),
    })
}

/// `v<digits>.payload` → (version, payload). `v<digits>` alone is ours but cut short.
fn split_version(fragment: &str) -> Result<(u32, &str), LinkError> {
    let rest = fragment.strip_prefix('v').ok_or(LinkError::NotOurs)?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let (number, after) = rest.split_at(digits);
    let payload = match after.strip_prefix('.') {
        Some(payload) => payload,
        None if after.is_empty() => "",
        None => return Err(LinkError::NotOurs),
    };
    match number.parse::<u32>() {
        Ok(version) if !number.is_empty() => Ok((version, payload)),
        // So many digits that they overflow: not a version any page wrote.
        _ if digits > 0 => Err(corrupt("its version number is not valid")),
        _ => Err(LinkError::NotOurs),
    }
}
