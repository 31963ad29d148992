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

/// A calendar date (`YYYY-MM-DD`) written the way `lang` writes dates ("20 December 2026",
/// "20 Dùbhlachd 2026", "٢٠ ديسمبر ٢٠٢٦"), by the browser's `Intl`. Natively (in unit tests), or
/// when the browser cannot, the date stays as it is.
pub fn long_date(date: &str, lang: &str) -> String {
    // A date has no time of day: read and write it in UTC so no time zone moves it a day.
    localised(
        date,
        "toLocaleDateString",
        lang,
        &[("dateStyle", "long"), ("timeZone", "UTC")],
    )
    .unwrap_or_else(|| date.to_owned())
}

/// The local time of day now, e.g. "12:03", written the way `lang` writes times.
pub fn time_now(lang: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    let now = String::from(js_sys::Date::new_0().to_iso_string());
    #[cfg(not(target_arch = "wasm32"))]
    let now = String::new();
    localised(
        &now,
        "toLocaleTimeString",
        lang,
        &[("hour", "2-digit"), ("minute", "2-digit")],
    )
    .unwrap_or_else(|| now.get(11..16).unwrap_or_default().to_owned())
}

/// Calls `Date.prototype[method](lang, options)` on the date `iso`; `None` if the browser
/// refuses (an unknown language tag throws a RangeError, which must not break the widget).
#[cfg(target_arch = "wasm32")]
fn localised(iso: &str, method: &str, lang: &str, options: &[(&str, &str)]) -> Option<String> {
    use wasm_bindgen::{JsCast, JsValue};
    let when = js_sys::Date::new(&JsValue::from_str(iso));
    if when.get_time().is_nan() {
        return None;
    }
    let settings = js_sys::Object::new();
    for (key, value) in options {
        js_sys::Reflect::set(&settings, &(*key).into(), &(*value).into()).ok()?;
    }
    let format: js_sys::Function = js_sys::Reflect::get(&when, &method.into())
        .ok()?
        .dyn_into()
        .ok()?;
    format
        .call2(&when, &JsValue::from_str(lang), &settings)
        .ok()?
        .as_string()
}

#[cfg(not(target_arch = "wasm32"))]
fn localised(_: &str, _: &str, _: &str, _: &[(&str, &str)]) -> Option<String> {
    None
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
