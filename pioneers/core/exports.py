"""CSV files the platform writes: every cell is made safe for spreadsheet programs.

A cell that starts with = + - @, a tab or a carriage return is run as a formula by Excel and
LibreOffice ("formula injection"); such a cell gets a leading apostrophe, which spreadsheets
read as "this is text". Every CSV goes through `csv_response` or `csv_writer`, so no column
is forgotten.
"""

import csv

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    """One cell as text; text typed by people that a spreadsheet would run is quoted."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return str(value)  # numbers and dates the platform made itself
    return "'" + value if value.startswith(FORMULA_STARTS) else value


class SafeWriter:
    """`csv.writer` whose every cell passes through `csv_cell`."""

    def __init__(self, stream):
        self._writer = csv.writer(stream)

    def writerow(self, row):
        return self._writer.writerow([csv_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_writer(stream) -> SafeWriter:
    return SafeWriter(stream)


def csv_response(filename: str) -> tuple[HttpResponse, SafeWriter]:
    """A CSV download that spreadsheet programs open as UTF-8, and its safe writer."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # the byte-order mark tells spreadsheet programs it is UTF-8
    return response, csv_writer(response)
