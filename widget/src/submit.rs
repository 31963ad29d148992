//! The widget's only network requests: fetching a template from the address the page gave
//! (`template="https://…"`), and sending a record to the organisation's endpoint.

use gloo_timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestInit, Response};

/// How long to wait for the endpoint before treating the attempt as failed (and retrying).
const TIMEOUT_MS: u32 = 20_000;

/// What became of one attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attempt {
    /// The endpoint took the record (2xx).
    Accepted,
    /// Worth trying again later: no network, a timeout, a server error (5xx), 408 or 429.
    TryAgain(String),
    /// The endpoint refused the record (another 4xx); trying again would not help.
    Refused { status: u16, message: String },
}

/// POSTs `record_json` to `endpoint` with `key` (the record id and revision, see
/// `Record::submission_key`) as the `Idempotency-Key`, so an attempt that reached the server but
/// whose answer was lost does not store the revision twice.
pub async fn send(endpoint: &str, key: &str, record_json: &str) -> Attempt {
    match try_send(endpoint, key, record_json).await {
        Ok(attempt) => attempt,
        Err(err) => Attempt::TryAgain(describe(&err)),
    }
}

async fn try_send(endpoint: &str, key: &str, record_json: &str) -> Result<Attempt, JsValue> {
    let headers = Headers::new()?;
    headers.set("Content-Type", "application/json")?;
    headers.set("Idempotency-Key", key)?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(record_json));
    // No cookies or other credentials go with the record.
    init.set_credentials(web_sys::RequestCredentials::Omit);
    let response = match fetch_in_time(endpoint, &init).await? {
        Ok(response) => response,
        Err(problem) => return Ok(Attempt::TryAgain(problem)),
    };
    let status = response.status();
    Ok(match status {
        200..=299 => Attempt::Accepted,
        408 | 429 | 500..=599 => Attempt::TryAgain(format!("the server answered {status}")),
        _ => {
            let body = match response.text() {
                Ok(text) => JsFuture::from(text).await.ok().and_then(|t| t.as_string()),
                Err(_) => None,
            };
            Attempt::Refused {
                status,
                message: body.map(|b| shorten(&b)).unwrap_or_default(),
            }
        }
    })
}

/// GETs the text at `address` (a template's JSON), or says why not: no network, no answer in
/// time, or an HTTP status other than 2xx. Sent as the page's own requests are: the browser
/// sends cookies only to the page's own site.
pub async fn fetch_text(address: &str) -> Result<String, String> {
    let attempt = async {
        let headers = Headers::new()?;
        headers.set("Accept", "application/json")?;
        let init = RequestInit::new();
        init.set_method("GET");
        init.set_headers(&headers);
        init.set_credentials(web_sys::RequestCredentials::SameOrigin);
        let response = match fetch_in_time(address, &init).await? {
            Ok(response) => response,
            Err(problem) => return Ok(Err(problem)),
        };
        if !response.ok() {
            return Ok(Err(format!(
                "the server answered {} {}",
                response.status(),
                response.status_text()
            )));
        }
        let text = JsFuture::from(response.text()?).await?;
        Ok::<_, JsValue>(
            text.as_string()
                .ok_or_else(|| "the answer was not text".to_owned()),
        )
    };
    attempt.await.unwrap_or_else(|err| Err(describe(&err)))
}

/// One `fetch`, given up after [`TIMEOUT_MS`]: the response, or why none came (no network, no
/// answer in time) in words.
async fn fetch_in_time(
    address: &str,
    init: &RequestInit,
) -> Result<Result<Response, String>, JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let controller = AbortController::new()?;
    init.set_signal(Some(&controller.signal()));
    let timeout = Timeout::new(TIMEOUT_MS, move || controller.abort());
    let response = JsFuture::from(window.fetch_with_str_and_init(address, init)).await;
    drop(timeout);
    Ok(match response {
        Ok(response) => Ok(response.unchecked_into()),
        Err(err) if is_abort(&err) => {
            Err(format!("no answer within {} seconds", TIMEOUT_MS / 1000))
        }
        Err(err) => Err(describe(&err)),
    })
}

fn is_abort(err: &JsValue) -> bool {
    err.dyn_ref::<js_sys::Error>()
        .is_some_and(|e| e.name() == "AbortError")
}

fn describe(err: &JsValue) -> String {
    err.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| err.as_string())
        .unwrap_or_else(|| "the network request failed".to_owned())
}

/// The first 300 characters of what the server said, enough to explain a refusal.
fn shorten(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(300) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}
