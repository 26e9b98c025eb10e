/* Places a Pioneers widget where this script stands on a partner's page:
   <script src="…/static/opendata/widget.js" data-widget="…/nl/widgets/bijeenkomsten.html" async></script>
   It loads the widget's stylesheet (unless data-style="none") and the widget's HTML, which the
   platform escapes; nothing else runs on the partner's page. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.getAttribute("data-widget") || !window.fetch) {
    return;
  }
  var place = document.createElement("div");
  place.className = "pioneers-widget-place";
  script.parentNode.insertBefore(place, script);
  if (script.getAttribute("data-style") !== "none") {
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = new URL("widget.css", script.src).href;
    document.head.appendChild(style);
  }
  fetch(script.getAttribute("data-widget"), { credentials: "omit" })
    .then(function (response) {
      return response.ok ? response.text() : "";
    })
    .then(function (html) {
      place.innerHTML = html;
    })
    .catch(function () {});
})();
