//! Language matters that are not words: which way a language is written, which plural form a
//! number takes, how dates are written.

/// `"rtl"` for languages written right to left (Arabic, Urdu, Persian, Hebrew, …), else `"ltr"`.
/// The widget's CSS uses logical properties only, so setting `dir` mirrors the whole layout.
pub fn direction(lang: &str) -> &'static str {
    const RIGHT_TO_LEFT: [&str; 9] = ["ar", "arc", "dv", "fa", "he", "ku", "ps", "ur", "yi"];
    let base = outcomes_core::text::base_lang(lang).to_ascii_lowercase();
    if RIGHT_TO_LEFT.contains(&base.as_str()) {
        "rtl"
    } else {
        "ltr"
    }
}

/// A calendar date (`YYYY-MM-DD`) written the way `lang` writes dates ("20 December 2026",
/// "20 Dùbhlachd 2026", "٢٠ ديسمبر ٢٠٢٦"), by the browser's `Intl` (or outcomes-core's month
/// names where the browser has none for the language). Natively (in unit tests), or when neither
/// can, the date stays as it is.
pub fn long_date(date: &str, lang: &str) -> String {
    // The browser may have no calendar words for a language (Chromium's own data has none for
    // Gaelic): then the ones the downloaded summary uses, where outcomes-core has the language.
    if !intl_knows(lang) {
        let words = outcomes_core::export::summary::Words::for_lang(lang);
        let ours = outcomes_core::text::base_lang(lang).eq_ignore_ascii_case(words.lang);
        if let (true, Ok(date)) = (ours, outcomes_core::Date::parse(date)) {
            return words.date(&date);
        }
    }
    // A date has no time of day: read and write it in UTC so no time zone moves it a day.
    localised(
        date,
        "toLocaleDateString",
        lang,
        &[("dateStyle", "long"), ("timeZone", "UTC")],
    )
    .unwrap_or_else(|| date.to_owned())
}

/// A whole number written the way `lang` writes numbers ("1,200", "١٬٢٠٠"), by the browser's
/// `Intl`; natively, or for a language tag the browser refuses, in ASCII digits.
pub fn number(n: u64, lang: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        // Number.prototype.toLocaleString throws a RangeError for a malformed tag: called through
        // Reflect.apply, which hands the error back instead.
        let format = || -> Option<String> {
            use wasm_bindgen::{JsCast, JsValue};
            let number = js_get(&js_sys::global(), "Number")?;
            let method: js_sys::Function =
                js_get(&js_get(&number, "prototype")?, "toLocaleString")?
                    .dyn_into()
                    .ok()?;
            let args = js_sys::Array::of1(&JsValue::from_str(intl_lang(lang)));
            js_sys::Reflect::apply(&method, &JsValue::from_f64(n as f64), &args)
                .ok()?
                .as_string()
        };
        if let Some(text) = format() {
            return text;
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = lang;
    n.to_string()
}

/// The local time of day now, e.g. "12:03", written the way `lang` writes times.
/// A moment (an RFC 3339 timestamp) as the language writes a date and a time of day, in the
/// device's time zone, e.g. "7 Dec 2026, 14:05".
pub fn date_time(moment: &str, lang: &str) -> String {
    // The day as the device's clock has it (not UTC's), written like every other date here.
    #[cfg(target_arch = "wasm32")]
    let day = {
        let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(moment));
        format!(
            "{:04}-{:02}-{:02}",
            d.get_full_year(),
            d.get_month() + 1,
            d.get_date()
        )
    };
    #[cfg(not(target_arch = "wasm32"))]
    let day = moment.get(..10).unwrap_or(moment).to_owned();
    let time = localised(
        moment,
        "toLocaleTimeString",
        lang,
        &[("hour", "2-digit"), ("minute", "2-digit")],
    )
    .unwrap_or_else(|| moment.get(11..16).unwrap_or_default().to_owned());
    format!("{} {time}", long_date(&day, lang))
}

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

/// The tag to ask `Intl` for: English without a region is written the British way (the widget
/// is made for services in Scotland and the UK: "1 December 2026"); `en-US` stays American.
/// A language the browser's `Intl` has no data for is written the British way too.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn intl_lang(lang: &str) -> &str {
    if lang.eq_ignore_ascii_case("en")
        || lang.eq_ignore_ascii_case("en-x-easy")
        || !intl_knows(lang)
    {
        "en-GB"
    } else {
        lang
    }
}

/// Whether the browser's `Intl` has data for `lang` (`Intl.DateTimeFormat.supportedLocalesOf`);
/// a malformed tag is not known. Asked once per language: every number and date on screen
/// needs the answer. Natively (in unit tests) every language is.
fn intl_knows(lang: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::{JsCast, JsValue};
        thread_local! {
            static KNOWN: std::cell::RefCell<Vec<(String, bool)>> = const {
                std::cell::RefCell::new(Vec::new())
            };
        }
        if let Some(known) =
            KNOWN.with(|k| k.borrow().iter().find(|(l, _)| l == lang).map(|(_, b)| *b))
        {
            return known;
        }
        let ask = || -> Option<bool> {
            let format = js_get(&js_get(&js_sys::global(), "Intl")?, "DateTimeFormat")?;
            let supported: js_sys::Function =
                js_get(&format, "supportedLocalesOf")?.dyn_into().ok()?;
            let args = js_sys::Array::of1(&JsValue::from_str(lang));
            let found = js_sys::Reflect::apply(&supported, &format, &args).ok()?;
            Some(found.dyn_into::<js_sys::Array>().ok()?.length() > 0)
        };
        let known = ask().unwrap_or(false);
        KNOWN.with(|k| k.borrow_mut().push((lang.to_owned(), known)));
        known
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = lang;
        true
    }
}

/// `from[key]`, or `None` where reading it throws.
#[cfg(target_arch = "wasm32")]
fn js_get(from: &wasm_bindgen::JsValue, key: &str) -> Option<wasm_bindgen::JsValue> {
    js_sys::Reflect::get(from, &key.into()).ok()
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
    let format: js_sys::Function = js_get(&when, method)?.dyn_into().ok()?;
    format
        .call2(&when, &JsValue::from_str(intl_lang(lang)), &settings)
        .ok()?
        .as_string()
}

#[cfg(not(target_arch = "wasm32"))]
fn localised(_: &str, _: &str, _: &str, _: &[(&str, &str)]) -> Option<String> {
    None
}

/// A CLDR plural category: which form of a word a number takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

/// The plural category of a whole number `n` in `lang`, by the CLDR rules for the languages the
/// widget is written in (English, Scottish Gaelic, Welsh, Arabic); others use English's. Written
/// out rather than taken from a plural-rules crate, whose locale data would weigh on the bundle.
pub fn plural(lang: &str, n: u64) -> Plural {
    let base = outcomes_core::text::base_lang(lang).to_ascii_lowercase();
    match base.as_str() {
        // Gaelic: one 1,11; two 2,12; few 3-10,13-19; other.
        "gd" => match n {
            1 | 11 => Plural::One,
            2 | 12 => Plural::Two,
            3..=10 | 13..=19 => Plural::Few,
            _ => Plural::Other,
        },
        // Welsh: zero 0; one 1; two 2; few 3; many 6; other.
        "cy" => match n {
            0 => Plural::Zero,
            1 => Plural::One,
            2 => Plural::Two,
            3 => Plural::Few,
            6 => Plural::Many,
            _ => Plural::Other,
        },
        // Arabic: zero 0; one 1; two 2; few n%100 3-10; many n%100 11-99; other.
        "ar" => match (n, n % 100) {
            (0, _) => Plural::Zero,
            (1, _) => Plural::One,
            (2, _) => Plural::Two,
            (_, 3..=10) => Plural::Few,
            (_, 11..=99) => Plural::Many,
            _ => Plural::Other,
        },
        _ if n == 1 => Plural::One,
        _ => Plural::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::Plural::{self, *};

    fn forms(lang: &str, numbers: &[u64]) -> Vec<Plural> {
        numbers.iter().map(|&n| super::plural(lang, n)).collect()
    }

    #[test]
    fn plural_forms_follow_cldr() {
        let numbers = [
            0, 1, 2, 3, 6, 10, 11, 12, 13, 19, 20, 99, 100, 102, 103, 111,
        ];
        assert_eq!(
            forms("en-GB", &numbers),
            [
                Other, One, Other, Other, Other, Other, Other, Other, Other, Other, Other, Other,
                Other, Other, Other, Other
            ]
        );
        assert_eq!(
            forms("gd", &numbers),
            [
                Other, One, Two, Few, Few, Few, One, Two, Few, Few, Other, Other, Other, Other,
                Other, Other
            ]
        );
        assert_eq!(
            forms("cy", &numbers),
            [
                Zero, One, Two, Few, Many, Other, Other, Other, Other, Other, Other, Other, Other,
                Other, Other, Other
            ]
        );
        assert_eq!(
            forms("ar", &numbers),
            [
                Zero, One, Two, Few, Few, Few, Many, Many, Many, Many, Many, Many, Other, Other,
                Few, Many
            ]
        );
    }

    #[test]
    fn english_without_a_region_is_written_the_british_way() {
        assert_eq!(super::intl_lang("en"), "en-GB");
        assert_eq!(super::intl_lang("en-US"), "en-US");
        assert_eq!(super::intl_lang("gd"), "gd");
    }

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
