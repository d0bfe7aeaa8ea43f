"""The bookmarklet: a link the user keeps among their bookmarks which, clicked on a
posting's page, opens nextsteps' capture page with the page's address, and its
JobPosting and OpenGraph tags where they fit in an address. Nothing is saved until
the user reviews the form on nextsteps' own page and saves it there."""

from __future__ import annotations

import json
from urllib.parse import quote

# The longest address it opens: the tags are left out of a longer one, and
# nextsteps fetches the page from its address instead.
LONGEST_ADDRESS = 8000

# A posting's properties that hold its long texts, left out.
LONG_TEXTS = (
    "description",
    "responsibilities",
    "qualifications",
    "skills",
    "jobBenefits",
    "experienceRequirements",
    "educationRequirements",
    "incentiveCompensation",
)
# The posting's JSON-LD, less its long texts, and its OpenGraph tags, as a small
# page of their own; CAPTURE, LONGEST and LONG_TEXTS are filled in below.
SOURCE = """
(function () {
  var longText = /^(LONG_TEXTS)$/;
  var escape = function (text) {
    return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  };
  var tags = [];
  document.querySelectorAll('script[type="application/ld+json"]').forEach(function (s) {
    try {
      var text = s.textContent.replace(/^\\s*<!--|-->\\s*$/g, "");
      var json = JSON.stringify(JSON.parse(text), function (key, value) {
        return longText.test(key) ? undefined : value;
      });
      if (/JobPosting/.test(json)) {
        tags.push('<script type="application/ld+json">' + json.replace(/</g, "\\\\u003c") +
          "</" + "script>");
      }
    } catch (e) {}
  });
  document.querySelectorAll('meta[property^="og:"]').forEach(function (m) {
    tags.push('<meta property="' + escape(m.getAttribute("property")) + '" content="' +
      escape(m.getAttribute("content") || "") + '">');
  });
  var to = CAPTURE + "?address=" + encodeURIComponent(location.href);
  var withTags = to + "&page=" + encodeURIComponent(tags.join(""));
  to = tags.length && withTags.length <= LONGEST ? withTags : to;
  if (!window.open(to)) { location.href = to; }
})();
"""


def bookmarklet(capture_address: str) -> str:
    """The bookmarklet's `javascript:` address, opening `capture_address`."""
    code = (
        SOURCE.replace("LONG_TEXTS", "|".join(LONG_TEXTS))
        .replace("CAPTURE", json.dumps(capture_address))
        .replace("LONGEST", str(LONGEST_ADDRESS))
    )
    squeezed = " ".join(line.strip() for line in code.strip().splitlines())
    return "javascript:" + quote(squeezed, safe="(){}[];,.=+!&|'\"/:?*^$\\<>")
