/* Site search dialog. Loaded by the header's search button on first use (see
   overrides/partials/tip/search.html). It reads the chunked index that
   tip_site/search/site_index.py writes, fetching only the chunks of the words
   typed and the titles of the results shown. */
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var box = document.getElementById("tip-search");
  var manifestUrl = new URL(box.getAttribute("data-index"), document.baseURI);
  var indexUrl = new URL(".", manifestUrl);
  var siteUrl = new URL("..", indexUrl);
  var dialog, input, status, list, more, opener;
  var manifest = null;
  var cache = {};
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

  function fetchJson(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + url);
        return response.json();
      });
      cache[url].catch(function () { delete cache[url]; });
    }
    return cache[url];
  }

  function load() {
    manifest = manifest || fetchJson(manifestUrl.href);
    return manifest;
  }

  // The same words as the index: lower case, accents removed, no stop words.
  function words(text, stopWords) {
    var found = text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").match(/[\p{L}\p{N}]+/gu) || [];
    return found.filter(function (word) {
      return stopWords.indexOf(word) < 0 && (word.length > 1 || /^[0-9]$/.test(word));
    });
  }

  function chunkName(term) {
    var prefix = Array.from(term).slice(0, 2).join("");
    if (/^[a-z0-9]{1,2}$/.test(prefix)) return prefix;
    return "x" + Array.from(new TextEncoder().encode(prefix), function (b) { return b.toString(16).padStart(2, "0"); }).join("");
  }

  // Pages matching every word; a word matches the terms it begins ("train" finds "training").
  function rank(index, queryWords) {
    return Promise.all(queryWords.map(function (word) {
      var file = index.chunks[chunkName(word)];  // neighbouring chunks share a file
      if (!file) return Promise.resolve({});
      return fetchJson(new URL("terms/" + file + ".json", indexUrl).href).then(function (terms) {
        var scores = {};
        Object.keys(terms).forEach(function (term) {
          if (term.lastIndexOf(word, 0) !== 0) return;
          var bonus = term === word ? 2 : 1;
          var postings = terms[term];
          for (var i = 0; i < postings.length; i += 2) {
            scores[postings[i]] = Math.max(scores[postings[i]] || 0, postings[i + 1] * bonus);
          }
        });
        return scores;
      });
    })).then(function (perWord) {
      var total = perWord.reduce(function (sums, scores, position) {
        var next = {};
        Object.keys(scores).forEach(function (page) {
          if (position === 0 || page in sums) next[page] = (sums[page] || 0) + scores[page];
        });
        return next;
      }, {});
      return Object.keys(total).map(Number).sort(function (a, b) { return total[b] - total[a] || a - b; });
    });
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
    load().then(function (index) {
      var queryWords = words(query, index.stop_words);
      return queryWords.length ? rank(index, queryWords) : null;
    }).then(function (pages) {
      if (query !== current.query) return; // a newer query replaced this one
      if (pages === null) {
        list.replaceChildren();
        more.hidden = true;
        status.textContent = "Type a word of two letters or more.";
        return;
      }
      current.results = pages;
      current.shown = 0;
      list.replaceChildren();
      show(PAGE_SIZE, false);
    }).catch(function () {
      status.textContent = "Search is not available right now. Please try again later.";
    });
  }

  function pageData(number) {
    return load().then(function (index) {
      var chunk = Math.floor(number / index.docs_per_chunk);
      return fetchJson(new URL("docs/" + chunk + ".json", indexUrl).href).then(function (docs) {
        var doc = docs[number % index.docs_per_chunk];
        return { url: new URL(doc[0], siteUrl).href, title: doc[1], summary: doc[2] };
      });
    });
  }

  function show(count, moveFocus) {
    var query = current.query;
    var slice = current.results.slice(current.shown, current.shown + count);
    Promise.all(slice.map(pageData)).then(function (pages) {
      if (query !== current.query) return;
      var firstLink = null;
      pages.forEach(function (page) {
        var item = element("li", { "class": "tip-search__result" });
        var link = element("a", { href: page.url }, page.title || page.url);
        item.appendChild(link);
        if (page.summary) item.appendChild(element("p", { "class": "tip-search__excerpt" }, page.summary));
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

  window.tipSearch = {
    open: function (typed) {
      if (!dialog) build();
      // Focus goes back where it was on closing; opened by the "/" key from nowhere, to the search button.
      opener = document.activeElement;
      if (!opener || opener === document.body) opener = box.querySelector("button");
      dialog.showModal();
      input.focus();
      if (typed) {
        input.value = typed;
        search(typed);
      } else {
        input.select();
      }
      load().catch(function () {
        status.textContent = "Search is not available right now. Please try again later.";
      });
    }
  };
})();
