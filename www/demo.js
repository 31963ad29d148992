// Shows the record the widget sends with each outcomes-change event.
const output = document.getElementById("record");
for (const name of ["outcomes-change", "outcomes-complete", "outcomes-error"]) {
  document.addEventListener(name, (event) => {
    output.textContent = name + "\n" + JSON.stringify(event.detail, null, 2);
  });
}
