// <outcomes-conversation>: the one file a host page loads.
//
//   <script type="module" src="/path/to/outcomes-widget.js"></script>
//   <outcomes-conversation template="what-matters" lang="en"></outcomes-conversation>
//
// or, from code:
//
//   import { mount } from "/path/to/outcomes-widget.js";
//   const widget = mount(document.querySelector("#here"), { template: "what-matters", lang: "en" });
//   widget.remove(); // unmounts it
//
// This module only loads the WebAssembly once and mounts one widget per element inside its own
// shadow root; everything else (rendering, the conversation, events) lives in the Rust widget.
import init, { mount as mountWidget } from "./widget.js";

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

// The attributes a widget is set up from; changing one sets the widget up again (its draft is
// kept on the device, so nothing typed is lost).
const ATTRIBUTES = [
  "template", "lang", "mode", "easy-read", "endpoint", "storage-key", "fhir-base",
  "review-template", "organisation", "clear-when-sent",
];

export class OutcomesConversation extends HTMLElement {
  static observedAttributes = ATTRIBUTES;
  #widget = null;
  #generation = 0;

  connectedCallback() {
    this.#start();
  }

  disconnectedCallback() {
    this.#stop();
  }

  attributeChangedCallback(_name, before, after) {
    if (before !== after && this.isConnected && (this.#widget || this.#generation > 0)) {
      this.#stop();
      this.#start();
    }
  }

  #start() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    const generation = ++this.#generation;
    load().then(
      () => {
        // The element may have been removed, moved or changed while the WebAssembly loaded.
        if (generation !== this.#generation || !this.isConnected) return;
        this.#widget = mountWidget(this, root, { loadExports });
      },
      (error) => showLoadFailure(this, root, error),
    );
  }

  #stop() {
    this.#generation++;
    this.#widget?.unmount();
    this.#widget = null;
  }
}

// The same options as the attributes, in camelCase: template (a built-in name, an address, or a template
// object), lang, mode, easyRead (true or false), endpoint, storageKey, fhirBase, reviewTemplate,
// organisation, clearWhenSent (true or false), and earlierRecord (a record object, for mode "review"). Returns the <outcomes-conversation> element; remove it to unmount.
export function mount(container, options = {}) {
  const element = document.createElement("outcomes-conversation");
  const { template, earlierRecord, ...attributes } = options;
  if (typeof template === "string") {
    element.setAttribute("template", template);
  } else if (template) {
    element.append(jsonScript(template));
  }
  if (earlierRecord) {
    element.append(jsonScript(earlierRecord, "data-earlier-record"));
  }
  for (const [key, value] of Object.entries(attributes)) {
    const name = key.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
    if (!ATTRIBUTES.includes(name)) {
      throw new TypeError(`outcomes-widget: unknown option "${key}"; options: template, earlierRecord, ` +
        ATTRIBUTES.map((a) => a.replace(/-(.)/g, (_, c) => c.toUpperCase())).join(", "));
    }
    if (value !== undefined && value !== null) element.setAttribute(name, String(value));
  }
  container.append(element);
  return element;
}

function jsonScript(value, flag) {
  const script = document.createElement("script");
  script.type = "application/json";
  if (flag) script.setAttribute(flag, "");
  script.textContent = typeof value === "string" ? value : JSON.stringify(value);
  return script;
}

// Without WebAssembly there is no Rust to explain the failure, so say it here, in the widget's
// box, rather than leaving it blank: the only words not in the widget's message catalogues,
// in the same languages (Gaelic and Arabic are draft translations).
const LOAD_FAILED = {
  en: "The conversation could not be loaded, so nothing can be recorded here yet. " +
    "The page may block WebAssembly, or a file may be missing.",
  gd: "Cha b' urrainnear an còmhradh a luchdadh, mar sin chan urrainnear dad a chlàradh an seo " +
    "fhathast. Dh'fhaoidte gu bheil an duilleag a' bacadh WebAssembly, no gu bheil faidhle a dhìth.",
  ar: "تعذّر تحميل المحادثة، لذا لا يمكن تسجيل أي شيء هنا بعد. " +
    "ربما تمنع الصفحة WebAssembly، أو قد يكون أحد الملفات مفقودًا.",
};

function showLoadFailure(host, root, error) {
  const asked = host.getAttribute("lang") || document.documentElement.lang || "en";
  const lang = asked.split(/[-_]/)[0].toLowerCase() in LOAD_FAILED
    ? asked.split(/[-_]/)[0].toLowerCase() : "en";
  const box = document.createElement("p");
  box.setAttribute("role", "alert");
  box.setAttribute("part", "error");
  box.lang = lang;
  box.dir = lang === "ar" ? "rtl" : "ltr";
  box.textContent = LOAD_FAILED[lang] + " (" + String(error) + ")";
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
