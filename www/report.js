// The report page: outcomes-core's report, run in this browser by the exports module.
import init, { report } from "./dist/exports.js";

await init({ module_or_path: new URL("./dist/exports_bg.wasm", import.meta.url) });
const today = new Date().toISOString().slice(0, 10);

function show(text) {
  try {
    const files = report(text, today);
    document.getElementById("report-table").textContent = files.table;
    // The SVG is made by outcomes-core, which escapes every text it puts in.
    document.getElementById("report-chart").innerHTML = files.svg;
    document.getElementById("report-problems").textContent = files.problems.length
      ? `${files.problems.length} record(s) could not be read: ${files.problems.join("; ")}`
      : "";
  } catch (error) {
    document.getElementById("report-problems").textContent = String(error);
  }
}

document.getElementById("records").addEventListener("change", async (event) => {
  const texts = await Promise.all([...event.target.files].map((file) => file.text()));
  // Files of single records or NDJSON become one NDJSON text; a JSON list is read as it is.
  show(texts.length === 1 ? texts[0] : texts.map((t) => t.trim().replace(/\n+/g, " ")).join("\n"));
});
document.getElementById("sample").addEventListener("click", async () => {
  show(await fetch("samples/records.ndjson").then((r) => r.text()));
});
