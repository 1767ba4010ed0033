/* Exit this page, after the GOV.UK Design System component.
 * The button is a plain link that works without JavaScript. With it, a click
 * or pressing Shift three times (within 5 seconds, no other key between)
 * hides the page at once and replaces it with the exit destination, so the
 * Back button does not return here. */
(function () {
  "use strict";
  var button = document.querySelector("[data-tip-exit]");
  if (!button) return;
  var indicator = document.querySelector("[data-tip-exit-indicator]");
  var status = document.querySelector("[data-tip-exit-status]");
  var presses = 0;
  var timer = null;

  function exit(event) {
    if (event) event.preventDefault();
    document.documentElement.classList.add("tip-exiting");
    var overlay = document.createElement("div");
    overlay.className = "tip-exit-overlay";
    overlay.setAttribute("role", "alert");
    overlay.textContent = "Loading.";
    document.body.appendChild(overlay);
    window.location.replace(button.href);
  }

  function reset() {
    presses = 0;
    clearTimeout(timer);
    if (indicator) { indicator.hidden = true; indicator.removeAttribute("data-presses"); }
  }

  function countShift() {
    presses += 1;
    clearTimeout(timer);
    if (presses >= 3) { reset(); exit(); return; }
    if (indicator) { indicator.hidden = false; indicator.setAttribute("data-presses", String(presses)); }
    var left = 3 - presses;
    if (status) status.textContent = "Shift, press " + left + " more time" + (left === 1 ? "" : "s") + " to exit.";
    timer = setTimeout(function () {
      reset();
      if (status) status.textContent = "Exit this page expired.";
    }, 5000);
  }

  button.addEventListener("click", exit);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") reset();
  });
  document.addEventListener("keyup", function (event) {
    if (event.key === "Shift") countShift();
  });
  // Coming back through the browser's cache must show the page again, not the overlay.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.documentElement.classList.remove("tip-exiting");
    var overlay = document.querySelector(".tip-exit-overlay");
    if (overlay) overlay.remove();
  });
})();
