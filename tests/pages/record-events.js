// Records the widget's DOM events in window.outcomesEvents for the end-to-end tests.
window.outcomesEvents = [];
for (const name of ["outcomes-change", "outcomes-complete", "outcomes-submitted", "outcomes-deleted", "outcomes-error"]) {
  document.addEventListener(name, (event) => window.outcomesEvents.push({ name, detail: event.detail }));
}
