// Mounts a widget with the JS API and an inline template object.
import { mount } from "/dist/outcomes-widget.js";

const template = {
  format_version: 1, id: "our-own", version: "1", default_lang: "en",
  title: { en: "Our conversation", gd: "An còmhradh againn" },
  sections: [{ id: "start", title: { en: "Start", gd: "Toiseach" }, prompts: [
    { id: "hopes", kind: "text", text: { en: "What are your hopes?", gd: "Dè na dòchasan agad?" } },
  ] }],
};
window.widget = mount(document.getElementById("here"), { template, lang: "en", storageKey: "api" });
window.mountWithBadOption = () => mount(document.getElementById("here"), { templat: "what-matters" });
