// Mounts the review demo with a sample earlier record.
import { mount } from "./dist/outcomes-widget.js";

const earlierRecord = await fetch("samples/first.record.json").then((r) => r.json());
mount(document.getElementById("review-here"), {
  template: "review", mode: "review", earlierRecord, storageKey: "modes-review",
});
