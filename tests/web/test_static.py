"""Static files: the pages name them by a hash of their content, and they are
served compressed and kept a year in caches."""

from __future__ import annotations

import gzip
import re

from django.test import Client, TestCase

ONE_YEAR = "max-age=31536000, public, immutable"


def content(response: object) -> bytes:
    return b"".join(response.streaming_content)  # type: ignore[attr-defined]


class StaticFilesTestCase(TestCase):
    def setUp(self) -> None:
        self.client = Client()
        page = self.client.get("/login/").content.decode()
        self.urls = re.findall(r'(?:href|src)="(/static/[^"]+)"', page)

    def test_the_pages_name_each_file_by_its_hash(self) -> None:
        names = [url.rsplit("/", 1)[1] for url in self.urls]
        self.assertEqual(len(names), 3, self.urls)
        for name in names:
            self.assertRegex(name, r"^[a-z.]+\.[0-9a-f]{12}\.(js|css)$")

    def test_a_hashed_file_is_compressed_and_kept_a_year(self) -> None:
        htmx = next(url for url in self.urls if "htmx" in url)
        response = self.client.get(htmx, headers={"accept-encoding": "gzip, br"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Encoding"], "gzip")
        self.assertEqual(response["Cache-Control"], ONE_YEAR)
        self.assertIn("Accept-Encoding", response["Vary"])
        body = content(response)
        self.assertLess(len(body), 20 * 1024)  # 52 KiB as written
        self.assertTrue(gzip.decompress(body).startswith(b"/*! htmx 2"))

    def test_without_gzip_the_file_comes_as_written(self) -> None:
        style = next(url for url in self.urls if url.endswith(".css"))
        response = self.client.get(style)
        self.assertNotIn("Content-Encoding", response)
        self.assertEqual(response["Cache-Control"], ONE_YEAR)
        self.assertIn(b"font", content(response))

    def test_a_name_without_its_hash_is_kept_only_briefly(self) -> None:
        response = self.client.get("/static/nextsteps/htmx.min.js")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Cache-Control"], "max-age=60, public")
