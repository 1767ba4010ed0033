/* A table or figure wider than the screen scrolls sideways in its own box; the
 * keyboard must be able to scroll it too (WCAG 2.1.1), so such a box is made
 * focusable and named while, and only while, it overflows. */
(function () {
  "use strict";
  var BOXES = ".md-typeset__scrollwrap, .tip-table-scroll, .tip-diagram-figure";

  // A name of its own (landmarks must differ): its caption, or the heading it sits under.
  function name(box, number) {
    var caption = box.querySelector("caption, figcaption");
    if (caption && caption.textContent.trim()) return caption.textContent.trim() + " (scrolls sideways)";
    for (var node = box.previousElementSibling; node; node = node.previousElementSibling) {
      if (/^H[2-6]$/.test(node.tagName)) {
        return "Table " + number + ", under " + node.textContent.replace(/\u00b6/g, "").trim() + " (scrolls sideways)";
      }
    }
    return "Table " + number + " (scrolls sideways)";
  }

  function update() {
    document.querySelectorAll(BOXES).forEach(function (box, index) {
      var overflows = box.scrollWidth > box.clientWidth + 1;
      if (overflows && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", name(box, index + 1));
      } else if (!overflows && box.getAttribute("tabindex") === "0") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }

  var pending = null;
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(update, 100);
  });
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(update);  // after Material has wrapped the tables
  } else {
    update();
  }
})();
