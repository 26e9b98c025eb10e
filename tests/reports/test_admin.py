"""The editors' admin leads from a report to its attendees' comments."""

from pioneers.core.models import User
from pioneers.reports.models import ReportPage


def test_admin_edit_page_offers_comments(client, demo):
    client.force_login(User.objects.get(email="coordinator@example.org"))
    report = ReportPage.objects.first()
    html = client.get(f"/admin/pages/{report.pk}/edit/").content.decode()
    assert f"/nl/verslagcommentaar/beheer/{report.pk}/" in html
    html = client.get(f"/admin/pages/{report.get_parent().pk}/").content.decode()
    assert f"/verslagcommentaar/beheer/{report.pk}/" in html
