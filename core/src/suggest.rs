//! "Did you mean …?" for mistyped names.

/// The candidate closest to `name`, if it is close enough to be a likely typo.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(name, c), c))
        .filter(|(distance, c)| *distance <= (c.chars().count() / 3).max(1))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    #[test]
    fn suggests_only_near_misses() {
        let names = ["what-matters", "review", "carers"];
        assert_eq!(super::closest("what-maters", names), Some("what-matters"));
        assert_eq!(super::closest("reveiw", names), Some("review"));
        assert_eq!(super::closest("banana", names), None);
    }
}
