// Adds the widget with the endpoint the test gives in the page address (?endpoint=…).
const endpoint = new URLSearchParams(location.search).get("endpoint");
const widget = document.createElement("outcomes-conversation");
widget.setAttribute("template", "what-matters");
widget.setAttribute("endpoint", endpoint);
document.body.append(widget);
