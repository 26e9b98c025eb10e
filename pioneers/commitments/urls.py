"""URLs of the commitments app; the path words are translated per language."""

from pioneers.commitments import urls_reports

app_name = "commitments"
urlpatterns = [
    *urls_reports.urlpatterns,
]
