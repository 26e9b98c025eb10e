"""Demo network: its settings, home and content pages, members, accounts and fictional pioneers.

The 2018 Dutch pioneer network (OGP NL0037); the content is in ``data/network.toml``.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from pioneers.core.models import NetworkSettings, User
from pioneers.demo.files import read
from pioneers.network.models import ContactLog, Membership, Organisation, Person
from pioneers.network.services import municipalities_load
from pioneers.opendata.models import OpenDataPage
from pioneers.publications.privacy import privacy_page
from pioneers.publications.services import site_tree_ensure

DEMO_PASSWORD = "pioneers-demo"  # noqa: S105 - demo accounts exist only in the embedded demo
COORDINATOR_EMAIL = read("network")["accounts"]["coordinator"]["email"]
MEMBER_EMAIL = read("network")["accounts"]["member"]["email"]


def pages() -> list[dict]:
    """The content pages; the privacy statement's text comes from the publications app."""
    data = read("network")
    network, privacy = data["network"], data["privacy"]
    made = []
    for spec in data["pages"]:
        if spec.get("privacy"):
            spec = {
                "menu": spec["menu"],
                "footer": spec["footer"],
                **{
                    language: privacy_page(
                        language,
                        network=network[f"name_{language}"],
                        contact=network["contact_email"],
                        dpo=privacy["dpo"],
                        **privacy[language],
                    )
                    for language in ("nl", "en")
                },
            }
        if spec.get("opendata"):
            spec = {**spec, "model": OpenDataPage}
        made.append(spec)
    return made


def site_tree(stdout) -> None:
    made = site_tree_ensure(home=read("network")["home"], pages=pages())
    if made:
        stdout.write(f"  pages: {', '.join(made)} (in Dutch and English)\n")


def network(stdout) -> None:
    data = read("network")
    settings = NetworkSettings.load()
    if not settings.description_nl:
        for field, value in data["network"].items():
            setattr(settings, field, value)
        settings.save()
    if not Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY).exists():
        municipalities_load()
    addresses(stdout)
    by_code = {o.cbs_code: o for o in Organisation.objects.exclude(cbs_code="")}
    added = 0
    for member in data["members"]:
        organisation = by_code[member["code"]]
        if organisation.population is None and member.get("population"):
            organisation.population = member["population"]
            organisation.save(update_fields=["population"])
        if not organisation.memberships.exists():
            Membership.objects.create(
                organisation=organisation,
                status=Membership.Status.MEMBER,
                is_lead=member["lead"],
                member_since=member["since"],
            )
            added += 1
    civil_society = data["civil_society"]
    for spec in data["organisations"]:
        organisation, created = Organisation.objects.get_or_create(
            slug=spec["slug"], defaults={"name": spec["name"], "kind": spec["kind"]}
        )
        if created and "since" in spec:
            Membership.objects.create(
                organisation=organisation,
                status=Membership.Status.MEMBER,
                member_since=spec["since"],
            )
        if created and spec["kind"] == Organisation.Kind.CIVIL_SOCIETY:
            Membership.objects.create(
                organisation=organisation,
                status=Membership.Status.MEMBER,
                member_since=civil_society["member_since"],
            )
            ContactLog.objects.create(organisation=organisation, **civil_society["contact"])
    if added:
        stdout.write(f"  members: {added} municipalities\n")


def addresses(stdout) -> None:
    """General addresses for letters: real ones are public data, but the demo must never mail a
    town hall, so every address is @example.org and every postal address a made-up one."""
    missing = list(
        Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY, public_email="")
    )
    for number, organisation in enumerate(missing, start=1):
        organisation.public_email = f"gemeente@{organisation.slug}.example.org"
        organisation.postal_address = f"Postbus {number}\n{organisation.name}"
    Organisation.objects.bulk_update(missing, ["public_email", "postal_address"])
    if missing:
        stdout.write(f"  addresses: {len(missing)} municipalities (@example.org)\n")


def accounts(stdout) -> None:
    for role, spec in read("network")["accounts"].items():
        coordinator = role == "coordinator"
        user, created = User.objects.get_or_create(
            email=spec["email"],
            defaults={
                "first_name": spec["first_name"],
                "last_name": spec["last_name"],
                "is_staff": coordinator,
                "is_superuser": coordinator,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            EmailAddress.objects.create(user=user, email=spec["email"], verified=True, primary=True)
            stdout.write(f"  account: {spec['email']}\n")
        if "group" in spec:
            # Wagtail's migrations make "Editors" and core's "Coordinators" with their
            # permissions; a database emptied since (as tests do) gets the bare group, and the
            # demo's coordinator is a superuser anyway.
            user.groups.add(Group.objects.get_or_create(name=spec["group"])[0])


def demo_emails() -> set[str]:
    """Every address the demo makes an account for: its accounts and its pioneers."""
    data = read("network")
    emails = {spec["email"] for spec in data["accounts"].values()}
    emails.update(email for email, *_rest in _pioneer_rows(data))
    return emails


def _pioneer_rows(data: dict):
    """(email, first name, last name, role, job title) of each fictional pioneer, in order."""
    roles = data["pioneers"]["roles"]
    number = 0
    for last in data["pioneers"]["last_names"]:
        for first in data["pioneers"]["first_names"]:
            role = roles[number % len(roles)]
            yield f"{first.lower()}.{number + 1}@example.org", first, last, role
            number += 1


def pioneers(stdout) -> None:
    if Person.objects.exists():
        return
    data = read("network")
    members = [Organisation.objects.get(cbs_code=member["code"]) for member in data["members"]]
    number = 0
    for number, (email, first, last, role) in enumerate(_pioneer_rows(data), start=1):
        index = number - 1
        user = User.objects.create(email=email, first_name=first, last_name=last)
        user.set_unusable_password()
        user.save()
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        Person.objects.create(
            user=user,
            name=f"{first} {last}",
            organisation=members[index % len(members)],
            role=role["role"],
            job_title=role["job_title"],
            seniority="professional",
            public_profile=index % 3 != 0,
        )
    member = data["accounts"]["member"]
    Person.objects.create(
        user=User.objects.get(email=member["email"]),
        organisation=members[0],
        seniority="professional",
        public_profile=True,
        **member["person"],
    )
    stdout.write(f"  people: {number} fictional pioneers and the demo member\n")
