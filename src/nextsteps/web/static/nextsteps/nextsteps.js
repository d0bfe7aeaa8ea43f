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

  // The editor: "Copy the text" puts the subject and the body on the clipboard, and
  // a blank in the checklist selects itself in the text, ready to be typed over.
  function enhanceEditor() {
    var body = document.getElementById("id_body");
    var subject = document.getElementById("id_subject");
    if (!body) {
      return;
    }
    document.documentElement.classList.add("js");
    document.querySelectorAll("[data-copy-message]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var text = (subject ? subject.value + "\n\n" : "") + body.value;
        navigator.clipboard.writeText(text).then(function () {
          button.textContent = "Copied";
        });
      });
    });
    document.addEventListener("click", function (event) {
      var blank = event.target.closest && event.target.closest("button[data-blank]");
      if (!blank) {
        return;
      }
      var wanted = blank.getAttribute("data-blank");
      [subject, body].some(function (field) {
        var at = field ? field.value.indexOf(wanted) : -1;
        if (at < 0) {
          return false;
        }
        field.focus();
        field.setSelectionRange(at, at + wanted.length);
        return true;
      });
    });
  }

  function start() {
    useBrowserTimezone();
    enhanceEditor();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
