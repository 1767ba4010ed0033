/* Site search dialog. Loaded by the header's search button on first use
   (search-button.js), after english_stemmer.js. It reads the index that
   tip_site/search/site_index.py writes, fetching only the vocabulary files of
   the words typed, the postings of the terms they match, and the pages of the
   results shown; the pages of each filter's values (filters.json) only once a
   visitor turns to the filters. Everything it shows is set as text: no HTML
   from the index is ever parsed. */
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var PREFIX_TERMS = 8;     // a word typed so far finds at most this many longer terms
  var TYPO_TERMS = 4;       // and a word with no term of its own, at most this many near spellings
  var EXCERPT_WORDS = 28;
  // How much a match counts against the word itself: the same stem, a longer term that
  // begins with the word (typing), a near spelling (a typo), another way of saying it.
  var EXACT = 1, PREFIX = 0.7, TYPO = 0.5, FAR_TYPO = 0.35, SYNONYM = 0.8;

  var box = document.getElementById("tip-search");
  var manifestUrl = new URL(box.getAttribute("data-index"), document.baseURI);
  var indexUrl = new URL(".", manifestUrl);
  var siteUrl = new URL("..", indexUrl);
  var helpUrl = new URL(box.getAttribute("data-help"), document.baseURI);
  var dialog, input, status, list, more, opener, filterBox, clearFilters;
  var manifest = null;
  var cache = {};
  var stems = Object.create(null);
  var current = { query: "", results: [], shown: 0, terms: Object.create(null), found: null, chosen: [] };
  var searches = 0;
  var filterControls = [];  // {filter, select}: one select per filter of the manifest
  var filterPages = null;   // once loaded: {filter key: {value id: Uint8Array, 1 for each page with it}}
  var filterLoad = null;

  // Index files are plain objects: "constructor" is a word people search for, not Object's.
  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

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
    close.addEventListener("click", closeDialog);
    bar.appendChild(close);
    var form = element("form", { role: "search", "class": "tip-search__form" });
    form.appendChild(element("label", { "for": "tip-search-input", "class": "tip-search__label" }, "Search for"));
    input = element("input", {
      id: "tip-search-input", type: "search", autocomplete: "off", spellcheck: "false",
      enterkeyhint: "search", "aria-describedby": "tip-search-status"
    });
    form.appendChild(input);
    // Filled with a select per filter once the manifest says which filters the site has.
    filterBox = element("fieldset", { "class": "tip-search__filters", hidden: "" });
    filterBox.appendChild(element("legend", { "class": "tip-search__legend" }, "Filter results"));
    clearFilters = element("button", { type: "button", "class": "tip-search__clear", hidden: "" }, "Clear filters");
    form.appendChild(filterBox);
    status = element("p", { id: "tip-search-status", "class": "tip-search__status", role: "status" });
    list = element("ol", { "class": "tip-search__results", "aria-label": "Search results" });
    more = element("button", { type: "button", "class": "tip-search__more", hidden: "" }, "Show more results");
    // Someone searching in distress finds help in every state of the dialog, results or none.
    var help = element("p", { "class": "tip-search__help" });
    help.appendChild(element("a", { href: helpUrl.href }, "Need help now?"));
    help.appendChild(document.createTextNode(" Who to contact in a crisis or for support."));
    [bar, form, status, list, more, help].forEach(function (part) { dialog.appendChild(part); });
    document.body.appendChild(dialog);

    // Enter goes to the results (the first of them, once shown); arrow keys move between them.
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (input.value.trim() === current.query && list.firstChild) list.querySelector("a").focus();
      else request(input.value);
    });
    input.addEventListener("input", function () { request(input.value); });
    filterBox.addEventListener("change", function () {
      clearFilters.hidden = !chosenFilters().length;
      request(input.value);
    });
    // The pages of the filters' values load when a visitor turns to the filters (then each choice shows its count).
    filterBox.addEventListener("focusin", function () { loadFilters().then(showCounts, function () {}); });
    clearFilters.addEventListener("click", function () {
      filterControls.forEach(function (control) { control.select.value = ""; });
      clearFilters.hidden = true;
      input.focus();  // the button it was on is gone
      request(input.value);
    });
    dialog.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (document.activeElement === input && event.key === "ArrowDown" && links.length) links[0].focus();
      else if (at >= 0 && event.key === "ArrowDown" && at + 1 < links.length) links[at + 1].focus();
      else if (at > 0 && event.key === "ArrowUp") links[at - 1].focus();
      else if (at === 0 && event.key === "ArrowUp") input.focus();
      else return;
      event.preventDefault();
    });
    more.addEventListener("click", function () { show(PAGE_SIZE, true); });
    // A click on the backdrop (the dialog element itself, outside its box) closes it.
    dialog.addEventListener("click", function (event) { if (event.target === dialog) closeDialog(); });
    // Escape closes at once, even from a search field that still holds text (which it would clear first).
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); closeDialog(); }
    });
    // Closed some other way (the browser's own cancel, a phone's back gesture): focus goes back too.
    dialog.addEventListener("close", returnFocus);
  }

  // Focus goes back at once: the "close" event comes a task later, and a key pressed before it
  // (Escape, then "/" to search again) would still go to the field of the closed dialog.
  function closeDialog() {
    dialog.close();
    returnFocus();
  }

  function returnFocus() {
    // Not when the dialog is open again: the "close" event of the last closing can come after "/" reopened it.
    if (!dialog.open && opener && opener.focus) opener.focus();
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

  function indexFile(path) { return fetchJson(new URL(path, indexUrl).href); }

  function load() {
    // The header's button asked for the manifest as it loaded this script (search-button.js).
    if (!manifest && box.tipManifest && !cache[manifestUrl.href]) {
      var early = cache[manifestUrl.href] = box.tipManifest;
      early.catch(function () { if (cache[manifestUrl.href] === early) delete cache[manifestUrl.href]; });
    }
    manifest = manifest || fetchJson(manifestUrl.href).then(function (index) {
      setUpFilters(index);
      return index;
    });
    manifest.catch(function () { manifest = null; });
    return manifest;
  }

  // A labelled select per filter ("Type": "Any type", "Pages", "Resources"…), in the dialog's fieldset.
  function setUpFilters(index) {
    if (filterControls.length || !index.filters || !index.filters.length) return;
    var grid = element("div", { "class": "tip-search__filter-grid" });
    index.filters.forEach(function (filter, f) {
      var field = element("div", { "class": "tip-search__filter" });
      var select = element("select", { id: "tip-search-filter-" + f, name: filter.key });
      select.appendChild(element("option", { value: "" }, filter.any));
      filter.values.forEach(function (value) { select.appendChild(element("option", { value: value[0] }, value[1])); });
      field.appendChild(element("label", { "for": select.id }, filter.label));
      field.appendChild(select);
      grid.appendChild(field);
      filterControls.push({ filter: filter, select: select });
    });
    filterBox.appendChild(grid);
    filterBox.appendChild(clearFilters);
    filterBox.hidden = false;
  }

  // The filters chosen: [{key, value, name}], in the order shown.
  function chosenFilters() {
    return filterControls.filter(function (control) { return control.select.value; }).map(function (control) {
      var value = control.select.value;
      var name = control.filter.values.filter(function (v) { return v[0] === value; })[0][1];
      return { key: control.filter.key, value: value, name: name };
    });
  }

  function loadFilters() {
    filterLoad = filterLoad || load().then(function (index) {
      if (!index.filters || !index.filters.length) return {};
      return indexFile("filters.json").then(function (lists) {
        var pages = Object.create(null);
        index.filters.forEach(function (filter) {
          pages[filter.key] = Object.create(null);
          filter.values.forEach(function (value, v) {
            var marks = new Uint8Array(index.pages), page = 0;
            ((has(lists, filter.key) && lists[filter.key][v]) || []).forEach(function (gap) { page += gap; marks[page] = 1; });
            pages[filter.key][value[0]] = marks;
          });
        });
        return pages;
      });
    }).then(function (pages) {
      filterPages = pages;
      return pages;
    });
    filterLoad.catch(function () { filterLoad = null; });
    return filterLoad;
  }

  // Whether a page passes the filters chosen (but the one of `except`, when given).
  function passes(chosen, except) {
    var wanted = chosen.filter(function (choice) { return choice.key !== except; }).map(function (choice) {
      return filterPages[choice.key][choice.value];
    });
    return function (page) {
      for (var i = 0; i < wanted.length; i++) if (!wanted[i] || !wanted[i][page]) return false;
      return true;
    };
  }

  // The same words as the index (tip_site/search/words.py): lower case, accents removed, no stop words.
  function fold(text) { return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, ""); }

  function words(text, stopWords) {
    return (fold(text).match(/[\p{L}\p{N}]+/gu) || []).filter(function (word) {
      return stopWords.indexOf(word) < 0 && (word.length > 1 || /^[0-9]$/.test(word));
    });
  }

  function stem(word) {
    if (!(word in stems)) stems[word] = tipStemEnglish(word);
    return stems[word];
  }

  function chunkName(term) {
    var prefix = Array.from(term).slice(0, 2).join("");
    if (/^[a-z0-9]{1,2}$/.test(prefix)) return prefix;
    return "x" + Array.from(new TextEncoder().encode(prefix), function (b) { return b.toString(16).padStart(2, "0"); }).join("");
  }

  function vocabulary(index, term) {
    var file = index.vocab[chunkName(term)];  // neighbouring chunks share a file
    return file ? indexFile("vocab/" + file + ".json") : Promise.resolve({});
  }

  // Optimal string alignment distance (a swap of two letters counts as one edit), or more than `most`.
  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return most + 1;
    var rows = [];
    for (var i = 0; i <= a.length; i++) {
      rows.push([i]);
      for (var j = 1; j <= b.length; j++) {
        if (i === 0) { rows[0].push(j); continue; }
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
        rows[i].push(d);
      }
    }
    return rows[a.length][b.length];
  }

  // The terms of the index a typed word stands for, each with how much a match counts.
  function termsFor(index, word) {
    var own = stem(word);
    return Promise.all([vocabulary(index, own), vocabulary(index, word)]).then(function (files) {
      var vocab = Object.assign({}, files[1], files[0]);
      var found = {};
      if (has(vocab, own)) found[own] = { entry: vocab[own], factor: EXACT };
      // A word the site has is taken as typed: "join" is not "joint".
      else if (word.length >= 3) {
        // Still typing ("reflec"), or a longer form of the word ("reflecti" holds the term "reflect").
        Object.keys(vocab).filter(function (term) {
          return (term.lastIndexOf(word, 0) === 0 ||
            (term.length >= Math.max(4, word.length - 3) && word.lastIndexOf(term, 0) === 0));
        }).sort(function (a, b) { return vocab[b][0] - vocab[a][0] || (a < b ? -1 : 1); })
          .slice(0, PREFIX_TERMS).forEach(function (term) { found[term] = { entry: vocab[term], factor: PREFIX }; });
      }
      if (!Object.keys(found).length && word.length >= 4) {
        // A typo: the terms whose stem or spellings are one edit away (two for long words).
        var most = word.length >= 8 ? 2 : 1;
        Object.keys(vocab).map(function (term) {
          var entry = vocab[term];
          var best = distance(own, term, most);
          for (var k = 2; k < entry.length && best > 0; k++) best = Math.min(best, distance(word, entry[k], most));
          return { term: term, edits: best };
        }).filter(function (near) { return near.edits <= most; })
          .sort(function (a, b) { return a.edits - b.edits || vocab[b.term][0] - vocab[a.term][0] || (a.term < b.term ? -1 : 1); })
          .slice(0, TYPO_TERMS).forEach(function (near) {
            found[near.term] = { entry: vocab[near.term], factor: near.edits === 1 ? TYPO : FAR_TYPO };
          });
      }
      return found;
    });
  }

  function postings(entry) {
    var where = entry[1];
    var list = typeof where === "number" ? indexFile("postings/" + where + ".json") : Promise.resolve(where);
    return list.then(function (gapsAndWeights) {
      var pages = {}, page = 0;
      for (var i = 0; i < gapsAndWeights.length; i += 2) {
        page += gapsAndWeights[i];
        pages[page] = gapsAndWeights[i + 1];
      }
      return pages;
    });
  }

  function rarity(index, entry) { return Math.log(1 + index.pages / entry[0]); }

  // {page: score} for one typed word: its best match on each page, across its terms and synonyms.
  function scoresFor(index, word, matched) {
    var ways = [[word]].concat(has(index.synonyms, stem(word)) ? index.synonyms[stem(word)] : []);
    return Promise.all(ways.map(function (way, w) {
      // One way of saying the word: every one of its words must be on the page.
      return Promise.all(way.map(function (part) {
        return termsFor(index, part).then(function (terms) {
          return Promise.all(Object.keys(terms).map(function (term) {
            var match = terms[term];
            return postings(match.entry).then(function (pages) {
              var scale = match.factor * rarity(index, match.entry) * (w === 0 ? 1 : SYNONYM);
              return { term: term, pages: pages, scale: scale };
            });
          }));
        });
      })).then(function (parts) {
        var scores = null;
        parts.forEach(function (terms) {
          var best = {};
          terms.forEach(function (match) {
            Object.keys(match.pages).forEach(function (page) {
              best[page] = Math.max(best[page] || 0, match.pages[page] * match.scale);
            });
          });
          if (scores === null) { scores = best; return; }
          var both = {};
          Object.keys(best).forEach(function (page) { if (page in scores) both[page] = Math.min(scores[page], best[page]); });
          scores = both;
        });
        if (scores && Object.keys(scores).length) {
          parts.forEach(function (terms) { terms.forEach(function (match) { matched[match.term] = true; }); });
        }
        return scores || {};
      });
    })).then(function (byWay) {
      var scores = {};
      byWay.forEach(function (way) {
        Object.keys(way).forEach(function (page) { scores[page] = Math.max(scores[page] || 0, way[page]); });
      });
      return scores;
    });
  }

  // Every page with a word of the query: its score, and how many of the words it has.
  function candidates(index, queryWords, matched) {
    return Promise.all(queryWords.map(function (word) { return scoresFor(index, word, matched); })).then(function (perWord) {
      var total = {}, count = {};
      perWord.forEach(function (scores) {
        Object.keys(scores).forEach(function (page) {
          total[page] = (total[page] || 0) + scores[page];
          count[page] = (count[page] || 0) + 1;
        });
      });
      return { pages: Object.keys(total).map(Number), total: total, count: count };
    });
  }

  // Of the pages that pass `keep`: those with every word that is on them at all, failing that
  // those with the most, best first. The filters narrow first, so a filter never hides a page
  // with fewer of the words behind one it leaves out.
  function ranked(found, keep) {
    var pages = found.pages.filter(keep);
    var most = pages.reduce(function (m, page) { return Math.max(m, found.count[page]); }, 0);
    return pages.filter(function (page) { return found.count[page] === most; })
      .sort(function (a, b) { return found.total[b] - found.total[a] || a - b; });
  }

  function howMany(found, keep) {
    var most = 0, n = 0;
    found.pages.forEach(function (page) {
      if (!keep(page)) return;
      var count = found.count[page];
      if (count > most) { most = count; n = 1; } else if (count === most) n++;
    });
    return n;
  }

  function everyPage() { return true; }

  // Each choice of each filter says how many results it would give with the other filters as they are.
  function showCounts() {
    var found = current.found, chosen = current.chosen;
    filterControls.forEach(function (control) {
      var key = control.filter.key, options = control.select.options;
      var others = found && filterPages ? passes(chosen, key) : null;
      var values = [["", control.filter.any]].concat(control.filter.values);
      values.forEach(function (value, i) {
        var text = value[1];
        if (others) {
          var marks = value[0] ? filterPages[key][value[0]] : null;
          text += " (" + howMany(found, marks ? function (page) { return marks[page] && others(page); } : others) + ")";
        }
        if (options[i].textContent !== text) options[i].textContent = text;
      });
    });
  }

  // One search at a time: while one runs, only the latest query typed waits for it (else a fast
  // typist's every letter would fetch the index files of every partial word).
  var running = false, waiting = null;

  function request(query) {
    waiting = query;
    if (!running) next();
  }

  function next() {
    var query = waiting;
    waiting = null;
    running = true;
    search(query).then(done, done);
    function done() {
      running = false;
      if (waiting !== null) next();
    }
  }

  function search(query) {
    var number = ++searches;
    query = query.trim();
    var chosen = chosenFilters();
    current = { query: query, results: [], shown: 0, terms: Object.create(null), found: null, chosen: chosen };
    if (!query) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      showCounts();
      return Promise.resolve();
    }
    status.textContent = "Searching…";
    var matched = Object.create(null);
    return load().then(function (index) {
      var queryWords = words(query, index.stop_words).filter(function (word, i, all) { return all.indexOf(word) === i; });
      if (!queryWords.length) return null;
      // The filters' pages are needed only once a filter is chosen.
      return Promise.all([candidates(index, queryWords, matched), chosen.length ? loadFilters() : null]);
    }).then(function (outcome) {
      if (number !== searches) return; // a newer query replaced this one
      // A newer query was typed meanwhile: it shows next, and this one fetches no pages for it.
      if (waiting !== null) return;
      if (outcome === null) {
        list.replaceChildren();
        more.hidden = true;
        status.textContent = "No results for “" + query + "”: search needs a word of two letters or more, other than words like “the”.";
        showCounts();
        return;
      }
      current.found = outcome[0];
      current.results = ranked(current.found, chosen.length ? passes(chosen) : everyPage);
      current.terms = matched;
      showCounts();
      return show(PAGE_SIZE, false);
    }).catch(function () {
      if (number !== searches) return;
      list.replaceChildren();  // the last search's results are not this one's
      status.textContent = "Search is not available right now. Please try again later.";
    });
  }

  function pageData(number) {
    return indexFile("pages/" + number + ".json").then(function (page) {
      return { url: new URL(page.u, siteUrl).href, title: page.t, summary: page.s, text: page.x };
    });
  }

  // `text` as nodes, with the words whose stem is one of `terms` marked.
  function highlighted(text, terms) {
    var fragment = document.createDocumentFragment();
    var at = 0;
    text.replace(/[\p{L}\p{N}]+/gu, function (word, offset) {
      if (terms[stem(fold(word))]) {
        fragment.appendChild(document.createTextNode(text.slice(at, offset)));
        fragment.appendChild(element("mark", {}, word));
        at = offset + word.length;
      }
      return word;
    });
    fragment.appendChild(document.createTextNode(text.slice(at)));
    return fragment;
  }

  // The stretch of the page's text with the most different words of the query, or its summary.
  function excerpt(page, terms) {
    var tokens = [];
    var pattern = /[\p{L}\p{N}]+/gu, match;
    while ((match = pattern.exec(page.text)) !== null) {
      var term = stem(fold(match[0]));
      tokens.push({ at: match.index, end: match.index + match[0].length, term: terms[term] ? term : null });
    }
    var best = 0, bestStart = 0;
    for (var start = 0; start < tokens.length; start++) {
      if (!tokens[start].term) continue;
      var distinct = Object.create(null), n = 0;
      for (var k = start; k < Math.min(tokens.length, start + EXCERPT_WORDS); k++) {
        if (tokens[k].term && !distinct[tokens[k].term]) { distinct[tokens[k].term] = true; n++; }
      }
      if (n > best) { best = n; bestStart = start; }
    }
    if (!best) return page.summary;
    var from = Math.max(0, bestStart - 4);
    var to = Math.min(tokens.length - 1, from + EXCERPT_WORDS - 1);
    return (from > 0 ? "…" : "") + page.text.slice(tokens[from].at, tokens[to].end) + (to < tokens.length - 1 ? "…" : "");
  }

  // The filters chosen, in words for the status: " with filters: Resources, Trauma Informed Schools Forum (TIS)".
  function filtersInWords(chosen) {
    return chosen.length ? " with filters: " + chosen.map(function (choice) { return choice.name; }).join(", ") : "";
  }

  function show(count, moveFocus) {
    var mine = current, query = current.query, terms = current.terms;
    var slice = current.results.slice(current.shown, current.shown + count);
    return Promise.all(slice.map(pageData)).then(function (pages) {
      if (mine !== current) return;  // a newer search (another query, or other filters) replaced this one
      var firstLink = null, items = document.createDocumentFragment();
      pages.forEach(function (page) {
        var item = element("li", { "class": "tip-search__result" });
        var link = element("a", { href: page.url });
        link.appendChild(highlighted(page.title || page.url, terms));
        item.appendChild(link);
        var text = excerpt(page, terms);
        if (text) {
          var paragraph = element("p", { "class": "tip-search__excerpt" });
          paragraph.appendChild(highlighted(text, terms));
          item.appendChild(paragraph);
        }
        items.appendChild(item);
        firstLink = firstLink || link;
      });
      // A new search's results replace the last ones in one step, so the list never shows empty between them.
      if (current.shown === 0) list.replaceChildren(items);
      else list.appendChild(items);
      current.shown += pages.length;
      var total = current.results.length, filtered = filtersInWords(current.chosen);
      var unfiltered = total === 0 && filtered ? howMany(current.found, everyPage) : 0;
      more.hidden = current.shown >= total;
      status.textContent = total === 0
        ? "No results for “" + query + "”" + filtered + "." + (unfiltered
          ? " " + unfiltered + (unfiltered === 1 ? " result" : " results") + " without them: clear the filters to see " + (unfiltered === 1 ? "it." : "them.")
          : " Try fewer or different words.")
        : total + (total === 1 ? " result" : " results") + " for “" + query + "”" + filtered +
          (total > current.shown ? ", showing " + current.shown + "." : ".");
      if (moveFocus && firstLink) firstLink.focus();
    }).catch(function () {
      if (mine !== current) return;
      if (mine.shown === 0) list.replaceChildren();
      status.textContent = "Search is not available right now. Please try again later.";
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
        request(typed);
      } else {
        input.select();
      }
      load().catch(function () {
        status.textContent = "Search is not available right now. Please try again later.";
      });
    },
    isOpen: function () { return Boolean(dialog && dialog.open); }
  };
})();
