/**
 * The search page (/search/): results as the reader types, facets, the query in
 * the URL, keyboard navigation. Runs on the page templates/search.mustache makes,
 * over BroadsheetSearch (engine.js).
 *
 * Everything from the index (titles, excerpts, tags, names) goes into the page as
 * text nodes, never as HTML, so an issue titled <script>… shows as written.
 */
(function (root) {
  "use strict";

  const doc = root.document;
  if (!doc || !doc.getElementById("search-q")) return;  // not the search page (or node)

  const script = doc.currentScript;
  const siteRoot = (script && script.getAttribute("data-root")) || "";
  const offline = script && script.getAttribute("data-offline") === "true";
  const box = doc.getElementById("search-q");
  const form = box.form;
  const status = doc.getElementById("search-status");
  const list = doc.getElementById("search-results");
  const facetsPanel = doc.getElementById("search-facets");
  const DEBOUNCE = 120;
  // Results per page. Ten is what the index stores with each word (its best documents
  // and their excerpts), so a one-word query's first page reads one term shard and no
  // postings; "Show more" asks for ten more.
  const PAGE = 10;
  const Search = root.BroadsheetSearch;
  const Tokenizer = root.BroadsheetTokenizer;

  let enginePromise = null;
  let timer = null;
  let shownQuery = null;
  let lastPush = 0;
  let generation = 0;
  let limit = PAGE;
  let lastRun = null;

  function engine() {
    if (!enginePromise) enginePromise = Search.open(Search.scriptLoader(siteRoot + "search/index/"));
    return enginePromise;
  }

  function href(path) {
    return siteRoot + path + (offline && path.endsWith("/") ? "index.html" : "");
  }

  function element(tag, className, text) {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** `text` as text nodes, with the words whose stems the query matched in <mark>. */
  function marked(text, stems) {
    const fragment = doc.createDocumentFragment();
    let at = 0;
    for (const token of Tokenizer.tokens(text)) {
      if (!stems.has(Search.stemOf(token.text))) continue;
      if (token.start > at) fragment.appendChild(doc.createTextNode(text.slice(at, token.start)));
      fragment.appendChild(element("mark", "", text.slice(token.start, token.end)));
      at = token.end;
    }
    if (at < text.length) fragment.appendChild(doc.createTextNode(text.slice(at)));
    return fragment;
  }

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  function queryFromURL() {
    return new URLSearchParams(root.location.search).get("q") || "";
  }

  /** Keeps ?q= in the address: one history entry per search, not per keystroke. */
  function remember(query, push) {
    const url = new URL(root.location.href);
    if ((url.searchParams.get("q") || "") === query) return;
    if (query) url.searchParams.set("q", query);
    else url.searchParams.delete("q");
    const now = Date.now();
    try {
      if (push && now - lastPush > 1500) root.history.pushState({ q: query }, "", url.href);
      else root.history.replaceState({ q: query }, "", url.href);
    } catch (error) {
      // Some browsers refuse history changes on file:// pages; the search still works.
    }
    lastPush = now;
  }

  function toggleFilter(filter) {
    const words = box.value.split(/\s+/).filter((word) => word.length > 0);
    const index = words.indexOf(filter);
    if (index >= 0) words.splice(index, 1);
    else words.push(filter);
    box.value = words.join(" ") + " ";
    run(true);
    box.focus();
  }

  function renderFacets(facets, query) {
    facetsPanel.replaceChildren();
    const groups = [
      ["Tags", facets.tags.map((f) => ({ label: f.label.name, filter: "tag:" + f.label.slug, count: f.count }))],
      ["Entities", facets.entities.map((f) => ({ label: f.thing.name, filter: "entity:" + f.thing.key, count: f.count }))],
      ["Years", facets.years.slice().sort((a, b) => b.year - a.year).map((f) => ({ label: String(f.year), filter: "year:" + f.year, count: f.count }))],
    ];
    const active = new Set(query.split(/\s+/));
    for (const [title, values] of groups) {
      if (values.length === 0) continue;
      const section = element("section", "search-facet");
      const heading = element("h2", "", title);
      section.appendChild(heading);
      const items = element("ul", "search-facet-values");
      for (const value of values) {
        const item = element("li");
        const button = element("button", "search-facet-value");
        button.type = "button";
        button.setAttribute("aria-pressed", active.has(value.filter) ? "true" : "false");
        button.dataset.filter = value.filter;
        button.appendChild(element("span", "search-facet-label", value.label));
        button.appendChild(element("span", "search-facet-count", String(value.count)));
        button.addEventListener("click", () => toggleFilter(value.filter));
        item.appendChild(button);
        items.appendChild(item);
      }
      section.appendChild(items);
      facetsPanel.appendChild(section);
    }
  }

  function renderResults(results, query) {
    const stems = new Set(results.matchedStems);
    list.replaceChildren();
    if (results.entity) {
      const thing = results.entity;
      const item = element("li", "search-result search-entity");
      const link = element("a", "search-result-title", thing.name);
      link.href = href(thing.url);
      item.appendChild(link);
      item.appendChild(element("p", "search-result-meta",
        (thing.kind ? thing.kind.charAt(0).toUpperCase() + thing.kind.slice(1) + " · " : "") + plural(thing.mentions, "mention", "mentions")));
      list.appendChild(item);
    }
    for (const hit of results.hits) {
      const item = element("li", "search-result");
      const title = element("a", "search-result-title");
      title.href = href(hit.url);
      title.appendChild(marked(hit.title, stems));
      item.appendChild(title);
      const meta = element("p", "search-result-meta");
      const date = element("time", "", hit.date);
      date.dateTime = hit.date;
      meta.appendChild(date);
      for (const tag of hit.tags) meta.appendChild(element("span", "search-result-tag", tag.name));
      item.appendChild(meta);
      if (hit.excerpt) {
        const excerpt = element("p", "search-result-excerpt");
        excerpt.appendChild(marked(hit.excerpt, stems));
        item.appendChild(excerpt);
      }
      list.appendChild(item);
    }
    if (results.hits.length < results.total) {
      const item = element("li", "search-more");
      const at = links().length;
      const more = element("button", "search-more-button", "Show more results");
      more.type = "button";
      more.addEventListener("click", () => {
        limit += PAGE;
        shownQuery = null;
        run(false).then(() => {
          const all = links();
          if (all[at]) all[at].focus();  // the first of the new results
        });
      });
      item.appendChild(more);
      list.appendChild(item);
    }
    let message = results.total === 0 ? "No issues match “" + query.trim() + "”." :
      plural(results.total, "issue matches", "issues match") + (results.hits.length < results.total ? "; showing the best " + results.hits.length + "." : ".");
    status.replaceChildren(doc.createTextNode(message));
    if (results.total === 0 && results.suggestion) {
      status.appendChild(doc.createTextNode(" Did you mean "));
      const suggestion = element("a", "search-suggestion", results.suggestion);
      const url = new URL(root.location.href);
      url.searchParams.set("q", results.suggestion);
      suggestion.href = url.href;
      suggestion.addEventListener("click", (event) => {
        event.preventDefault();
        box.value = results.suggestion;
        run(true);
      });
      status.appendChild(suggestion);
      status.appendChild(doc.createTextNode("?"));
    }
    for (const note of results.notes) status.appendChild(element("span", "search-note", " (" + note + ")"));
    renderFacets(results.facets, query);
  }

  async function run(push) {
    const query = box.value;
    if (query === shownQuery) return;
    if (query !== lastRun) limit = PAGE;
    lastRun = query;
    const mine = ++generation;
    remember(query.trim(), push);
    if (query.trim() === "") {
      shownQuery = query;
      list.replaceChildren();
      facetsPanel.replaceChildren();
      status.textContent = "";
      return;
    }
    try {
      const results = await (await engine()).search(query, { limit });
      if (mine !== generation) return;  // a newer query is on its way
      shownQuery = query;
      renderResults(results, query);
    } catch (error) {
      if (mine !== generation) return;
      shownQuery = null;
      status.textContent = error.message.startsWith("damaged search index:")
        ? "Search is unavailable: the " + error.message + ". Rebuild the site with broadsheet build."
        : "Search failed: " + error.message;
    }
  }

  box.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(true), DEBOUNCE);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    shownQuery = null;
    run(true);
  });

  // Arrow keys move from the box through the results; Enter on a result opens it.
  function links() {
    return Array.from(list.querySelectorAll("a.search-result-title"));
  }
  box.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && links().length > 0) {
      event.preventDefault();
      links()[0].focus();
    }
  });
  list.addEventListener("keydown", (event) => {
    const all = links();
    const at = all.indexOf(doc.activeElement);
    if (at < 0) return;
    if (event.key === "ArrowDown" && at + 1 < all.length) {
      event.preventDefault();
      all[at + 1].focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      if (at === 0) box.focus();
      else all[at - 1].focus();
    }
  });

  root.addEventListener("popstate", () => {
    box.value = queryFromURL();
    run(false);
  });

  box.value = queryFromURL();
  if (box.value) run(false);
  else engine().catch(() => {});  // warm the manifest while the reader thinks
})(typeof globalThis !== "undefined" ? globalThis : this);
