//! Short stable fingerprints for the names a bundle derives (statement Sids, KMS alias names,
//! inline-policy names). Where fitting a name to AWS's characters or length loses information, the
//! fingerprint of the full input keeps two different inputs from getting the same name — AWS
//! refuses a second alias of one name, and replaces an inline policy or merged statement of one name.
//!
//! FNV-1a rather than std's hasher: std's may change between Rust releases, and a re-run must
//! derive the same names to find (and replace) what the earlier run wrote.

/// Eight hex digits (32 bits) of the FNV-1a hash of `text`.
pub fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{:08x}", (hash ^ (hash >> 32)) as u32)
}

#[cfg(test)]
mod tests {
    use super::fingerprint;

    #[test]
    fn a_fingerprint_is_stable_and_tells_near_names_apart() {
        // Fixed across builds: a re-run must find the names the first run wrote.
        assert_eq!(fingerprint("app.prod"), fingerprint("app.prod"));
        assert_eq!(fingerprint("").len(), 8);
        assert_ne!(fingerprint("app.prod"), fingerprint("app-prod"));
        assert_ne!(fingerprint("a#b"), fingerprint("a.b"));
    }
}
