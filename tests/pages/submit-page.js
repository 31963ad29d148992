// Adds the widget with the endpoint the test gives in the page address (?endpoint=…), cleared
// from the device once sent when the address says ?clear.
const endpoint = new URLSearchParams(location.search).get("endpoint");
const widget = document.createElement("outcomes-conversation");
widget.setAttribute("template", "what-matters");
widget.setAttribute("endpoint", endpoint);
if (new URLSearchParams(location.search).has("clear")) widget.setAttribute("clear-when-sent", "");
widget.setAttribute("organisation", "Leith Community Support");
document.body.append(widget);
