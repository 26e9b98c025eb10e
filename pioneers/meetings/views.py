"""Meeting pages: lists, one meeting, calendars, registering and the host's guest list."""

import re
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from pioneers.core.access import coordinator_required
from pioneers.core.cache import page_depends_on
from pioneers.core.exports import csv_response
from pioneers.core.ids import parse_id
from pioneers.core.languages import current_language
from pioneers.core.models import NetworkSettings
from pioneers.core.ratelimit import RateLimited, email_rate_limit
from pioneers.core.roles import is_coordinator
from pioneers.core.translations import with_translations
from pioneers.meetings import selectors, services
from pioneers.meetings.calendar import meeting_calendar, meeting_json_ld
from pioneers.meetings.forms import (
    PLAN_FIELDS,
    AvailabilityForm,
    GuestSearchForm,
    MeetingFilterForm,
    PlanRowForm,
    RegistrationForm,
)
from pioneers.meetings.models import Meeting, Programme, Registration
from pioneers.network.models import Organisation
from pioneers.network.selectors import current_members


def _meeting_list(request, *, past: bool):
    page_depends_on(request, "meetings")
    form = MeetingFilterForm(request.GET or None, **selectors.filter_choices())
    filters = form.cleaned_data if form.is_valid() else {}
    meetings = with_translations(
        selectors.meetings_list(
            past=past,
            topic=filters.get("topic") or "",
            format=filters.get("format") or "",
            year=filters.get("year"),
        )
    )
    context = {
        "form": form,
        "meetings": meetings,
        "past": past,
        "filtered": bool(filters and any(filters.values())),
    }
    if request.htmx:
        return render(request, "meetings/_meeting_list.html", context)
    context["calendars"] = selectors.programme_calendars()
    if request.user.is_authenticated:
        # Coordinators plan, pioneers state availability, for programmes not yet over.
        context["programmes"] = list(
            Programme.objects.filter(end_date__gte=timezone.localdate()).order_by("start_date")
        )
    return render(request, "meetings/meeting_list.html", context)


def upcoming(request):
    return _meeting_list(request, past=False)


def past(request):
    return _meeting_list(request, past=True)


def _get_meeting(request, slug) -> Meeting:
    meeting = selectors.meeting_detail(slug, include_unpublished=is_coordinator(request.user))
    if meeting is None:
        raise Http404
    return meeting


def meeting(request, slug):
    meeting = _get_meeting(request, slug)
    page_depends_on(request, f"meeting:{meeting.pk}")
    # For members' own button; everyone else sees the live figure (meetings.caching).
    places_left = selectors.places_left(meeting)
    person = getattr(request.user, "person", None) if request.user.is_authenticated else None
    registration = (
        selectors.live_registration(meeting, request.user.email)
        if request.user.is_authenticated
        else None
    )
    return render(
        request,
        "meetings/meeting.html",
        {
            "meeting": meeting,
            "places_left": places_left,
            "registration_state": meeting.registration_state(),
            "registration": registration,
            "person": person,
            "barrier": selectors.registration_barrier(meeting, request.user),
            "can_manage": selectors.can_manage(request.user, meeting),
            "json_ld": meeting_json_ld(meeting, live=True),
            # Reports are Wagtail pages of the publications app, found by their reverse relation.
            "reports": meeting.reports.live().public().select_related("locale")[:1],
        },
    )


meeting_view = meeting  # for register(), where `meeting` is the meeting


def register(request, slug):
    meeting = _get_meeting(request, slug)
    person = getattr(request.user, "person", None) if request.user.is_authenticated else None
    if person is not None and request.method == "POST":
        # Members register with one click: their account holds a verified address. The email
        # goes to that address only, so the account is counted, not the address: registering
        # for all eight meetings of a programme at once must work.
        try:
            email_rate_limit(request, action="registration", address=None)
        except RateLimited as error:
            messages.error(request, str(error))
            response = meeting_view(request, slug)
            response.status_code = 429
            return response
        try:
            outcome = services.registration_create(
                meeting=meeting,
                name=person.name,
                email=request.user.email,
                person=person,
                language=current_language(),
            )
        except services.RegistrationError as error:
            messages.error(request, str(error))
        else:
            if outcome.registration.status == Registration.Status.CONFIRMED:
                messages.success(
                    request, _("You are registered. The confirmation is in your mail.")
                )
            else:
                messages.info(
                    request, _("The meeting is full; you are on the waiting list. We email you.")
                )
        return redirect(meeting)
    if not meeting.is_open_to_all:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if person is None:
            messages.info(request, _("First tell the network who you are."))
            return redirect("network:profile")
        return redirect(meeting)  # the meeting's page has the button, or says why not
    form = RegistrationForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            email_rate_limit(request, action="registration", address=form.cleaned_data["email"])
            outcome = services.registration_create(
                meeting=meeting,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                residence=form.cleaned_data["residence"],
                accessibility_needs=form.cleaned_data["accessibility_needs"],
                language=current_language(),
            )
        except RateLimited as error:
            form.add_error(None, str(error))
            status = 429
        except services.RegistrationError as error:
            form.add_error(None, str(error))
        else:
            return TemplateResponse(
                request,
                "meetings/registration_sent.html",
                {
                    "meeting": meeting,
                    "email": outcome.registration.email,
                    "resend_minutes": int(services.RESEND_AFTER.total_seconds() // 60),
                },
            )
    return TemplateResponse(
        request,
        "meetings/register.html",
        {
            "meeting": meeting,
            "form": form,
            "registration_state": meeting.registration_state(),
            "municipalities": Organisation.objects.filter(
                kind=Organisation.Kind.MUNICIPALITY
            ).values_list("name", flat=True),
        },
        status=status,
    )


def _registration_by_token(token) -> Registration:
    # Tokens are URL-safe base64; anything else (a NUL byte, which PostgreSQL refuses) is unknown.
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", token):
        raise Http404
    return get_object_or_404(Registration.objects.select_related("meeting"), token=token)


@never_cache
def confirm(request, token):
    """The link in the email shows a button; only the button (POST) confirms.

    Mail scanners that follow links therefore cannot take a place.
    """
    registration = _registration_by_token(token)
    error = None
    if request.method == "POST":
        try:
            services.registration_confirm(registration=registration)
        except services.RegistrationError as exc:
            error = str(exc)
        else:
            return redirect("meetings:manage", token=token)
    return TemplateResponse(
        request,
        "meetings/confirm.html",
        {"registration": registration, "meeting": registration.meeting, "error": error},
        status=409 if error else 200,
    )


@never_cache  # personal, and its status changes: never from the page cache
def manage(request, token):
    """Someone's own registration: its status, and a link to cancel it."""
    registration = _registration_by_token(token)
    if request.method == "POST":
        # A page opened before cancelling asked first: ask now.
        return redirect("meetings:cancel", token=token)
    return TemplateResponse(
        request,
        "meetings/manage.html",
        {"registration": registration, "meeting": registration.meeting},
    )


@never_cache
def cancel(request, token):
    """Asks first; only the button (POST) cancels. Cancelling twice is harmless."""
    registration = _registration_by_token(token)
    error = None
    if request.method == "POST":
        try:
            services.registration_cancel(registration=registration)
        except services.RegistrationError as exc:
            error = str(exc)
        else:
            return redirect("meetings:manage", token=token)
    elif registration.status == Registration.Status.CANCELLED:
        return redirect("meetings:manage", token=token)
    elif registration.meeting.has_begun:
        # Say so before the button, not after it.
        error = _("This meeting has begun; a registration can no longer be cancelled.")
    return TemplateResponse(
        request,
        "meetings/cancel.html",
        {"registration": registration, "meeting": registration.meeting, "error": error},
        status=409 if error else 200,
    )


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def meeting_ics(request, slug):
    meeting = _get_meeting(request, slug)
    return _ics(meeting_calendar([meeting]), f"{meeting.slug}.ics")


def calendar_feed(request):
    """Every published meeting of every programme, for calendar clients to subscribe to."""
    meetings = Meeting.objects.filter(live=True).select_related("host")

    return _ics(meeting_calendar(meetings, name=NetworkSettings.load().name), "meetings.ics")


def programme_ics(request, slug):
    programme = get_object_or_404(Programme.objects, slug=slug)
    meetings = programme.meetings.filter(live=True).select_related("host")
    return _ics(meeting_calendar(meetings, name=programme.name), f"{programme.slug}.ics")


def _managed_meeting(request, slug) -> Meeting:
    meeting = _get_meeting(request, slug)
    if not selectors.can_manage(request.user, meeting):
        raise PermissionDenied
    return meeting


@login_required
def guests(request, slug):
    meeting = _managed_meeting(request, slug)
    if request.method == "POST":
        registration = meeting.registrations.filter(
            pk=parse_id(request.POST.get("registration"))
        ).first()
        undo = bool(request.POST.get("undo"))
        change = services.registration_check_in_undo if undo else services.registration_check_in
        if registration is None:
            messages.error(request, _("That registration does not exist."))
        else:
            try:
                change(registration=registration, by=request.user)
            except services.RegistrationError as error:
                messages.error(request, str(error))
            else:
                done = (
                    _("%(name)s is no longer checked in.") if undo else _("%(name)s is checked in.")
                )
                messages.success(request, done % {"name": registration.name})
        return redirect(request.get_full_path())
    form = GuestSearchForm(request.GET or None)
    query = form.cleaned_data.get("q", "").strip() if form.is_valid() else ""
    registrations = selectors.guest_list(meeting)
    if query:
        registrations = registrations.filter(name__icontains=query)
    return TemplateResponse(
        request,
        "meetings/guests.html",
        {
            "meeting": meeting,
            "form": form,
            "registrations": list(registrations),
            "figures": selectors.attendance_figures(meeting),
            "query": query,
            "show_needs": selectors.can_see_accessibility_needs(request.user, meeting),
            "checkin_refusal": services.checkin_refusal(meeting, request.user),
        },
    )


@login_required
def guests_csv(request, slug):
    """The guest list for the door: what the reader may see (see the selectors), nothing more."""
    meeting = _managed_meeting(request, slug)
    emails = selectors.can_see_guest_emails(request.user)
    needs = selectors.can_see_accessibility_needs(request.user, meeting)
    response, writer = csv_response(f"{meeting.slug}-guests.csv")
    writer.writerow(
        [
            _("Name"),
            *([_("Email address")] if emails else []),
            _("Organisation"),
            _("Municipality where you live"),
            *([_("Accessibility needs")] if needs else []),
            _("Status"),
            _("Checked in"),
        ]
    )
    for registration in selectors.guest_list(meeting):
        organisation = registration.person.organisation if registration.person else None
        writer.writerow(
            [
                registration.name,
                *([registration.email] if emails else []),
                organisation.name if organisation else "",
                registration.residence.name if registration.residence else "",
                *([registration.accessibility_needs] if needs else []),
                registration.get_status_display(),
                registration.checked_in_at.isoformat(timespec="minutes")
                if registration.checked_in_at
                else "",
            ]
        )
    return response


@login_required
def checkin_scan(request, code):
    """The QR code on a registration opens this page on the host's phone."""
    try:
        registration = services.registration_from_checkin_code(code)
    except services.RegistrationError as error:
        return TemplateResponse(request, "meetings/checkin.html", {"error": str(error)}, status=400)
    meeting = registration.meeting
    if not selectors.can_manage(request.user, meeting):
        raise PermissionDenied
    error = None
    if request.method == "POST":
        try:
            services.registration_check_in(registration=registration, by=request.user)
        except services.RegistrationError as exc:
            error = str(exc)
        else:
            messages.success(request, _("%(name)s is checked in.") % {"name": registration.name})
            return redirect("meetings:guests", slug=meeting.slug)
    return TemplateResponse(
        request,
        "meetings/checkin.html",
        {
            "registration": registration,
            "meeting": meeting,
            "error": error or services.checkin_refusal(meeting, request.user),
        },
        status=409 if error else 200,
    )


@coordinator_required
def attendance(request):
    meetings = with_translations(
        Meeting.objects.filter(status=Meeting.Status.HELD).select_related("host").order_by("-date")
    )
    figures = selectors.attendance_per_meeting(meetings)
    return TemplateResponse(
        request,
        "meetings/attendance.html",
        {
            "meetings": [(m, figures.get(m.pk, {})) for m in meetings],
            "organisations": selectors.attendance_by_organisation(),
        },
    )


@login_required
def availability(request, slug):
    """A pioneer states what their member organisation offers the programme."""
    programme = get_object_or_404(Programme.objects, slug=slug)
    person = getattr(request.user, "person", None)
    organisation = person.organisation if person else None
    if organisation is None or not current_members().filter(pk=organisation.pk).exists():
        messages.info(request, _("Only pioneers of a member organisation can state availability."))
        return redirect("meetings:upcoming")
    current = programme.availabilities.filter(organisation=organisation).first()
    initial = {"willing_to_host": True, "willing_to_chair": True}
    if current:
        initial = {
            "willing_to_host": current.willing_to_host,
            "willing_to_chair": current.willing_to_chair,
            "blocked_dates": "\n".join(
                date.fromisoformat(d).strftime("%d-%m-%Y") for d in current.blocked_dates
            ),
        }
    form = AvailabilityForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.availability_save(
            programme=programme, organisation=organisation, user=request.user, **form.cleaned_data
        )
        messages.success(request, _("Thank you; the coordinators plan with this."))
        return redirect("meetings:availability", slug=slug)
    return TemplateResponse(
        request,
        "meetings/availability.html",
        {"programme": programme, "organisation": organisation, "form": form, "current": current},
    )


def _plan_rows(plan, members, topics, data=None):
    """(planned, proposed cells, form) per meeting; no form for a meeting that exists."""
    rows = []
    for planned in plan.meetings:
        if planned.fixed:
            rows.append((planned, None, None))
            continue
        proposed = {
            "date": planned.date,
            "host_id": planned.host_id,
            "chair_id": planned.chair_id,
            "format": planned.format,
            "topic_id": planned.topic_id,
        }
        locked = {f"lock_{f}": f.removesuffix("_id") in planned.locked for f in PLAN_FIELDS}
        initial = {**proposed, **locked}
        form = PlanRowForm(
            data, prefix=f"m{planned.index}", initial=initial, members=members, topics=topics
        )
        rows.append((planned, proposed, form))
    return rows


@coordinator_required
def planner(request, slug):
    """The coordinator's view of the proposal: edit or lock cells, re-plan, create meetings."""
    programme = get_object_or_404(Programme.objects, slug=slug)
    action = request.POST.get("action")
    if request.method == "POST" and action == "unlock":
        services.plan_locks_save(programme=programme, locks={})
        messages.info(request, _("All cells are unlocked; the whole programme is planned anew."))
        return redirect("meetings:planner", slug=slug)
    plan = services.plan_programme(programme)
    if request.method == "POST" and action == "create":
        created = services.meetings_create_from_plan(programme=programme, plan=plan)
        messages.success(
            request,
            _("%(count)s draft meetings created; publish them in the admin.")
            % {"count": len(created)},
        )
        return redirect("meetings:planner", slug=slug)
    members = list(current_members().order_by("name"))
    topics = selectors.topic_choices()
    rows = _plan_rows(plan, members, topics, request.POST if request.method == "POST" else None)
    if request.method == "POST":
        forms = [(p, proposed, form) for p, proposed, form in rows if form is not None]
        if all(form.is_valid() for _p, _proposed, form in forms):
            locks = {p.index: form.locks(proposed) for p, proposed, form in forms}
            services.plan_locks_save(programme=programme, locks=locks)
            messages.success(request, _("Re-planned around the locked cells."))
            return redirect("meetings:planner", slug=slug)
        messages.error(request, _("Some cells are not valid; nothing was changed."))
    names = {m.pk: m.name for m in members}
    existing = {m.number: m for m in selectors.programme_meetings(programme)}
    return TemplateResponse(
        request,
        "meetings/planner.html",
        {
            "programme": programme,
            "plan": plan,
            "rows": [(p, form, existing.get(p.index + 1)) for p, _proposed, form in rows],
            "travel": sorted(
                ((names.get(pk, pk), km) for pk, km in plan.travel_km.items()),
                key=lambda row: -row[1],
            ),
        },
    )
