/* Exit this page, after the GOV.UK Design System component.
 * The button is a plain link that works without JavaScript. With it, a click,
 * Enter or Space on the button, or pressing Shift three times (within 5
 * seconds, no other key between) hides the page at once and replaces it with
 * the exit destination, so the Back button does not return here. While a
 * modal dialog is open (site search), the button is moved into the dialog,
 * where it stays on top and in the dialog's Tab order, at its usual place.
 */
(function () {
  "use strict";
  var button = document.querySelector("[data-tip-exit]");
  if (!button) return;
  var box = button.closest(".tip-exit") || button;
  var home = box.parentNode;
  var homeNext = box.nextSibling;
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

  // A modal dialog covers everything outside it: the button goes inside, pinned where it was.
  function followDialogs() {
    var modal = null;
    document.querySelectorAll("dialog[open]").forEach(function (dialog) {
      if (dialog.matches(":modal")) modal = dialog;
    });
    if (modal && box.parentNode !== modal) {
      var where = box.getBoundingClientRect();
      box.classList.add("tip-exit--in-dialog");
      box.style.top = Math.max(0, where.top) + "px";
      box.style.left = where.left + "px";
      box.style.right = "auto";
      modal.appendChild(box);
      document.documentElement.classList.add("tip-dialog-open");
    } else if (!modal && box.parentNode !== home) {
      box.classList.remove("tip-exit--in-dialog");
      box.style.top = box.style.left = box.style.right = "";
      home.insertBefore(box, homeNext && homeNext.parentNode === home ? homeNext : null);
      document.documentElement.classList.remove("tip-dialog-open");
    }
  }

  button.addEventListener("click", exit);
  button.addEventListener("keydown", function (event) {
    // role="button": Space activates it, as it does a button (a link answers only Enter).
    if (event.key === " " || event.key === "Spacebar") exit(event);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") reset();
  });
  document.addEventListener("keyup", function (event) {
    if (event.key === "Shift") countShift();
  });
  if (window.MutationObserver) {
    new MutationObserver(followDialogs).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["open"] });
  }
  // Coming back through the browser's cache must show the page again, not the overlay.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.documentElement.classList.remove("tip-exiting");
    var overlay = document.querySelector(".tip-exit-overlay");
    if (overlay) overlay.remove();
  });
})();
