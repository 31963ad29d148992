//! Language matters that are not words: which way a language is written.

/// `"rtl"` for languages written right to left (Arabic, Urdu, Persian, Hebrew, …), else `"ltr"`.
/// The widget's CSS uses logical properties only, so setting `dir` mirrors the whole layout.
pub fn direction(lang: &str) -> &'static str {
    const RIGHT_TO_LEFT: [&str; 9] = ["ar", "arc", "dv", "fa", "he", "ku", "ps", "ur", "yi"];
    let base = lang
        .split(['-', '_'])
        .next()
        .unwrap_or(lang)
        .to_ascii_lowercase();
    if RIGHT_TO_LEFT.contains(&base.as_str()) {
        "rtl"
    } else {
        "ltr"
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn knows_which_way_languages_are_written() {
        for (lang, dir) in [
            ("ar", "rtl"),
            ("ur-PK", "rtl"),
            ("AR", "rtl"),
            ("en", "ltr"),
            ("gd", "ltr"),
            ("", "ltr"),
        ] {
            assert_eq!(super::direction(lang), dir, "{lang}");
        }
    }
}
