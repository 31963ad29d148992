//! A whole conversation as each user holds it, looked at on screen: the practitioner with the
//! person beside them (a stage with three outcomes stays short to scan), the person alone on a
//! phone (spoken to, nothing wider than the screen, a readable copy), and a review three months
//! later (last time beside this time). Screenshots go to `target/screenshots/` for people to
//! look at.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use outcomes_e2e::Browser;
use serde_json::json;

async fn click(browser: &Browser, css: &str) {
    browser.in_widget(css).await.click().await.unwrap();
}

async fn type_into(browser: &Browser, css: &str, words: &str) {
    browser.in_widget(css).await.send_keys(words).await.unwrap();
}

/// Clicks the `n`th (from 0) element matching `css` in the widget.
async fn click_nth(browser: &Browser, css: &str, n: usize) {
    browser
        .js(
            "const all = document.querySelector('outcomes-conversation').shadowRoot \
               .querySelectorAll(arguments[0]); all[arguments[1]].click();",
            vec![json!(css), json!(n)],
        )
        .await;
}

async fn screenshot(browser: &Browser, name: &str) {
    let shot = browser.client().screenshot().await.unwrap();
    let dir = xtask::workspace_root().join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.png")), &shot).unwrap();
}

/// The widget's height and whether anything in it is wider than the page.
async fn widget_box(browser: &Browser) -> (f64, bool) {
    let measured = browser
        .js(
            "const host = document.querySelector('outcomes-conversation'); \
             return [host.getBoundingClientRect().height, \
               document.documentElement.scrollWidth > window.innerWidth + 1];",
            vec![],
        )
        .await;
    (
        measured[0].as_f64().unwrap(),
        measured[1].as_bool().unwrap(),
    )
}

/// The bug: stage 4 was over 4,000 px tall with three outcomes (every tag repeated per outcome,
/// a rating form repeating the outcome list). Now each outcome is one card, tags closed with
/// the chosen ones named, the practitioner's view offered rather than laid out.
#[tokio::test(flavor = "multi_thread")]
async fn a_practitioner_with_three_outcomes_has_a_short_stage_to_scan() {
    let browser = Browser::start().await;
    browser.open("/plain.html").await;
    click(&browser, ".oc-stages li:nth-child(4) button").await;
    for (i, words) in [
        "Go to the bowling club again",
        "Stay in my own home",
        "Manage the stairs",
    ]
    .iter()
    .enumerate()
    {
        click(&browser, ".oc-outcomes .oc-add").await;
        browser
            .js(
                "const root = document.querySelector('outcomes-conversation').shadowRoot; \
                 const field = root.querySelectorAll('.oc-outcome-words')[arguments[0]]; \
                 field.value = arguments[1]; \
                 field.dispatchEvent(new InputEvent('input', { bubbles: true }));",
                vec![json!(i), json!(words)],
            )
            .await;
        // Tagged (open the list, choose one, close it again), and the person's view given.
        click_nth(&browser, ".oc-outcome .oc-tags-details > summary", i).await;
        browser
            .js(
                "document.querySelector('outcomes-conversation').shadowRoot \
                   .querySelectorAll('.oc-outcome')[arguments[0]].querySelector('.oc-chip-box').click();",
                vec![json!(i)],
            )
            .await;
        click_nth(&browser, ".oc-outcome .oc-tags-details > summary", i).await;
        click_nth(
            &browser,
            ".oc-view[data-by=person] input[value=partly-met]",
            i,
        )
        .await;
    }
    let (height, wider) = widget_box(&browser).await;
    screenshot(&browser, "practitioner-stage-4").await;
    assert!(!wider, "nothing wider than the page");
    assert!(
        height < 2600.0,
        "stage 4 with three outcomes is {height:.0} px tall"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_person_alone_on_a_phone_is_spoken_to_and_keeps_a_readable_copy() {
    let browser = Browser::start().await;
    browser.client().set_window_size(390, 844).await.unwrap();
    browser.open("/self.html").await;
    type_into(
        &browser,
        "#oc-prompt-what-matters",
        "Swimming again on Fridays",
    )
    .await;
    let stages = [
        "What matters",
        "What is working",
        "Strengths",
        "Outcomes",
        "Actions",
        "Next time",
    ];
    for (n, stage) in stages.iter().enumerate() {
        click(
            &browser,
            &format!(".oc-stages li:nth-child({}) button", n + 1),
        )
        .await;
        if *stage == "Outcomes" {
            click(&browser, ".oc-outcomes .oc-add").await;
            type_into(
                &browser,
                ".oc-outcome-words",
                "Swim a length without stopping",
            )
            .await;
            click(&browser, ".oc-view[data-by=person] input[value=not-met]").await;
            type_into(
                &browser,
                ".oc-view[data-by=person] .oc-why",
                "Not since my operation",
            )
            .await;
        }
        if *stage == "Next time" {
            click(&browser, ".oc-consent-answer input[value=given]").await;
        }
        let (_, wider) = widget_box(&browser).await;
        assert!(!wider, "{stage}: nothing wider than the phone's screen");
        screenshot(&browser, &format!("self-phone-{}", n + 1)).await;
        let text = browser.widget_text(".oc-conversation").await;
        for practitioner_talk in [
            "practitioner",
            "the person's",
            "In their",
            "When the person is ready",
        ] {
            assert!(
                !text.contains(practitioner_talk),
                "{stage}: {practitioner_talk:?} in\n{text}"
            );
        }
    }
    click(&browser, ".oc-stages li:last-child button").await;
    click(&browser, ".oc-summary .oc-finish").await;
    let finished = browser.widget_text(".oc-finished").await;
    assert!(finished.contains("finished"), "{finished}");
    let summary = browser.widget_text(".oc-summary").await;
    assert!(summary.contains("Not since my operation"), "{summary}");
    assert!(
        summary.contains("Your view") || summary.contains("you,"),
        "{summary}"
    );
    screenshot(&browser, "self-phone-summary").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_review_three_months_later_shows_last_time_beside_this_time() {
    let browser = Browser::start().await;
    browser.open("/review.html").await;
    let last = browser.widget_text(".oc-last-conversation").await;
    assert!(last.contains("What was said last time"), "{last}");
    assert!(
        last.contains("I miss the lads"),
        "the earlier answers: {last}"
    );
    screenshot(&browser, "review-1").await;
    click(&browser, ".oc-stages li:nth-child(2) button").await;
    let cards = browser
        .js(
            "return document.querySelector('outcomes-conversation').shadowRoot \
               .querySelectorAll('.oc-rating').length;",
            vec![],
        )
        .await;
    assert_eq!(cards, json!(3), "one card per outcome");
    let card = browser.widget_text(".oc-rating").await;
    assert!(card.contains("Said last time"), "{card}");
    assert!(
        card.contains("Haven't been since March"),
        "last time's reason: {card}"
    );
    screenshot(&browser, "review-2").await;
    browser.close().await;
}
