//! `IpAddress` and `NotIpAddress`: IPv4 and IPv6 addresses against CIDR ranges (a bare address is /32 or
//! /128).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

pub(super) fn parse(base: &str) -> Option<bool> {
    match base {
        "IpAddress" => Some(false),
        "NotIpAddress" => Some(true),
        _ => None,
    }
}

pub(super) fn matches(policy: &str, value: &str) -> Result<bool, String> {
    let range = Range::parse(policy).ok_or_else(|| format!("policy value \"{policy}\" is not an IP range"))?;
    let addr: IpAddr = value
        .parse()
        .map_err(|_| format!("request value \"{value}\" is not an IP address"))?;
    Ok(range.contains(addr))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Range {
    V4(u32, u32),
    V6(u128, u32),
}

impl Range {
    fn parse(s: &str) -> Option<Range> {
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => (a, Some(p.parse().ok()?)),
            Some(_) => return None,
            None => (s, None),
        };
        if let Ok(v4) = addr.parse::<Ipv4Addr>() {
            let prefix = prefix.unwrap_or(32);
            (prefix <= 32).then_some(Range::V4(u32::from(v4), prefix))
        } else {
            let v6 = addr.parse::<Ipv6Addr>().ok()?;
            let prefix = prefix.unwrap_or(128);
            (prefix <= 128).then_some(Range::V6(u128::from(v6), prefix))
        }
    }

    /// Host bits set in the policy's range (`203.0.113.5/24`) are ignored, as the prefix says they should be.
    fn contains(self, addr: IpAddr) -> bool {
        let addr = match addr {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4),
            v4 => v4,
        };
        match (self, addr) {
            (Range::V4(net, prefix), IpAddr::V4(a)) => {
                let mask = u32::MAX.checked_shl(32 - prefix).unwrap_or(0);
                net & mask == u32::from(a) & mask
            }
            (Range::V6(net, prefix), IpAddr::V6(a)) => {
                let mask = u128::MAX.checked_shl(128 - prefix).unwrap_or(0);
                net & mask == u128::from(a) & mask
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv4_ranges() {
        let table = [
            ("203.0.113.0/24", "203.0.113.7", true),
            ("203.0.113.0/24", "203.0.114.7", false),
            ("203.0.113.5/24", "203.0.113.200", true),
            ("203.0.113.5", "203.0.113.5", true),
            ("203.0.113.5", "203.0.113.6", false),
            ("203.0.113.5/32", "203.0.113.5", true),
            ("0.0.0.0/0", "198.51.100.1", true),
            ("10.0.0.0/8", "10.255.255.255", true),
            ("10.0.0.0/8", "11.0.0.0", false),
            ("10.0.0.0/31", "10.0.0.1", true),
            ("10.0.0.0/31", "10.0.0.2", false),
            ("203.0.113.0/24", "::ffff:203.0.113.9", true),
        ];
        for (range, addr, expected) in table {
            assert_eq!(matches(range, addr), Ok(expected), "{range} {addr}");
        }
    }

    #[test]
    fn ipv6_ranges() {
        let table = [
            ("2001:DB8:1234:5678::/64", "2001:db8:1234:5678::1", true),
            ("2001:DB8:1234:5678::/64", "2001:db8:1234:5679::1", false),
            ("2001:db8::/32", "2001:db8:ffff::1", true),
            ("::/0", "2001:db8::1", true),
            ("2001:db8::1", "2001:db8::1", true),
            ("2001:db8::1", "2001:db8::2", false),
            ("2001:db8::/127", "2001:db8::1", true),
            ("2001:db8::/32", "203.0.113.1", false),
            ("203.0.113.0/24", "2001:db8::1", false),
        ];
        for (range, addr, expected) in table {
            assert_eq!(matches(range, addr), Ok(expected), "{range} {addr}");
        }
    }

    #[test]
    fn malformed_values_are_errors() {
        for (range, addr) in [
            ("203.0.113.0/33", "203.0.113.1"),
            ("2001:db8::/129", "2001:db8::1"),
            ("203.0.113.0/", "203.0.113.1"),
            ("203.0.113/24", "203.0.113.1"),
            ("203.0.113.0/24", "203.0.113.0/24"),
            ("203.0.113.0/24", "host.example"),
        ] {
            assert!(matches(range, addr).is_err(), "{range} {addr}");
        }
    }
}
