//! The Regions the resources of a template or a Terraform configuration name in their ARNs, for
//! judging a policy against the others (`CWL018`).

/// Each Region named, in order, with the first two resources naming it: enough to find, for any
/// policy, a resource other than its own that names the Region.
#[derive(Default)]
pub struct NamedRegions(Vec<(String, Vec<String>)>);

impl NamedRegions {
    /// `region`, named by the resource `by`.
    pub fn add(&mut self, region: String, by: &str) {
        match self.0.iter_mut().find(|(r, _)| *r == region) {
            // A resource naming the Region twice counts once.
            Some((_, ids)) if ids.iter().any(|id| id == by) => {}
            Some((_, ids)) if ids.len() < 2 => ids.push(by.to_owned()),
            Some(_) => {}
            None => self.0.push((region, vec![by.to_owned()])),
        }
    }

    /// The literal Regions of the ARNs written in `text`, named by the resource `by`.
    pub fn add_from_text(&mut self, text: &str, by: &str) {
        for arn in text.split(|c: char| c.is_whitespace() || c == '"').filter(|w| w.starts_with("arn:")) {
            let region = arn.split(':').nth(3).unwrap_or_default();
            let looks_like_region = region.len() >= 9
                && region.split('-').count() >= 3
                && region.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if looks_like_region {
                self.add(region.to_owned(), by);
            }
        }
    }

    /// Each Region a resource other than `own` names, with the first such resource.
    pub fn other_than(&self, own: &str) -> Vec<(String, String)> {
        self.0
            .iter()
            .filter_map(|(region, ids)| ids.iter().find(|id| *id != own).map(|id| (region.clone(), id.clone())))
            .collect()
    }
}
