/* The menu button (below 1,220 px wide), usable from the keyboard.
 *
 * Material's menu button is a <label> for a hidden checkbox: a tap opens the
 * drawer, but the keyboard cannot reach it. This makes the span that fills the
 * label a button (a label may not have that role): Tab reaches it, Enter,
 * Space and a click toggle the menu, it says whether the menu is open, focus
 * moves into the menu when it opens and back when Escape closes it, and the
 * page behind the open menu is inert. The closed drawer is kept out of the
 * Tab order by CSS (theme.css), with or without this script.
 */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector("label[for=__drawer] [data-tip-menu-button]");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) return;
  var wide = window.matchMedia("(min-width: 76.25em)");
  // Everything but the header and the drawer, made inert while the menu is open.
  var elsewhere = ".tip-topbar, .tip-site-menu, .md-content, .md-sidebar--secondary, .md-footer, .tip-footer-links, .md-top, .md-skip";

  drawer.id = drawer.id || "tip-menu";
  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-controls", drawer.id);

  function links() {
    return Array.prototype.filter.call(drawer.querySelectorAll("a[href], [tabindex='0']"), function (el) {
      return el.getClientRects().length > 0;
    });
  }

  function sync() {
    var open = toggle.checked && !wide.matches;
    button.setAttribute("aria-expanded", open ? "true" : "false");
    document.querySelectorAll(elsewhere).forEach(function (el) { el.inert = open; });
  }

  // The drawer opens just below the bar that stays on screen, wherever that bar ends now.
  var bar = document.querySelector(".tip-top");
  function placeDrawer() {
    if (bar) document.documentElement.style.setProperty("--tip-drawer-top", Math.max(0, bar.getBoundingClientRect().bottom) + "px");
  }

  function set(open, moveFocus) {
    if (open) placeDrawer();
    if (toggle.checked !== open) {
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change", { bubbles: true }));
    }
    sync();
    if (!moveFocus) return;
    if (open) {
      var first = drawer.querySelector("a.md-nav__link--active") || drawer.querySelector(".md-nav__list a[href]") || links()[0];
      if (first) first.focus();
    } else {
      button.focus();
    }
  }

  // An element with tabindex inside a label does not pass clicks on to the checkbox: do it here.
  button.addEventListener("click", function (event) {
    event.preventDefault();
    set(!toggle.checked, event.detail === 0);
  });
  button.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " " || event.key === "Spacebar") {
      event.preventDefault();
      set(!toggle.checked, true);
    }
  });
  toggle.addEventListener("change", function () { if (toggle.checked) placeDrawer(); sync(); });
  window.addEventListener("scroll", function () { if (toggle.checked) placeDrawer(); }, { passive: true });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked && !wide.matches) set(false, true);
  });
  // A link followed inside the drawer, or a wider window, closes it.
  drawer.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("a[href]")) set(false, false);
  });
  wide.addEventListener("change", function () { if (wide.matches) set(false, false); else sync(); });
  // Coming back from the browser's cache must not show a menu left open.
  window.addEventListener("pageshow", function () { set(false, false); });
  sync();
})();
