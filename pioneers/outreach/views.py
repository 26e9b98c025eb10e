"""Pages of the outreach app.

Coordinators write, send and follow campaigns on their own pages (like the magazine's PDF page:
``coordinator_required``, HTMX polling for the progress). A recipient answers through the
personal reply link and unsubscribes through the link in every email, without an account.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from pioneers.core.access import coordinator_required
from pioneers.outreach import selectors, services
from pioneers.outreach.forms import (
    CampaignForm,
    NewsletterForm,
    ReplyForm,
    TopicQuestionnaireForm,
)
from pioneers.outreach.models import Campaign


@coordinator_required
def campaigns(request):
    return TemplateResponse(
        request, "outreach/campaigns.html", {"campaigns": selectors.campaigns()}
    )


def _form_class(campaign: Campaign):
    return NewsletterForm if campaign.is_newsletter else CampaignForm


@coordinator_required
def campaign_new(request, purpose=Campaign.Purpose.LETTER):
    draft = Campaign(purpose=purpose)
    form = _form_class(draft)(request.POST or None, instance=draft)
    context = {"form": form, "purpose": purpose}
    if request.method == "POST" and form.is_valid():
        if draft.is_newsletter and "preview" in request.POST:  # count before saving anything
            context["preview"] = selectors.newsletter_preview(form.instance)
            return TemplateResponse(request, "outreach/campaign_form.html", context)
        try:
            campaign = services.campaign_create(
                user=request.user, purpose=purpose, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The campaign is saved as a draft."))
            return redirect("outreach:campaign", pk=campaign.pk)
    return TemplateResponse(request, "outreach/campaign_form.html", context)


@coordinator_required
def campaign_edit(request, pk):
    campaign = get_object_or_404(Campaign, pk=pk)
    if campaign.status != Campaign.Status.DRAFT:
        messages.warning(request, _("This campaign has been sent; it can no longer be changed."))
        return redirect("outreach:campaign", pk=pk)
    form = _form_class(campaign)(request.POST or None, instance=campaign)
    if request.method == "POST" and form.is_valid():
        try:
            services.campaign_update(campaign=campaign, **form.cleaned_data)
        except (ValidationError, services.OutreachError) as error:
            form.add_error(None, error if isinstance(error, ValidationError) else str(error))
        else:
            messages.success(request, _("The campaign is saved."))
            return redirect("outreach:campaign", pk=pk)
    return TemplateResponse(
        request, "outreach/campaign_form.html", {"form": form, "campaign": campaign}
    )


def _campaign_context(campaign: Campaign) -> dict:
    return {
        "campaign": campaign,
        "progress": selectors.campaign_progress(campaign),
        "failed": selectors.failed_recipients(campaign)[:50],
    }


@never_cache
@coordinator_required
def campaign(request, pk):
    campaign = get_object_or_404(Campaign.objects.select_related("province", "organisation"), pk=pk)
    context = _campaign_context(campaign)
    if campaign.status == Campaign.Status.DRAFT:
        context["preview"] = selectors.selection_preview(campaign)
    elif not campaign.is_newsletter:  # a newsletter's progress block has its counts
        context["campaign"] = services.letters_pdf_ensure(campaign=campaign)
        context["funnel"] = selectors.campaign_funnel(campaign)
        context["replies"] = selectors.campaign_replies(campaign)
    return TemplateResponse(request, "outreach/campaign.html", context)


@never_cache
@coordinator_required
def campaign_progress(request, pk):
    """The progress block alone, which the campaign page polls while sending."""
    campaign = get_object_or_404(Campaign, pk=pk)
    return TemplateResponse(request, "outreach/_progress.html", _campaign_context(campaign))


@coordinator_required
@require_POST
def campaign_send(request, pk):
    campaign = get_object_or_404(Campaign, pk=pk)
    try:
        count = services.campaign_queue(campaign=campaign)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("outreach:campaign", pk=pk)
    if count and campaign.is_newsletter:
        messages.success(
            request,
            ngettext(
                "The newsletter goes to %(count)d person.",
                "The newsletter goes to %(count)d people.",
                count,
            )
            % {"count": count},
        )
    elif count:
        messages.success(
            request,
            ngettext(
                "The campaign goes to %(count)d organisation.",
                "The campaign goes to %(count)d organisations.",
                count,
            )
            % {"count": count},
        )
    else:
        messages.info(request, _("This campaign was sent already; nothing was sent twice."))
    return redirect("outreach:campaign", pk=pk)


@never_cache
@coordinator_required
def campaign_letters(request, pk):
    """The printable letters' PDF once built; until then back to the campaign's page, which
    shows that they are being prepared."""
    campaign = get_object_or_404(Campaign, pk=pk)
    if not campaign.by_letter or campaign.status == Campaign.Status.DRAFT:
        messages.warning(request, _("Letters are printed for a sent campaign that goes on paper."))
        return redirect("outreach:campaign", pk=pk)
    campaign = services.letters_pdf_ensure(campaign=campaign)
    if campaign.letters_in_progress or not campaign.letters_file:
        messages.info(request, _("The printable letters are being prepared; try again shortly."))
        return redirect("outreach:campaign", pk=pk)
    try:
        handle = campaign.letters_file.open("rb")
    except FileNotFoundError:  # removed from storage: build it again
        services.letters_pdf_request(campaign=campaign, force=True)
        messages.info(request, _("The printable letters are being prepared; try again shortly."))
        return redirect("outreach:campaign", pk=pk)
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"campaign-{campaign.pk}.pdf",
        content_type="application/pdf",
    )


@never_cache
@coordinator_required
def campaign_letters_status(request, pk):
    """The letters block alone: polled while the PDF is being prepared; POST builds it again."""
    campaign = get_object_or_404(Campaign, pk=pk)
    if not campaign.by_letter or campaign.status == Campaign.Status.DRAFT:
        raise Http404
    if request.method == "POST":
        campaign = services.letters_pdf_request(campaign=campaign)
        if not request.htmx:
            return redirect("outreach:campaign", pk=pk)
    return TemplateResponse(request, "outreach/_letters.html", {"campaign": campaign})


def _link_unknown(request, kind: str):
    return render(request, "outreach/link_unknown.html", {"kind": kind}, status=404)


@never_cache  # personal: never in the page cache
def reply(request, token):
    recipient = services.recipient_by_token(token)
    if recipient is None:
        return _link_unknown(request, "reply")
    services.reply_opened(recipient=recipient)
    initial = {
        "answer": recipient.answer,
        "contact_name": recipient.contact_name,
        "contact_email": recipient.contact_email,
        "contact_phone": recipient.contact_phone,
        "message": recipient.message,
    }
    form = ReplyForm(request.POST or None, initial=initial)
    topics_form = None
    topics = {}
    if recipient.campaign.topic_questionnaire and recipient.organisation_id:
        topics_form = TopicQuestionnaireForm(
            request.POST or None,
            initial=selectors.questionnaire_initial(recipient),
            prefix="topics",  # its own ids: two error summaries can show at once
        )
    if (
        request.method == "POST"
        and form.is_valid()
        and (topics_form is None or topics_form.is_valid())
    ):
        if topics_form is not None:
            topics = {
                "ranking": topics_form.ranking,
                "proposals": topics_form.cleaned_data["proposals"],
            }
        try:
            services.reply_save(recipient=recipient, **form.cleaned_data, **topics)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return TemplateResponse(
                request,
                "outreach/reply_thanks.html",
                {"recipient": recipient, "answered_before": bool(recipient.responded_at)},
            )
    subject, _body = recipient.campaign.text(translation.get_language())
    return TemplateResponse(
        request,
        "outreach/reply.html",
        {"recipient": recipient, "form": form, "topics_form": topics_form, "subject": subject},
    )


@csrf_exempt  # RFC 8058: mail programs POST "List-Unsubscribe=One-Click" without a form
@never_cache
def unsubscribe(request, token):
    email = services.unsubscribe_email(token)
    if email is None:
        return _link_unknown(request, "unsubscribe")
    if request.method == "POST":
        services.unsubscribe(email=email)
        return TemplateResponse(request, "outreach/unsubscribed.html", {"email": email})
    return TemplateResponse(
        request,
        "outreach/unsubscribe.html",
        {"email": email, "done": services.is_unsubscribed(email)},
    )
