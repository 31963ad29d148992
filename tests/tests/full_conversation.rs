//! A whole conversation through the built-in what-matters template, as a practitioner would hold
//! it, and a later review of it: every stage, every kind of prompt, the summary and finishing.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use outcomes_e2e::Browser;
use serde_json::{json, Value};

async fn type_into(browser: &Browser, css: &str, words: &str) {
    browser.in_widget(css).await.send_keys(words).await.unwrap();
}

async fn click(browser: &Browser, css: &str) {
    browser.in_widget(css).await.click().await.unwrap();
}

async fn next(browser: &Browser) {
    click(browser, ".oc-nav .oc-button-primary").await;
}

/// The label (holding a checkbox or radio) whose text contains `text`, inside `within`.
async fn click_option(browser: &Browser, within: &str, text: &str) {
    let found = browser
        .js(
            "const [within, text] = arguments; \
             const root = document.querySelector('outcomes-conversation').shadowRoot; \
             const label = [...root.querySelectorAll(within + ' label')] \
               .find(l => l.textContent.includes(text)); \
             if (!label) return false; label.click(); return true;",
            vec![json!(within), json!(text)],
        )
        .await;
    assert_eq!(found, json!(true), "no option {text:?} in {within}");
}

/// The record of the last `outcomes-change` event.
async fn last_record(browser: &Browser) -> Value {
    browser
        .js(
            "return window.outcomesEvents.filter(e => e.name === 'outcomes-change').at(-1)?.detail.record;",
            vec![],
        )
        .await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_whole_conversation_from_what_matters_to_the_summary() {
    let browser = Browser::start().await;
    browser.open("/plain.html").await;
    browser.in_widget("textarea").await;
    browser.record_events().await;

    // 1. What matters, and why.
    type_into(
        &browser,
        "#oc-prompt-what-matters",
        "Getting back to the bowling club",
    )
    .await;
    type_into(
        &browser,
        "#oc-prompt-why",
        "It's where my friends are — I miss them",
    )
    .await;
    next(&browser).await;
    // 2. What is working.
    type_into(
        &browser,
        "#oc-prompt-working-well",
        "My neighbour Jean pops in",
    )
    .await;
    next(&browser).await;
    // 3. Strengths: left for another day.
    next(&browser).await;
    // 4. Outcomes in the person's words, tagged, rated by both.
    click(&browser, ".oc-outcomes .oc-add").await;
    type_into(
        &browser,
        ".oc-outcome-words",
        "Go to the bowling club again, \"even just to watch\"",
    )
    .await;
    click(&browser, ".oc-tags-details > summary").await;
    click_option(&browser, ".oc-outcome", "Seeing people").await;
    // The person's view, then the practitioner's: each kept as it is given.
    let person = ".oc-rating .oc-view[data-by=person]";
    let practitioner = ".oc-rating .oc-view[data-by=practitioner]";
    click_option(&browser, &format!("{person} .oc-scale"), "Not met").await;
    type_into(
        &browser,
        &format!("{person} .oc-why"),
        "Not been since March",
    )
    .await;
    click(&browser, ".oc-rating details.oc-add-view > summary").await;
    click_option(&browser, &format!("{practitioner} .oc-scale"), "Partly met").await;
    type_into(
        &browser,
        &format!("{practitioner} .oc-why"),
        "Davie has offered lifts",
    )
    .await;
    next(&browser).await;
    // 5. Who will do what, by when, for which outcome.
    click(&browser, ".oc-actions .oc-add").await;
    type_into(&browser, ".oc-action-what", "Phone Davie about Thursdays").await;
    type_into(&browser, ".oc-action-who", "Margaret").await;
    browser
        .js(
            "const root = document.querySelector('outcomes-conversation').shadowRoot; \
             const date = root.querySelector('.oc-action-when'); date.value = '2026-12-20'; \
             date.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![],
        )
        .await;
    click_option(&browser, ".oc-action-outcomes", "bowling club").await;
    next(&browser).await;
    // 6. Next time (words and a date), and consent to keeping the record.
    type_into(&browser, "#oc-prompt-review", "In six weeks").await;
    browser
        .js(
            "const root = document.querySelector('outcomes-conversation').shadowRoot; \
             const date = root.querySelector('.oc-review-date'); date.value = '2027-01-15'; \
             date.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![],
        )
        .await;
    click_option(&browser, ".oc-consent-answer", "").await;
    next(&browser).await;

    // The summary: the person's words first, both views of the outcome, the action.
    let summary = browser.widget_text(".oc-summary").await;
    for words in [
        "Getting back to the bowling club",
        "It's where my friends are — I miss them",
        "Go to the bowling club again, \"even just to watch\"",
        "Not been since March",
        "Davie has offered lifts",
        "Phone Davie about Thursdays",
    ] {
        assert!(
            summary.contains(words),
            "the summary shows {words:?}:\n{summary}"
        );
    }
    click(&browser, ".oc-summary .oc-finish").await;
    let completed = browser
        .wait_for_js(
            "outcomes-complete",
            "return window.outcomesEvents.find(e => e.name === 'outcomes-complete')?.detail.record ?? null;",
        )
        .await;
    assert_eq!(completed["status"], json!("complete"));
    assert_eq!(
        completed["answers"]["why"]["text"],
        json!("It's where my friends are — I miss them")
    );
    let outcome = &completed["outcomes"][0];
    assert_eq!(
        outcome["words"],
        json!("Go to the bowling club again, \"even just to watch\"")
    );
    assert!(
        outcome["tags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "seeing-people"),
        "{outcome}"
    );
    let ratings = outcome["ratings"].as_array().unwrap();
    assert_eq!(ratings.len(), 2, "both views kept: {outcome}");
    assert_ne!(ratings[0]["by"], ratings[1]["by"]);
    assert_eq!(ratings[0]["reason"], json!("Not been since March"));
    let action = &completed["actions"][0];
    assert_eq!(action["what"], json!("Phone Davie about Thursdays"));
    assert_eq!(action["who"], json!("Margaret"));
    assert_eq!(action["by_when"], json!("2026-12-20"));
    assert_eq!(action["outcomes"], json!([outcome["id"]]));
    assert_eq!(completed["next_review"], json!("2027-01-15"));
    assert_eq!(last_record(&browser).await["status"], json!("complete"));
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_review_rates_the_earlier_outcomes_again_beside_the_earlier_words_and_ratings() {
    let browser = Browser::start().await;
    browser.open("/review.html").await;
    type_into(&browser, "textarea", "Davie took me twice").await;
    let earlier = browser.js("return window.earlierRecord;", vec![]).await;
    let earlier_outcome = &earlier["outcomes"][0];
    next(&browser).await;
    // Progress: each earlier outcome is there, in the earlier words, with its earlier ratings.
    let rating = browser.widget_text(".oc-rating").await;
    let words = earlier_outcome["words"].as_str().unwrap();
    assert!(
        rating.contains(words),
        "the earlier words beside the new rating:\n{rating}"
    );
    let earlier_reason = earlier_outcome["ratings"][0]["reason"].as_str().unwrap();
    assert!(
        rating.contains(earlier_reason),
        "the earlier rating's reason is shown:\n{rating}"
    );
    let person = ".oc-rating [data-prompt=progress] .oc-view[data-by=person]";
    click_option(&browser, &format!("{person} .oc-scale"), "Partly met").await;
    type_into(
        &browser,
        &format!("{person} .oc-why"),
        "Been twice with Davie",
    )
    .await;
    let record = last_record(&browser).await;
    assert_eq!(record["reviews"], earlier["id"]);
    let outcome = &record["outcomes"][0];
    assert_eq!(
        outcome["words"], earlier_outcome["words"],
        "the person's words carried unchanged"
    );
    let ratings = outcome["ratings"].as_array().unwrap();
    let before = earlier_outcome["ratings"].as_array().unwrap().len();
    assert_eq!(
        ratings.len(),
        before + 1,
        "the history kept, the new view added"
    );
    assert_eq!(
        ratings.last().unwrap()["reason"],
        json!("Been twice with Davie")
    );
    browser.close().await;
}
