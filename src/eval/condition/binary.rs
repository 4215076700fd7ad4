//! `BinaryEquals`: the policy's base64 value against the request's (also given as base64), byte for byte.

pub(super) fn matches(policy: &str, value: &str) -> Result<bool, String> {
    let p = base64(policy).ok_or_else(|| format!("policy value \"{policy}\" is not base64"))?;
    let v = base64(value).ok_or_else(|| format!("request value \"{value}\" is not base64"))?;
    Ok(p == v)
}

/// Standard alphabet; padding optional.
fn base64(s: &str) -> Option<Vec<u8>> {
    let body = s.strip_suffix("==").or_else(|| s.strip_suffix('=')).unwrap_or(s);
    if body.len() % 4 == 1 || (body.len() != s.len() && s.len() % 4 != 0) {
        return None;
    }
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in body.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_standard_base64() {
        assert_eq!(base64("QmluYXJ5VmFsdWVJbkJhc2U2NA==").unwrap(), b"BinaryValueInBase64");
        assert_eq!(base64("YQ").unwrap(), b"a");
        assert_eq!(base64("YWI=").unwrap(), b"ab");
        assert_eq!(base64("").unwrap(), b"");
        for bad in ["Y", "YQ=", "a b=", "YW-=", "Y===="] {
            assert_eq!(base64(bad), None, "{bad}");
        }
    }

    #[test]
    fn pass_fail_table() {
        assert_eq!(
            matches("QmluYXJ5VmFsdWVJbkJhc2U2NA==", "QmluYXJ5VmFsdWVJbkJhc2U2NA"),
            Ok(true)
        );
        assert_eq!(matches("YQ==", "Yg=="), Ok(false));
        assert!(matches("!!", "YQ==").is_err());
    }
}
