// The playground: the template text goes to the widget as it is, so the widget's own reader
// reports any problem with its line, column and JSON path.
import "./dist/outcomes-widget.js";

const editor = document.getElementById("template-json");
const preview = document.getElementById("preview");
editor.value = await fetch("samples/what-matters.template.json").then((r) => r.text());

let timer;
function show() {
  const element = document.createElement("outcomes-conversation");
  element.setAttribute("storage-key", "playground");
  const script = document.createElement("script");
  script.type = "application/json";
  script.textContent = editor.value;
  element.append(script);
  preview.replaceChildren(element);
}
editor.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(show, 300);
});
show();
