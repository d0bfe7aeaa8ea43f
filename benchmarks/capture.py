"""How long job capture takes to read the largest page it fetches (2 MB).

    .venv/bin/python benchmarks/capture.py [--repeat 10]

Reads, with nextsteps.capture.posting.read_posting (no Django, no network), three
pages of 2 MB each, built from the saved postings of tests/capture/pages:

- markup: the Greenhouse posting followed by 2 MB of ordinary nested markup, as a
  careers site's page with its menus, its description and its footer;
- json-ld: the Lever posting whose JSON-LD description holds 2 MB of encoded HTML;
- microdata: the SmartRecruiters posting whose microdata description holds 2 MB of
  paragraphs, every word of them collected as the property's text.

Prints one JSON object: each page's size and the median time of --repeat reads, in
milliseconds, with what was found (so that a fast read of nothing shows).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from nextsteps.capture.posting import read_posting  # noqa: E402

PAGES = ROOT / "tests" / "capture" / "pages"
LARGEST = 2 * 1024 * 1024


def padded(block: str, before: str, after: str) -> str:
    repeated = block * ((LARGEST - len(before) - len(after)) // len(block))
    return before + repeated + after


def pages() -> dict[str, str]:
    greenhouse = (PAGES / "greenhouse.html").read_text()
    body = greenhouse.index("<body>") + len("<body>")
    lever = (PAGES / "lever.html").read_text()
    described = lever.index('"title"')
    smart = (PAGES / "smartrecruiters.html").read_text()
    description = smart.index('<section itemprop="description">') + len(
        '<section itemprop="description">'
    )
    return {
        "markup": padded(
            '<div class="row"><ul><li><a href="/jobs">Jobs</a></li></ul><p>We build '
            "<b>robots</b> &amp; software.</p></div>\n",
            greenhouse[:body],
            greenhouse[body:],
        ),
        "json-ld": padded(
            "&lt;p&gt;Lab work, &amp;amp; reports.&lt;/p&gt;",
            lever[:described] + '"description": "',
            '", ' + lever[described:],
        ),
        "microdata": padded(
            "<p>Laminated doughs, <em>every</em> night.</p>\n",
            smart[:description],
            smart[description:],
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    repeat = parser.parse_args().repeat
    report = {}
    for name, page in pages().items():
        found = read_posting(page)
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            read_posting(page)
            samples.append(time.perf_counter() - started)
        report[name] = {
            "bytes": len(page.encode()),
            "median_ms": round(statistics.median(samples) * 1000, 1),
            "found": f"{found.role} at {found.company}",
        }
    print(json.dumps({"repeat": repeat, "pages": report}, indent=2))


if __name__ == "__main__":
    main()
