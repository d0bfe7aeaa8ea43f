"""The import page's form: the file, and whose export it is."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from nextsteps.imports.columns import Format

FORMAT_CHOICES = [
    (Format.AUTO.value, "Tell by its columns"),
    (Format.TEAL.value, "Teal"),
    (Format.HUNTR.value, "Huntr"),
    (Format.JOBSYNC.value, "JobSync"),
    (Format.REACTIVE_RESUME.value, "Reactive Resume"),
    (Format.GENERIC.value, "A spreadsheet (a company and a role column)"),
]


class ImportForm(forms.Form):
    file = forms.FileField(
        label="The file",
        help_text="A CSV file exported from Teal, Huntr or JobSync, or saved from a "
        "spreadsheet with a column for the company and one for the role.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.tsv,.txt,.json,text/csv"}),
        error_messages={"required": "Choose the file to import.", "empty": "The file is empty."},
    )
    format = forms.ChoiceField(label="Exported from", choices=FORMAT_CHOICES, initial="auto")

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        largest, size = settings.IMPORT_LARGEST_UPLOAD, upload.size or 0
        if size > largest:
            raise forms.ValidationError(
                f"The file is {size / 1_048_576:.1f} MB, more than the "
                f"{largest / 1_048_576:.0f} MB this page takes: split it, or import it "
                "with `nextsteps import FILE`."
            )
        return upload
