"""Roles behind one set of predicates: coordinator, editor, host of a meeting, member."""

from datetime import timedelta
from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser, Group
from django.utils import timezone

from pioneers.core.email import coordinator_emails
from pioneers.core.models import User
from pioneers.core.roles import COORDINATORS, is_coordinator, is_editor
from pioneers.meetings import services
from pioneers.meetings.models import Meeting
from pioneers.meetings.rules import hosts, is_meeting_host
from pioneers.network.models import Person
from pioneers.network.rules import is_organisation_member
from tests.core.test_access import _coordinator_urls
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

migration = import_module("pioneers.core.migrations.0005_coordinators_group")


def _in_group(name: str, **fields) -> User:
    user = UserFactory(**fields)
    user.groups.add(Group.objects.get(name=name))
    return User.objects.get(pk=user.pk)  # a fresh object, as a request has


@pytest.fixture
def meeting(demo):
    """The next meeting, open to residents, with one confirmed guest."""
    meeting = Meeting.objects.filter(date__gte=timezone.localdate()).order_by("date").first()
    meeting.audience = Meeting.Audience.RESIDENTS
    meeting.capacity = 10
    meeting.save()
    outcome = services.registration_create(
        meeting=meeting, name="Rita Resident", email="rita@example.org", accessibility_needs=""
    )
    services.registration_confirm(registration=outcome.registration)
    return meeting


def test_coordinator_is_an_active_superuser_or_in_the_group(demo):
    assert is_coordinator(UserFactory(is_superuser=True))
    assert is_coordinator(_in_group(COORDINATORS))
    assert not is_coordinator(UserFactory(is_superuser=True, is_active=False))
    assert not is_coordinator(_in_group(COORDINATORS, is_active=False))
    assert not is_coordinator(UserFactory(is_staff=True))
    assert not is_coordinator(_in_group("Editors", is_staff=True))
    assert not is_coordinator(AnonymousUser())
    assert is_coordinator(User.objects.get(email="coordinator@example.org"))


def test_editor_is_in_editors_or_moderators_or_a_coordinator(demo):
    assert is_editor(_in_group("Editors"))
    assert is_editor(_in_group("Moderators"))
    assert is_editor(_in_group(COORDINATORS))
    assert not is_editor(UserFactory(is_staff=True))
    assert not is_editor(_in_group("Editors", is_active=False))
    assert not is_editor(AnonymousUser())
    demo_editor = User.objects.get(email="editor@example.org")
    assert is_editor(demo_editor) and not is_coordinator(demo_editor)


def test_host_is_a_pioneer_of_the_host_organisation_until_check_in_closes(meeting):
    host = UserFactory()
    Person.objects.create(user=host, name="Hanna Host", role="official", organisation=meeting.host)
    other = UserFactory()
    Person.objects.create(
        user=other, name="Otto Other", role="official", organisation=OrganisationFactory()
    )
    assert is_meeting_host(host, meeting)
    assert host.has_perm("meetings.manage_guests", meeting)
    assert not is_meeting_host(other, meeting)
    assert not is_meeting_host(UserFactory(), meeting)
    assert not is_meeting_host(AnonymousUser(), meeting)
    closed = meeting.checkin_closes_at + timedelta(seconds=1)
    assert hosts(host, meeting, now=meeting.checkin_closes_at - timedelta(seconds=1))
    assert not hosts(host, meeting, now=closed)
    # Hosts manage the guests but never see their addresses.
    assert not host.has_perm("meetings.see_guest_emails")


def test_member_is_a_pioneer_of_an_approved_member_organisation(demo):
    assert is_organisation_member(User.objects.get(email="member@example.org"))
    outsider = UserFactory()
    Person.objects.create(
        user=outsider, name="Nora Niet", role="official", organisation=OrganisationFactory()
    )
    assert not is_organisation_member(outsider)
    assert not is_organisation_member(UserFactory())
    assert not is_organisation_member(AnonymousUser())


def test_editor_with_admin_access_is_refused_coordinators_pages(client, demo):
    client.force_login(_in_group("Editors", is_staff=True))
    urls = ["/nl/aanvragen/", *_coordinator_urls()]
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 403, url
        assert response.redirect_chain == [], url
    assert client.get("/admin/").status_code == 200  # Wagtail's admin is theirs


def test_coordinator_emails_go_to_active_coordinators_only(demo):
    in_group = _in_group(COORDINATORS, email="groep@example.org")
    superuser = UserFactory(email="super@example.org", is_superuser=True)
    _in_group("Editors", email="redactie@example.org", is_staff=True)
    _in_group(COORDINATORS, email="oud@example.org", is_active=False)
    UserFactory(email="staf@example.org", is_staff=True)
    emails = coordinator_emails()
    assert in_group.email in emails and superuser.email in emails
    assert "coordinator@example.org" in emails
    assert not {"redactie@example.org", "oud@example.org", "staf@example.org"} & set(emails)
    assert "editor@example.org" not in emails


def test_coordinator_in_the_group_opens_coordinators_pages_and_the_guest_list(client, meeting):
    coordinator = _in_group(COORDINATORS)
    assert not coordinator.is_superuser and not coordinator.is_staff
    client.force_login(coordinator)
    assert client.get("/nl/aanvragen/").status_code == 200
    html = client.get(f"/nl/bijeenkomsten/{meeting.slug}/gasten/").content.decode()
    assert "Rita Resident" in html
    # The door list has the addresses, which only coordinators see.
    csv = client.get(f"/nl/bijeenkomsten/{meeting.slug}/gasten.csv").content.decode("utf-8-sig")
    assert "rita@example.org" in csv


def test_plain_staff_user_sees_no_coordinators_page(client, meeting):
    client.force_login(UserFactory(is_staff=True))
    assert client.get("/nl/aanvragen/").status_code == 403
    assert client.get(f"/nl/bijeenkomsten/{meeting.slug}/gasten/").status_code == 403


def test_migration_adds_active_staff_users_to_the_coordinators_group(demo):
    staff = UserFactory(is_staff=True)
    gone = UserFactory(is_staff=True, is_active=False)
    plain = UserFactory()
    migration.coordinators_create(apps, None)
    group = Group.objects.get(name=COORDINATORS)
    members = set(group.user_set.all())
    assert staff in members
    assert gone not in members and plain not in members
    assert group.permissions.filter(codename="access_admin").exists()
    assert group.permissions.filter(codename="change_meeting").exists()
    assert group.page_permissions.filter(permission__codename="publish_page").exists()
    assert is_coordinator(User.objects.get(pk=staff.pk))


def test_demo_accounts_have_their_roles(demo):
    coordinator = User.objects.get(email="coordinator@example.org")
    assert coordinator.groups.filter(name=COORDINATORS).exists()
    editor = User.objects.get(email="editor@example.org")
    assert list(editor.groups.values_list("name", flat=True)) == ["Editors"]


def test_manage_link_is_for_who_may_open_the_admin(client, demo):
    client.force_login(User.objects.get(email="editor@example.org"))
    assert 'href="/admin/"' in client.get("/nl/").content.decode()
    client.force_login(UserFactory(is_staff=True))
    assert 'href="/admin/"' not in client.get("/nl/").content.decode()
