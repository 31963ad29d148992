// Reviews an earlier record (a sample conversation) with the built-in review template.
import { mount } from "/dist/outcomes-widget.js";

const earlierRecord = await fetch("/fixtures/first.record.json").then((r) => r.json());
window.earlierRecord = earlierRecord;
mount(document.getElementById("here"), { template: "review", mode: "review", earlierRecord, storageKey: "review" });
