/* The search button in the header (overrides/partials/tip/search.html). All every
   page runs for search is this: the dialog's script and styles (and the index)
   load the first time a visitor opens search, by click, tap or the "/" key.
   Without JavaScript or <dialog> the button stays hidden, since search needs both. */
(function () {
  "use strict";
  // The site's script bundle comes before the button in the page: wait for the page to be read.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();

  function setUp() {
  var box = document.getElementById("tip-search");
  var header = document.querySelector(".md-header__inner");
  if (!box || !header || typeof HTMLDialogElement !== "function") return;
  header.insertBefore(box, header.querySelector(".md-header__source"));
  box.hidden = false;
  var ready = null;
  var opening = false;
  var typed = "";  // what a quick typist types while the search code is still arriving

  function fetchOnce(tag, attributes) {
    return new Promise(function (done, failed) {
      var node = document.createElement(tag);
      Object.keys(attributes).forEach(function (name) { node[name] = attributes[name]; });
      node.addEventListener("load", done);
      node.addEventListener("error", failed);
      document.head.appendChild(node);
    });
  }

  function open() {
    opening = true;
    // The index's manifest is asked for beside the script, not after it: one wait less before the
    // first results. The dialog's script takes it from here (search.js, load()).
    if (!box.tipManifest) {
      box.tipManifest = fetch(box.dataset.index).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + box.dataset.index);
        return response.json();
      });
      box.tipManifest.catch(function () { box.tipManifest = null; });
    }
    ready = ready || Promise.all([
      fetchOnce("link", { rel: "stylesheet", href: box.dataset.style }),
      fetchOnce("script", { src: box.dataset.script })
    ]);
    ready.then(function () {
      opening = false;
      window.tipSearch.open(typed);
      typed = "";
    }, function () { ready = null; opening = false; typed = ""; });
  }

  box.querySelector("button").addEventListener("click", open);
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (opening) {
      // Kept for the dialog, and kept from the theme's own shortcuts ("n" and "p" turn the page).
      if (event.key.length === 1) typed += event.key;
      else if (event.key === "Backspace") typed = typed.slice(0, -1);
      else return;
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    if (event.key !== "/") return;
    // A field typed in keeps its "/"; one left in a dialog just closed (focus not yet moved) does not.
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable;
    if (typing && !(target.closest && target.closest("dialog:not([open])"))) return;
    if (window.tipSearch && window.tipSearch.isOpen()) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    open();
  }, true);
  }
})();
