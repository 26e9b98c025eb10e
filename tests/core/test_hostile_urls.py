"""Every URL pattern, fed hostile values in its path and its parameters, never answers 5xx.

The walk resolves the whole URLconf in both languages. Each path parameter gets every hostile
value; each page is also requested with real path values (from the demo) and every parameter
the views read set to each hostile value, by GET and by POST (the test client sends no CSRF
token and is not refused for it), anonymously, as the demo member and as the demo coordinator.
The coordinators' admin is walked for the project's own snippets, as the coordinator.

When a new URL with a parameter is added, ``EXAMPLES`` needs a real value for it; when a view
reads a new parameter, it is found in the view's source (its forms and ``request.GET``/``POST``)
or belongs in ``KNOWN_PARAMETERS``.
"""

import inspect
import logging
import os
import re
import time
from collections import Counter
from dataclasses import dataclass
from urllib.parse import quote, urlencode

import pytest
from django.core.signals import request_finished
from django.db import close_old_connections
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern
from django.utils import translation

from pioneers.core.models import User
from pioneers.demo.loader import COORDINATOR_EMAIL, MEMBER_EMAIL

pytestmark = pytest.mark.django_db

HOSTILE = [
    "99999999999999999999",  # beyond any 64-bit key
    "²",  # digits by str.isdigit(), not by int()
    "①",
    "٣",  # an Arabic-Indic digit, which int() reads as 3
    "abc",
    "",
    "x" * 3000,
    "\x00",  # %00 in the URL
]

# Parameters that pages read through code the source scan below does not reach (Wagtail page
# types' serve() and get_context(), selectors given request.GET, the admin's listings).
KNOWN_PARAMETERS = {
    "version",
    "topics",
    "edition",
    "registration",
    "q",
    "p",
    "page",
    "topic",
    "value",
    "province",
    "status",
    "kind",
    "token",
    "format",
    "year",
    "next",
    "ordering",
}

# Real path values, so that each page is reached and reads its parameters.
EXAMPLES = {
    "media": lambda: {"path": _image_file()},
    "network:organisation": lambda: {"slug": _organisation().slug},
    "network:join_request_decide": lambda: {"pk": _join_request().pk},
    "meetings:programme_ics": lambda: {"slug": _meeting().programme.slug},
    "meetings:planner": lambda: {"slug": _meeting().programme.slug},
    "meetings:availability": lambda: {"slug": _meeting().programme.slug},
    "meetings:meeting": lambda: {"slug": _meeting().slug},
    "meetings:publish": lambda: {"slug": _meeting().slug},
    "meetings:register": lambda: {"slug": _meeting().slug},
    "meetings:meeting_ics": lambda: {"slug": _meeting().slug},
    "meetings:guests": lambda: {"slug": _meeting().slug},
    "meetings:guests_csv": lambda: {"slug": _meeting().slug},
    "meetings:confirm": lambda: {"token": _registration().token},
    "meetings:manage": lambda: {"token": _registration().token},
    "meetings:cancel": lambda: {"token": _registration().token},
    "untranslated": lambda: {"code": "en"},
    "person_photo": lambda: {"name": "a" * 24 + ".jpg"},
    "meetings:checkin_scan": lambda: {"code": _checkin_code()},
    "reports:comments_manage": lambda: {"pk": _report().pk},
    "opendata:woo_index": lambda: {"number": "008"},
    "opendata:woo_sitemap": lambda: {"number": "008"},
    "opendata:diwoo": lambda: {"pk": _report().pk},
    "opendata:download": lambda: {"dataset": "topics", "fmt": "csv"},
    "opendata:catalogue": lambda: {"fmt": "ttl"},
    "reports:comment": lambda: {"token": _comment_token()},
    "practices:practice_reuse": lambda: {"pk": _practice().pk},
    "practices:nomination_triage": lambda: {"pk": _nomination().pk},
    "magazine:edition_pdf": lambda: {"pk": _edition().pk},
    "search:topic": lambda: {"slug": _topic().slug},
    "topics:vote": lambda: {"pk": _topic().pk},
    "topics:comment": lambda: {"pk": _topic().pk},
    "poll_short": lambda: {"code": _poll().code},
    "polls:manage": lambda: {"slug": _poll().meeting.slug},
    "polls:change": lambda: {"slug": _poll().meeting.slug, "pk": _poll().pk},
    "polls:screen": lambda: {"slug": _poll().meeting.slug, "pk": _poll().pk},
    "polls:screen_results": lambda: {"slug": _poll().meeting.slug, "pk": _poll().pk},
    "polls:answer": lambda: {"code": _poll().code},
    "survey_results:results": lambda: {"slug": _survey().slug},
    "survey_results:comparison": lambda: {"slug": _survey().slug},
    "survey_results:export_csv": lambda: {"slug": _survey().slug},
    "survey_results:export_xlsx": lambda: {"slug": _survey().slug},
    "surveys:respond": lambda: {"token": _survey_invitation().token},
    "surveys:autosave": lambda: {"token": _survey_invitation().token},
    "commitments:commitment": lambda: {"code": "nl0037"},
    "commitments:costs_csv": lambda: {"code": "nl0037"},
    "commitments:costs_json": lambda: {"code": "nl0037"},
    "commitments:report": lambda: {"code": "nl0037", "number": 1},
    "commitments:report_markdown": lambda: {"code": "nl0037", "number": 1},
    "commitments:report_pdf": lambda: {"code": "nl0037", "number": 1},
    "outreach:campaign": lambda: {"pk": _campaign_recipient().campaign_id},
    "outreach:campaign_edit": lambda: {"pk": _campaign_recipient().campaign_id},
    "outreach:campaign_send": lambda: {"pk": _campaign_recipient().campaign_id},
    "outreach:campaign_progress": lambda: {"pk": _campaign_recipient().campaign_id},
    "outreach:campaign_letters": lambda: {"pk": _campaign_recipient().campaign_id},
    "outreach:campaign_letters_status": lambda: {"pk": _campaign_recipient().campaign_id},
    "outreach:reply": lambda: {"token": _reply_token()},
    "outreach:unsubscribe": lambda: {"token": _unsubscribe_token()},
    "cfp:call": lambda: {"slug": _cfp_submission().call.meeting.slug},
    "cfp:submit": lambda: {"slug": _cfp_submission().call.meeting.slug},
    "cfp:proposal": lambda: {"pk": _cfp_submission().pk},
    "cfp:withdraw": lambda: {"pk": _cfp_submission().pk},
    "cfp:invite": lambda: {"pk": _cfp_submission().pk},
    "cfp:slides": lambda: {"pk": _cfp_submission().pk},
    "cfp:invitation": lambda: {"token": _cfp_invitation().token},
    "cfp:review": lambda: {"pk": _cfp_reviewed_submission().pk},
    "cfp:submissions": lambda: {"slug": _cfp_submission().call.meeting.slug},
    "cfp:decide": lambda: {
        "slug": _cfp_submission().call.meeting.slug,
        "pk": _cfp_submission().pk,
    },
    "cfp:confirm": lambda: {"pk": _cfp_submission().pk},
    "cfp:timetable": lambda: {"slug": _cfp_submission().call.meeting.slug},
    "cfp:programme": lambda: {"slug": _cfp_submission().call.meeting.slug},
    "cfp:schedule_xml": lambda: {"slug": _cfp_submission().call.meeting.slug},
    "cfp:schedule_json": lambda: {"slug": _cfp_submission().call.meeting.slug},
    "cfp:programme_ics": lambda: {"slug": _cfp_submission().call.meeting.slug},
}


def _campaign_recipient():
    """A recipient of the demo's 2018 campaign (a letter campaign: its PDF is built)."""
    from pioneers.outreach.models import Recipient

    return Recipient.objects.exclude(email="").order_by("pk").first()


def _reply_token():
    from pioneers.outreach.services import reply_token

    return reply_token(_campaign_recipient().nonce)


def _unsubscribe_token():
    from pioneers.outreach.services import unsubscribe_token

    return unsubscribe_token(_campaign_recipient().email)


def _cfp_submission():
    """A proposal of the demo member on the demo's open call."""
    from pioneers.cfp.models import Call, Submission
    from pioneers.cfp.services import submission_create

    submission = Submission.objects.order_by("pk").first()
    if submission is None:
        call = Call.objects.order_by("pk").first()
        submission = submission_create(
            call=call,
            user=User.objects.get(email=MEMBER_EMAIL),
            title="Open data",
            abstract="Kort.",
            format=call.formats.first(),
            language="nl",
            answers={str(q.pk): "Ja" for q in call.questions.all()},
        )
    return submission


def _cfp_reviewed_submission():
    """The proposal, with the demo coordinator appointed to review its call."""
    from pioneers.cfp.models import Reviewer

    submission = _cfp_submission()
    Reviewer.objects.get_or_create(
        call=submission.call, user=User.objects.get(email=COORDINATOR_EMAIL)
    )
    return submission


def _cfp_invitation():
    from pioneers.cfp.models import Invitation

    submission = _cfp_submission()
    invitation = Invitation.objects.filter(submission=submission).first()
    return invitation or Invitation.objects.create(submission=submission, email="co@example.org")


def _image_file():
    from wagtail.images.models import Image

    image = Image.objects.order_by("pk").first()
    return image.file.name if image else "original_images/missing.png"


def _topic():
    from pioneers.topics.models import Topic

    return Topic.objects.originals().filter(meetings__isnull=False).order_by("pk").first()


def _organisation():
    from pioneers.network.models import Organisation

    return Organisation.objects.filter(memberships__isnull=False).order_by("pk").first()


def _join_request():
    from pioneers.network.models import JoinRequest, Person

    join_request = JoinRequest.objects.order_by("pk").first()
    if join_request is None:
        join_request = JoinRequest.objects.create(
            person=Person.objects.exclude(user=None).order_by("pk").first(),
            organisation=_organisation(),
            kind=JoinRequest.Kind.values[0],
        )
    return join_request


def _meeting():
    from pioneers.meetings.models import Meeting

    return Meeting.objects.filter(live=True).order_by("-date").first()


def _poll():
    from pioneers.surveys import polls_services
    from pioneers.surveys.models_polls import Poll

    poll = Poll.objects.filter(meeting=_meeting(), status="open").order_by("pk").first()
    if poll is None:
        poll = polls_services.poll_create(
            meeting=_meeting(), kind="single", text="Ja of nee?", choices="Ja\nNee"
        )
        polls_services.poll_open(poll=poll)
    return poll


def _registration():
    return _meeting().registrations.order_by("pk").first() or _past_registration()


def _past_registration():
    from pioneers.meetings.models import Registration

    return Registration.objects.order_by("pk").first()


def _checkin_code():
    from pioneers.meetings.services import checkin_code

    return checkin_code(_registration())


def _report():
    from pioneers.reports.models import ReportPage

    return ReportPage.objects.live().order_by("pk").first()


def _comment_token():
    from pioneers.reports.services import comment_token

    report = _report()
    return comment_token(report, report.meeting.registrations.order_by("pk").first())


def _practice():
    from pioneers.practices.models import PracticePage

    return PracticePage.objects.live().order_by("pk").first()


def _nomination():
    from pioneers.practices.models import Nomination

    return Nomination.objects.order_by("pk").first() or Nomination.objects.create(
        title="Open raad", municipality_name="Schiedam", description="…", name="A", email="a@b.nl"
    )


def _survey_invitation():
    from datetime import timedelta

    from django.utils import timezone

    from pioneers.surveys.models import Invitation, Question, Survey

    invitation = Invitation.objects.order_by("pk").first()
    if invitation is None:
        now = timezone.now()
        survey = Survey.objects.create(
            title="Evaluatie",
            slug="evaluatie-hostile",
            opens_at=now - timedelta(days=1),
            closes_at=now + timedelta(days=7),
        )
        for order, (kind, choices) in enumerate(
            [("likert", ""), ("single", "Ja\nNee"), ("multiple", "A\nB"), ("number", "")]
        ):
            Question.objects.create(
                survey=survey,
                sort_order=order,
                kind=kind,
                code=f"q{order}",
                text="?",
                choices=choices,
            )
        invitation = Invitation.objects.create(
            survey=survey, organisation=_organisation(), email="a@example.org"
        )
    return invitation


def _edition():
    from pioneers.magazine.models import EditionPage

    return EditionPage.objects.live().order_by("pk").first()


def _survey():
    """A survey with published results and a previous round (the demo may have none)."""
    from datetime import timedelta

    from django.utils import timezone

    from pioneers.surveys.models import Survey

    survey = Survey.objects.filter(previous_round__isnull=False).order_by("pk").first()
    if survey is None:
        now = timezone.now()
        times = {"opens_at": now - timedelta(days=9), "closes_at": now - timedelta(days=1)}
        baseline = Survey.objects.create(title="Nulmeting", slug="hostile-nulmeting", **times)
        survey = Survey.objects.create(
            title="Tussenmeting",
            slug="hostile-tussenmeting",
            previous_round=baseline,
            results_published=True,
            **times,
        )
    return survey


def _pages(language: str) -> list:
    """The URL of one live page of every page type: what Wagtail's catch-all pattern serves."""
    from wagtail.models import Page

    pages = Page.objects.live().public().filter(locale__language_code=language, depth__gt=1)
    urls = {}
    for page in pages.specific().order_by("path"):
        urls.setdefault(type(page), page.url)
    return sorted(urls.values())


# Walking the URLconf ---------------------------------------------------------------------------


@dataclass
class Route:
    name: str  # "namespace:name"
    template: list  # literal strings and ("parameter",) tuples
    view: object

    def url(self, values: dict) -> str:
        return "/" + "".join(
            quote(str(values[part[0]]), safe="") if isinstance(part, tuple) else part
            for part in self.template
        )

    @property
    def parameters(self) -> list[str]:
        return [part[0] for part in self.template if isinstance(part, tuple)]


def _template(pattern) -> list:
    """A pattern's route as literal text and parameters; regex groups become parameters."""
    text = str(pattern.pattern)  # a route, or the language prefix of i18n_patterns
    if isinstance(pattern.pattern, RegexPattern):
        return _regex_template(text)
    parts = re.split(r"<(?:\w+:)?(\w+)>", text)
    return [part if i % 2 == 0 else (part,) for i, part in enumerate(parts) if part]


def _regex_template(regex: str) -> list:
    """A regex route as literal text and parameters: each top-level group is a parameter."""
    regex = regex.removeprefix("^").removesuffix("$")
    parts, literal, i, unnamed = [], "", 0, 0
    while i < len(regex):
        char = regex[i]
        if char == "\\":
            literal += regex[i + 1]
            i += 2
        elif char == "(":
            depth, j = 0, i
            while True:
                if regex[j] == "\\":
                    j += 2
                    continue
                depth += {"(": 1, ")": -1}.get(regex[j], 0)
                if depth == 0:
                    break
                j += 1
            name = re.match(r"\(\?P<(\w+)>", regex[i:])
            if literal:
                parts.append(literal)
                literal = ""
            unnamed += not name
            parts.append((name.group(1) if name else f"_{unnamed}",))
            i = j + 1
        else:
            literal += char
            i += 1
    if literal:
        parts.append(literal)
    return parts


def _routes(patterns=None, prefix=(), namespace=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _routes(pattern.url_patterns, (*prefix, *_template(pattern)), inner)
        elif isinstance(pattern, URLPattern):
            yield Route(f"{namespace}{pattern.name}", [*prefix, *_template(pattern)], pattern)


def _parameters_read(view) -> set[str]:
    """The query and form parameters a project view reads: its forms and request.GET/POST."""
    # The open-data API's views (django-ninja) say which parameters they read.
    declared = set(getattr(view, "query_parameters", ()))
    function = inspect.unwrap(getattr(view, "view_class", view))
    if not getattr(function, "__module__", "").startswith("pioneers."):
        return declared
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        return set()
    names = declared | set(
        re.findall(r"request\.(?:GET|POST)(?:\.get(?:list)?\(|\[)\"(\w+)\"", source)
    )
    names |= set(re.findall(r"\"(\w+)\" in request\.(?:GET|POST)", source))
    module = inspect.getmodule(function)
    for form_name in re.findall(r"\b([A-Z]\w*Form)\(", source):
        form = getattr(module, form_name, None)
        names |= set(getattr(form, "base_fields", ()))
    return names


def _project_routes(language: str) -> list:
    """Every URL outside the admin, with the routes of one language."""
    with translation.override(language):
        return [r for r in _routes() if not r.template[0].startswith("admin/")]


def _admin_routes():
    """The admin's URLs of the project's own snippets, and the filters of their listings."""
    from wagtail.snippets.models import get_snippet_models

    models = [m for m in get_snippet_models() if m.__module__.startswith("pioneers.")]
    namespaces = tuple(f"wagtailsnippets_{m._meta.app_label}_{m._meta.model_name}:" for m in models)
    filters = set()
    for model in models:
        list_filter = model.snippet_viewset.list_filter
        filters |= set(list_filter if isinstance(list_filter, (list, tuple)) else ())
    return [route for route in _routes() if route.name.startswith(namespaces)], filters


# The walk ---------------------------------------------------------------------------------------


@pytest.fixture
def clients(demo):
    anonymous = Client(raise_request_exception=False)
    member = Client(raise_request_exception=False)
    member.force_login(User.objects.get(email=MEMBER_EMAIL))
    coordinator = Client(raise_request_exception=False)
    coordinator.force_login(User.objects.get(email=COORDINATOR_EMAIL))
    return {"anonymous": anonymous, "member": member, "coordinator": coordinator}


@pytest.fixture
def quiet_errors():
    """The walk provokes thousands of 404s; their log lines say nothing here."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    yield
    logger.setLevel(level)


@pytest.fixture
def no_background_work(settings):
    """Tasks (PDF builds, emails) are queued and not run: the walk is about answering requests."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def _close(response):
    """Close a served file's handle, as a WSGI server would, keeping the test's connection.

    Closing fires request_finished, whose close_old_connections would close the database
    connection inside the test's transaction on PostgreSQL; the test client disconnects it
    around its own close too.
    """
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


class Walk:
    def __init__(self, clients):
        self.clients = clients
        self.failures = []
        self.requests = 0
        self.seconds = Counter()  # per URL name, to see what the walk spends its time on

    def check(self, label, roles, url, parameters: dict, *, post=True):
        started = time.monotonic()
        for role in roles:
            client = self.clients[role]
            for method in ("get", "post") if post else ("get",):
                response = getattr(client, method)(url, parameters)
                _close(response)
                self.requests += 1
                if response.status_code >= 500:
                    error = response.exc_info[1] if response.exc_info else ""
                    self.failures.append(
                        f"{method.upper()} {url[:150]}?{urlencode(parameters)[:150]} as {role}: "
                        f"{response.status_code} {type(error).__name__}: {str(error)[:200]}"
                    )
        self.seconds[label] += time.monotonic() - started

    def hostile_paths(self, route, roles, post=True):
        for parameter in route.parameters:
            for value in HOSTILE:
                values = dict.fromkeys(route.parameters, "x")
                values[parameter] = value
                self.check(route.name, roles, route.url(values), {}, post=post)

    def hostile_parameters(self, label, url, names, roles, post=True):
        for value in HOSTILE:
            self.check(label, roles, url, dict.fromkeys(sorted(names), value), post=post)


ROLES = ("anonymous", "member", "coordinator")


def test_no_url_answers_a_server_error_to_hostile_values(
    clients, quiet_errors, no_background_work, no_page_cache, settings
):
    settings.API_RATE_PER_MINUTE = 1_000_000  # the walk asks the API thousands of times
    started, cpu = time.monotonic(), time.process_time()
    walk = Walk(clients)
    missing = []
    # The English routes are other words for the same views: hostile path values suffice there.
    for route in _project_routes("en"):
        walk.hostile_paths(route, ["anonymous"])
    for route in _project_routes("nl"):
        names = KNOWN_PARAMETERS | _parameters_read(route.view.callback)
        walk.hostile_paths(route, ROLES)
        if route.name.endswith("wagtail_serve"):
            for url in _pages("nl"):
                walk.hostile_parameters(url, url, names, ROLES)
        elif not route.parameters:
            walk.hostile_parameters(route.name, route.url({}), names, ROLES)
        elif route.view.callback.__module__.startswith("pioneers."):
            if route.name in EXAMPLES:
                url = route.url(EXAMPLES[route.name]())
                walk.hostile_parameters(route.name, url, names, ROLES)
            else:
                missing.append(route.name)
    admin_routes, filters = _admin_routes()
    for route in admin_routes:
        if route.parameters:
            walk.hostile_paths(route, ["coordinator"], post=False)
        else:
            names = KNOWN_PARAMETERS | filters
            walk.hostile_parameters(route.name, route.url({}), names, ["coordinator"], post=False)
    if os.environ.get("WALK_DEBUG"):
        elapsed, cpu = time.monotonic() - started, time.process_time() - cpu
        print(f"\n{walk.requests} requests in {elapsed:.0f} s ({cpu:.0f} s of CPU)")
        for label, seconds in walk.seconds.most_common(40):
            print(f"{seconds:6.1f} {label[:100]}")
    assert not missing, f"Give EXAMPLES a real path value for: {', '.join(missing)}"
    assert not walk.failures, f"{len(walk.failures)} server errors:\n" + "\n".join(walk.failures)
    assert walk.requests > 1000


# The server errors found by hand -------------------------------------------------------------


def _logged_in(client, email):
    client.force_login(User.objects.get(email=email))
    return client


@pytest.mark.parametrize("version", ["²", "³", "①", "٣", "99999999999999999999", "abc"])
def test_a_report_version_that_is_no_id_is_not_found(client, demo, version):
    response = client.get(_report().url, {"version": version})
    assert response.status_code == 404


def test_coordinators_search_organisations_in_the_admin(client, demo):
    client = _logged_in(client, COORDINATOR_EMAIL)
    response = client.get("/admin/snippets/network/organisation/", {"q": "schied"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Schiedam" in html
    assert "Utrecht" not in html


def test_coordinators_search_meetings_in_the_admin(client, demo):
    meeting = _meeting()
    client = _logged_in(client, COORDINATOR_EMAIL)
    by_topic = client.get("/admin/snippets/meetings/meeting/", {"q": meeting.topic.name[1:-1]})
    assert by_topic.status_code == 200
    assert meeting.title in by_topic.content.decode()
    nothing = client.get("/admin/snippets/meetings/meeting/", {"q": "zzzqqq"})
    assert nothing.status_code == 200
    assert meeting.title not in nothing.content.decode()


HUGE = "99999999999999999999"


@pytest.mark.parametrize(
    "url",
    [
        f"/nl/magazine/editie-pdf/{HUGE}/",
        f"/nl/verslagcommentaar/beheer/{HUGE}/",
        f"/nl/kennisbank/nominaties/{HUGE}/",
        f"/nl/aanvragen/{HUGE}/",
    ],
)
def test_a_huge_id_in_a_path_is_not_found(client, demo, url):
    client = _logged_in(client, COORDINATOR_EMAIL)
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404


def test_a_huge_practice_id_to_try_too_is_not_found(client, demo):
    client = _logged_in(client, MEMBER_EMAIL)
    assert client.post(f"/nl/kennisbank/{HUGE}/ook-proberen/").status_code == 404


def test_a_huge_topic_in_the_share_form_is_an_invalid_choice(client, demo):
    client = _logged_in(client, MEMBER_EMAIL)
    assert client.get("/nl/kennisbank/delen/", {"topics": HUGE}).status_code == 200
    response = client.post("/nl/kennisbank/delen/", {"title": "Open raad", "topics": HUGE})
    assert response.status_code == 422
    assert response.context["form"].errors["topics"]


def test_a_huge_edition_or_topic_in_the_magazine_form_is_an_invalid_choice(client, demo):
    client = _logged_in(client, MEMBER_EMAIL)
    assert client.get("/nl/magazine/insturen/", {"edition": HUGE}).status_code == 200
    response = client.post("/nl/magazine/insturen/", {"edition": HUGE, "topics": [HUGE, "①"]})
    assert response.status_code < 500
    errors = response.context["form"].errors
    assert errors["edition"] and errors["topics"]


def test_checking_in_a_registration_that_is_no_id_says_it_does_not_exist(client, demo):
    client = _logged_in(client, COORDINATOR_EMAIL)
    url = f"/nl/bijeenkomsten/{_meeting().slug}/gasten/"
    response = client.post(url, {"registration": "abc"}, follow=True)
    assert response.status_code == 200
    assert "Die aanmelding bestaat niet." in response.content.decode()
