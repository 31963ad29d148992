// <outcomes-conversation>: the one file a host page loads.
//
//   <script type="module" src="/path/to/outcomes-widget.js"></script>
//   <outcomes-conversation template="what-matters" lang="en"></outcomes-conversation>
//
// This module only loads the WebAssembly once and mounts one widget per element inside its own
// shadow root; everything else (rendering, the conversation, events) lives in the Rust widget.
import init, { mount } from "./widget.js";

let ready;
function load() {
  ready ??= init({ module_or_path: new URL("./widget_bg.wasm", import.meta.url) });
  return ready;
}
// Start fetching at once, before any element connects: the first prompt should not wait.
load().catch(() => {});

// The exports (downloads) are a module of their own, fetched the first time someone downloads a
// file, so they do not weigh on the first prompt.
let exportsModule;
function loadExports() {
  exportsModule ??= import("./exports.js")
    .then(async (module) => {
      await module.default({ module_or_path: new URL("./exports_bg.wasm", import.meta.url) });
      return module;
    })
    .catch((error) => {
      exportsModule = undefined; // let the next click try again
      throw error;
    });
  return exportsModule;
}

export class OutcomesConversation extends HTMLElement {
  #widget = null;
  #generation = 0;

  connectedCallback() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    const generation = ++this.#generation;
    load().then(
      () => {
        // The element may have been removed (or moved) while the WebAssembly loaded.
        if (generation !== this.#generation || !this.isConnected) return;
        this.#widget = mount(this, root, { loadExports });
      },
      (error) => showLoadFailure(this, root, error),
    );
  }

  disconnectedCallback() {
    this.#generation++;
    this.#widget?.unmount();
    this.#widget = null;
  }
}

// Without WebAssembly there is no Rust to explain the failure, so say it here, in the widget's
// box, rather than leaving it blank.
function showLoadFailure(host, root, error) {
  const box = document.createElement("p");
  box.setAttribute("role", "alert");
  box.setAttribute("part", "error");
  box.textContent =
    "The conversation could not be loaded, so nothing can be recorded here yet. " +
    "The page may block WebAssembly, or a file may be missing. (" + String(error) + ")";
  root.replaceChildren(box);
  host.dispatchEvent(
    new CustomEvent("outcomes-error", {
      bubbles: true,
      composed: true,
      detail: { error: { code: "load-failed", message: String(error) } },
    }),
  );
}

if (!customElements.get("outcomes-conversation")) {
  customElements.define("outcomes-conversation", OutcomesConversation);
}
