// Small comforts on top of pages that work without JavaScript.
(function () {
  "use strict";

  // Sign-up: start from the browser's own timezone instead of UTC.
  function useBrowserTimezone() {
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
      return;
    }
    document.querySelectorAll("select[data-browser-timezone]").forEach(function (select) {
      if (zone && select.value === "UTC" && select.querySelector('option[value="' + zone + '"]')) {
        select.value = zone;
      }
    });
  }

  // When htmx has replaced the button that had the keyboard focus, keep the
  // focus in the content rather than losing it to the top of the page.
  document.addEventListener("htmx:afterSettle", function () {
    var main = document.getElementById("main");
    if (main && (!document.activeElement || document.activeElement === document.body)) {
      main.focus({ preventScroll: true });
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", useBrowserTimezone);
  } else {
    useBrowserTimezone();
  }
})();
