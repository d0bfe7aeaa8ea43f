from __future__ import annotations

from django.templatetags.static import static
from django.test import RequestFactory, SimpleTestCase
from django.urls import reverse, set_script_prefix

from nextsteps.web.context import layout
from nextsteps.web.paths import path_to


class PathsTestCase(SimpleTestCase):
    def test_a_path_is_the_one_reverse_makes(self) -> None:
        for name in ("application", "step-done", "step-skip", "message", "contact"):
            for object_id in (1, 42, 9_999_999):
                with self.subTest(name=name, object_id=object_id):
                    self.assertEqual(path_to(name, object_id), reverse(name, args=[object_id]))

    def test_under_a_prefix_the_path_starts_with_it(self) -> None:
        set_script_prefix("/jobs/")
        self.addCleanup(set_script_prefix, "/")
        self.assertEqual(path_to("application", 7), "/jobs/applications/7/")
        self.assertEqual(path_to("application", 7), reverse("application", args=[7]))

    def test_the_layouts_links_are_the_pages_paths(self) -> None:
        for prefix in ("/", "/jobs/"):
            set_script_prefix(prefix)
            self.addCleanup(set_script_prefix, "/")
            paths = layout(RequestFactory().get("/"))["layout"]
            with self.subTest(prefix=prefix):
                self.assertEqual(paths["add"], reverse("add-application"))
                self.assertEqual(paths["logout"], reverse("logout"))
                self.assertEqual(paths["style"], static("nextsteps/style.css"))
