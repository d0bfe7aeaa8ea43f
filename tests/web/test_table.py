from __future__ import annotations

from datetime import date

from django.urls import reverse

from nextsteps.web.views.pipeline import TABLE_PAGE
from tests.web.base import WebTestCase


class TableTestCase(WebTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.add("Beta", "Engineer", applied_on=date(2026, 11, 10))
        self.add("Alpha", "Analyst")
        self.interviewed("Gamma")

    def companies(self, query: str = "") -> list[str]:
        response = self.client.get(reverse("table") + query)
        self.assertEqual(response.status_code, 200)
        return [row.application.company.name for row in response.context["rows"]]

    def test_sorted_by_the_next_step_by_default(self) -> None:
        # Gamma's reflection is due tonight, Beta's check-in on the 17th, Alpha has none.
        self.assertEqual(self.companies(), ["Gamma", "Beta", "Alpha"])

    def test_each_column_sorts_both_ways(self) -> None:
        self.assertEqual(self.companies("?sort=company"), ["Alpha", "Beta", "Gamma"])
        self.assertEqual(self.companies("?sort=-company"), ["Gamma", "Beta", "Alpha"])
        self.assertEqual(self.companies("?sort=stage"), ["Alpha", "Beta", "Gamma"])
        self.assertEqual(self.companies("?sort=-applied"), ["Beta", "Gamma", "Alpha"])

    def test_an_unknown_sort_falls_back_to_the_next_step(self) -> None:
        self.assertEqual(self.companies("?sort=password"), ["Gamma", "Beta", "Alpha"])

    def test_filters_by_stage_and_by_text(self) -> None:
        self.assertEqual(self.companies("?stage=interviewing"), ["Gamma"])
        self.assertEqual(self.companies("?q=engin"), ["Beta"])
        self.assertEqual(self.companies("?q=alp&stage=saved"), ["Alpha"])
        self.assertEqual(self.companies("?stage=nonsense"), ["Gamma", "Beta", "Alpha"])

    def test_no_match_and_nothing_yet_say_different_things(self) -> None:
        self.assertContains(self.client.get(reverse("table") + "?q=zzz"), "No application matches.")
        nobody = self.client_for(self.outsider)
        response = nobody.get(reverse("table"))
        self.assertContains(response, "No applications yet.")
        self.assertContains(response, f'href="{reverse("add-application")}"')

    def test_the_filter_form_works_with_htmx_and_without(self) -> None:
        response = self.client.get(reverse("table"))
        self.assertContains(response, 'hx-get="/pipeline/table/"')
        self.assertContains(response, '<button type="submit">Filter</button>', html=True)

    def test_long_lists_come_in_pages_that_keep_the_filters(self) -> None:
        for n in range(TABLE_PAGE):
            self.add(f"Co {n}")
        response = self.client.get(reverse("table") + "?stage=saved&sort=company")
        self.assertEqual(len(response.context["rows"]), TABLE_PAGE)
        self.assertContains(response, "101 applications, 1 to 100 shown")
        self.assertContains(response, 'href="?stage=saved&amp;sort=company&amp;page=2"')
        second = self.client.get(reverse("table") + "?stage=saved&sort=company&page=2")
        self.assertEqual([r.application.company.name for r in second.context["rows"]], ["Co 99"])

    def test_the_number_of_queries_does_not_grow_with_applications(self) -> None:
        with self.assertNumQueries(7):
            self.client.get(reverse("table"))
        for n in range(17):
            self.interviewed(f"Company {n}")
        with self.assertNumQueries(7):
            self.client.get(reverse("table"))
