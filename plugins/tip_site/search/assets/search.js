/* Site search dialog. Loaded by the header's search button on first use (see
   overrides/partials/tip/search.html); it then loads Pagefind, which fetches
   only the parts of the index each query needs. */
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var box = document.getElementById("tip-search");
  var pagefindUrl = new URL(box.getAttribute("data-pagefind"), document.baseURI).href;
  var dialog, input, status, list, more, opener;
  var pagefind = null;
  var current = { results: [], shown: 0, query: "" };

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) node.textContent = text;
    return node;
  }

  function build() {
    dialog = element("dialog", { id: "tip-search-dialog", "class": "tip-search__dialog", "aria-labelledby": "tip-search-title" });
    var bar = element("div", { "class": "tip-search__bar" });
    bar.appendChild(element("h2", { id: "tip-search-title", "class": "tip-search__title" }, "Search this site"));
    var close = element("button", { type: "button", "class": "tip-search__close" }, "Close");
    close.addEventListener("click", function () { dialog.close(); });
    bar.appendChild(close);
    var form = element("form", { role: "search", "class": "tip-search__form" });
    form.appendChild(element("label", { "for": "tip-search-input", "class": "tip-search__label" }, "Search for"));
    input = element("input", {
      id: "tip-search-input", type: "search", autocomplete: "off", spellcheck: "false",
      enterkeyhint: "search", "aria-describedby": "tip-search-status"
    });
    form.appendChild(input);
    status = element("p", { id: "tip-search-status", "class": "tip-search__status", role: "status" });
    list = element("ol", { "class": "tip-search__results", "aria-label": "Search results" });
    more = element("button", { type: "button", "class": "tip-search__more", hidden: "" }, "Show more results");
    [bar, form, status, list, more].forEach(function (part) { dialog.appendChild(part); });
    document.body.appendChild(dialog);

    form.addEventListener("submit", function (event) { event.preventDefault(); search(input.value); });
    input.addEventListener("input", function () { search(input.value); });
    more.addEventListener("click", function () { show(PAGE_SIZE, true); });
    // A click on the backdrop (the dialog element itself, outside its box) closes it.
    dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
    // Escape closes at once, even from a search field that still holds text (which it would clear first).
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); dialog.close(); }
    });
    dialog.addEventListener("close", function () { if (opener && opener.focus) opener.focus(); });
  }

  function load() {
    if (!pagefind) {
      pagefind = import(pagefindUrl).then(function (module) {
        return module.options({ excerptLength: 24 }).then(function () { return module.init(); }).then(function () { return module; });
      });
    }
    return pagefind;
  }

  function search(query) {
    query = query.trim();
    current.query = query;
    if (!query) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      return;
    }
    status.textContent = "Searching…";
    load().then(function (module) { return module.debouncedSearch(query, {}, 200); }).then(function (found) {
      if (found === null || query !== current.query) return; // a newer query replaced this one
      current.results = found.results;
      current.shown = 0;
      list.replaceChildren();
      show(PAGE_SIZE, false);
    }).catch(function () {
      status.textContent = "Search is not available right now. Please try again later.";
    });
  }

  function show(count, moveFocus) {
    var query = current.query;
    var slice = current.results.slice(current.shown, current.shown + count);
    Promise.all(slice.map(function (result) { return result.data(); })).then(function (pages) {
      if (query !== current.query) return;
      var firstLink = null;
      pages.forEach(function (page) {
        var item = element("li", { "class": "tip-search__result" });
        var link = element("a", { href: page.url }, (page.meta && page.meta.title) || page.url);
        item.appendChild(link);
        item.appendChild(excerpt(page.excerpt));
        list.appendChild(item);
        firstLink = firstLink || link;
      });
      current.shown += pages.length;
      var total = current.results.length;
      more.hidden = current.shown >= total;
      status.textContent = total === 0
        ? "No results for “" + query + "”. Try fewer or different words."
        : total + (total === 1 ? " result" : " results") + " for “" + query + "”" +
          (total > current.shown ? ", showing " + current.shown + "." : ".");
      if (moveFocus && firstLink) firstLink.focus();
    });
  }

  // Pagefind marks matches with <mark>; keep those and plain text, nothing else.
  function excerpt(html) {
    var paragraph = element("p", { "class": "tip-search__excerpt" });
    var template = document.createElement("template");
    template.innerHTML = html || "";
    template.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") paragraph.appendChild(element("mark", {}, node.textContent));
      else paragraph.appendChild(document.createTextNode(node.textContent));
    });
    return paragraph;
  }

  window.tipSearch = {
    open: function () {
      if (!dialog) build();
      // Focus goes back where it was on closing; opened by the "/" key from nowhere, to the search button.
      opener = document.activeElement;
      if (!opener || opener === document.body) opener = box.querySelector("button");
      dialog.showModal();
      input.focus();
      input.select();
      load().catch(function () {
        status.textContent = "Search is not available right now. Please try again later.";
      });
    }
  };
})();
