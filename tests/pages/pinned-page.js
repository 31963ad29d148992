// Loads the entry module with the integrity hash published in dist/integrity.json, as a host page
// pinning a release would write it by hand.
fetch("/dist/integrity.json")
  .then((response) => response.json())
  .then((manifest) => {
    window.widgetVersion = manifest.version;
    const script = document.createElement("script");
    script.type = "module";
    script.src = "/dist/outcomes-widget.js";
    script.integrity = manifest.files["outcomes-widget.js"];
    script.crossOrigin = "anonymous";
    script.onerror = () => { window.pinnedLoadFailed = true; };
    document.head.append(script);
  });
