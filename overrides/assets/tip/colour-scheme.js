/* The light/dark toggle. The colours follow the device's setting in CSS, with
 * no script at all; a visitor who uses the toggle has the choice stored in
 * this browser (localStorage "tip-colour-scheme": "light" or "dark"), and only
 * then. partials/tip/colour-scheme-early.html applies a stored choice before
 * the page is drawn. A [data-tip-scheme-forget] button (the privacy notice)
 * removes the stored choice.
 */
(function () {
  "use strict";
  var KEY = "tip-colour-scheme";
  var root = document.documentElement;
  var device = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  var toggles = document.querySelectorAll("[data-tip-scheme-toggle]");

  function chosen() {
    var value = root.getAttribute("data-tip-scheme");
    return value === "dark" || value === "light" ? value : null;
  }

  function isDark() {
    var choice = chosen();
    return choice ? choice === "dark" : !!(device && device.matches);
  }

  // The scheme shown, named on <body> as Material names it, and on the toggles.
  function show() {
    var dark = isDark();
    document.body.setAttribute("data-md-color-scheme", dark ? "slate" : "default");
    toggles.forEach(function (toggle) { toggle.setAttribute("aria-pressed", dark ? "true" : "false"); });
    document.querySelectorAll("[data-tip-scheme-status]").forEach(function (status) {
      status.textContent = chosen()
        ? "This browser remembers that you chose " + (dark ? "dark" : "light") + " colours."
        : "Nothing is stored: the colours follow your device's setting.";
    });
  }

  function choose(scheme) {
    root.setAttribute("data-tip-scheme", scheme);
    try { localStorage.setItem(KEY, scheme); } catch (e) { /* storage blocked: the choice lasts this page */ }
    show();
  }

  function forget() {
    root.removeAttribute("data-tip-scheme");
    try { localStorage.removeItem(KEY); } catch (e) { /* nothing was stored */ }
    show();
  }

  toggles.forEach(function (toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () { choose(isDark() ? "light" : "dark"); });
  });
  document.querySelectorAll("[data-tip-scheme-forget]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", forget);
  });
  if (device && device.addEventListener) device.addEventListener("change", show);
  show();
})();
