/* The resource library's filters: type, audience, group, priority and free text.
 *
 * Python decides what the library lists and in what order; this script only
 * narrows that list. It loads library/index.json (one bit mask per facet for
 * each resource, in the page's order) and fetches the cards' words in shards
 * when it shows or searches them. The filter state lives in the URL, so a view
 * can be shared and Back undoes a change. Without this script the page still
 * lists every resource and links to a page per facet value.
 */
(function () {
  "use strict";

  function start(root) {
    if (root.dataset.tipReady) return;
    root.dataset.tipReady = "1";
    var form = root.querySelector(".tip-filter");
    var count = root.querySelector("#tip-library-count");
    var list = root.querySelector("#tip-library-results");
    var pager = root.querySelector(".tip-pagination");
    var browse = root.querySelector(".tip-browse");
    var query = form.querySelector("input[type=search]");
    var pageSize = parseInt(root.dataset.pageSize, 10) || 20;
    var indexUrl = new URL(root.dataset.index, location.href);
    var base = new URL(root.dataset.base, location.href);

    var index = null;          // library/index.json
    var facetKeys = [];
    var shards = [];           // shard number -> Promise of its cards
    var cards = [];            // resource position -> [id, title, summary, meta]
    var haystack = [];         // resource position -> lower-case words to search
    var matches = [];
    var shown = 0;
    var generation = 0;        // the latest filter run; older runs stop rendering
    var typing = false;        // a run of keystrokes makes one history entry

    var more = document.createElement("button");
    more.type = "button";
    more.className = "md-button tip-more";
    more.hidden = true;
    list.insertAdjacentElement("afterend", more);

    function loadShard(n) {
      if (!shards[n]) {
        var url = new URL(index.cards.replace("{n}", n), indexUrl);
        shards[n] = fetch(url).then(function (r) { return r.json(); }).then(function (rows) {
          var first = n * index.shardSize;
          rows.forEach(function (row, i) {
            cards[first + i] = row;
            haystack[first + i] = (row[1] + " " + row[2] + " " + row[3]).toLowerCase();
          });
        });
      }
      return shards[n];
    }

    function loadCards(positions) {
      var needed = {};
      positions.forEach(function (p) { needed[Math.floor(p / index.shardSize)] = true; });
      return Promise.all(Object.keys(needed).map(function (n) { return loadShard(+n); }));
    }

    function allPositions() {
      var all = [];
      for (var i = 0; i < index.count; i++) all.push(i);
      return all;
    }

    // The filters as chosen in the form: one mask per facet (0 = no choice) and the words typed.
    function chosen() {
      var masks = facetKeys.map(function (key) {
        var mask = 0;
        form.querySelectorAll("input[name=" + key + "]:checked").forEach(function (box) {
          mask |= 1 << index.facets[key].indexOf(box.value);
        });
        return mask;
      });
      var words = query.value.toLowerCase().split(/\s+/).filter(Boolean);
      return { masks: masks, words: words };
    }

    function isFiltered(c) {
      return c.words.length > 0 || c.masks.some(function (m) { return m !== 0; });
    }

    function filter(c) {
      var found = [], facets = facetKeys.length, m = index.masks;
      outer: for (var i = 0; i < index.count; i++) {
        for (var f = 0; f < facets; f++) {
          if (c.masks[f] && !(m[i * facets + f] & c.masks[f])) continue outer;
        }
        for (var w = 0; w < c.words.length; w++) {
          if (haystack[i].indexOf(c.words[w]) === -1) continue outer;
        }
        found.push(i);
      }
      return found;
    }

    function card(row) {
      var li = document.createElement("li");
      li.className = "tip-card";
      li.dataset.id = row[0];
      var h = document.createElement("h3");
      h.className = "tip-card__title";
      var a = document.createElement("a");
      a.href = new URL(row[0] + "/", base).pathname;
      a.textContent = row[1];
      h.appendChild(a);
      li.appendChild(h);
      if (row[4]) {  // a content note: the label and the note, as the built cards show them
        var note = document.createElement("p");
        note.className = "tip-card__note";
        var label = document.createElement("span");
        label.className = "tip-label";
        label.textContent = "Content note";
        note.append(label, " " + row[4]);
        li.appendChild(note);
      }
      var summary = document.createElement("p");
      summary.className = "tip-card__summary";
      summary.textContent = row[2];
      var meta = document.createElement("p");
      meta.className = "tip-card__meta";
      meta.textContent = row[3];
      li.append(summary, meta);
      return li;
    }

    function words(n) { return n === 1 ? "1 resource" : n.toLocaleString("en-GB") + " resources"; }

    // Show the next page of matches (all of them are already counted).
    function showMore(run, focusFirst) {
      var next = matches.slice(shown, shown + pageSize);
      return loadCards(next).then(function () {
        if (run !== generation) return;
        var fragment = document.createDocumentFragment();
        next.forEach(function (p) { fragment.appendChild(card(cards[p])); });
        var firstNew = fragment.firstChild;
        list.appendChild(fragment);
        shown += next.length;
        var left = matches.length - shown;
        more.hidden = left <= 0;
        more.textContent = "Show " + Math.min(left, pageSize) + " more of " + words(left);
        if (focusFirst && firstNew) firstNew.querySelector("a").focus();
      });
    }

    function run() {
      var mine = ++generation;
      root.dataset.results = "pending";
      return loaded.then(function () {
        if (mine !== generation) return;
        var c = chosen();
        return (c.words.length ? loadCards(allPositions()) : Promise.resolve()).then(function () { return c; });
      }).then(function (c) {
        if (!c || mine !== generation) return;
        if (mine !== generation) return;
        matches = filter(c);
        count.textContent = isFiltered(c)
          ? (matches.length ? words(matches.length) + " match your filters" : "No resources match your filters. Try removing a filter or changing the words.")
          : words(matches.length);
        list.replaceChildren();
        shown = 0;
        if (pager) pager.hidden = true;
        return showMore(mine, false).then(function () {
          if (mine === generation) root.dataset.results = "ready";
        });
      });
    }

    function toUrl() {
      var params = new URLSearchParams();
      facetKeys.forEach(function (key) {
        index.facets[key].forEach(function (id) {
          if (form.querySelector("input[name=" + key + "][value='" + id + "']:checked")) params.append(key, id);
        });
      });
      if (query.value.trim()) params.set("q", query.value.trim());
      var search = params.toString();
      return location.pathname + (search ? "?" + search : "");
    }

    function fromUrl() {
      var params = new URLSearchParams(location.search);
      form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
        box.checked = params.getAll(box.name).indexOf(box.value) !== -1;
      });
      form.querySelectorAll("details[data-facet]").forEach(function (details) {
        if (details.querySelector("input:checked")) details.open = true;
      });
      query.value = params.get("q") || "";
    }

    function changed(replace) {
      var url = toUrl();
      if (url !== location.pathname + location.search) {
        history[replace ? "replaceState" : "pushState"](null, "", url);
      }
      run();
    }

    form.addEventListener("change", function (event) {
      if (event.target === query) return;
      typing = false;
      changed(false);
    });
    query.addEventListener("input", function () {
      changed(typing);  // the first keystroke adds a history entry, the rest update it
      typing = true;
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); typing = false; });
    form.addEventListener("reset", function () {
      setTimeout(function () { typing = false; changed(false); }, 0);
    });
    more.addEventListener("click", function () { showMore(generation, true); });
    window.addEventListener("popstate", function () {
      if (!document.body.contains(root)) return;
      typing = false;
      fromUrl();
      run();
    });

    // The filters are on the page from the start (no jump when this script arrives): a
    // choice made before the index has loaded is applied once it has.
    var loaded = fetch(indexUrl).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (data) {
      index = data;
      facetKeys = Object.keys(index.facets);
    });
    loaded.then(function () {
      if (location.search) fromUrl();
      if (isFiltered(chosen())) return run();
      root.dataset.results = "ready";
    }, function () {
      // Without the index the filters cannot work: offer the links that work without script.
      form.hidden = true;
      if (browse) browse.style.display = "block";
    });
  }

  function init() {
    document.querySelectorAll("[data-tip-library]").forEach(start);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);  // Material: runs on every page, instant navigation included
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
