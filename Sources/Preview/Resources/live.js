// Broadsheet's live reload, added to pages by `broadsheet serve` only (never by `build`).
// It listens to the preview server and reloads the page after a rebuild, swaps the
// stylesheets when only CSS changed, and shows a build error over the page, as text.
(function () {
  "use strict";
  if (!window.EventSource) return;
  var source = new EventSource("/_broadsheet/events");
  var overlay = null;

  function hideError() {
    if (overlay) { overlay.remove(); overlay = null; }
  }

  function showError(message) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "broadsheet-build-error";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
        "margin:0;padding:1rem 1.25rem;background:#2b0d0d;color:#ffe9e9;border-top:4px solid #ff5c5c;" +
        "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap;";
      var title = document.createElement("strong");
      title.textContent = "Build failed; the preview shows the last good build.\n";
      overlay.appendChild(title);
      overlay.appendChild(document.createElement("span"));
      (document.body || document.documentElement).appendChild(overlay);
    }
    overlay.lastChild.textContent = message;  // text, never HTML
  }

  // The search page reads the index, which is brought up to date after the pages: it
  // reloads when the index is in place ("index"), the other pages as soon as theirs are.
  function isSearchPage() { return !!document.querySelector('script[src*="search/search.js"]'); }
  source.addEventListener("reload", function () { if (!isSearchPage()) location.reload(); });
  source.addEventListener("index", function () { if (isSearchPage()) location.reload(); });
  source.addEventListener("css", function () {
    hideError();
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].href, location.href);
      url.searchParams.set("broadsheet-reload", String(Date.now()));
      links[i].href = url.href;
    }
  });
  source.addEventListener("build-error", function (event) { showError(JSON.parse(event.data)); });
})();
