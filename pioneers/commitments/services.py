"""Writes of the commitments app: the CSV import of an action plan's commitments.

The import runs in two steps: ``read_commitments_csv`` turns the file into rows (plain data,
kept in the session between the preview and the confirmation) and row-level errors;
``commitments_preview`` says what each row would do, with the errors only the database can tell
(a code of another action plan); ``import_commitments`` writes them all in one transaction,
updating a commitment that has the row's code, so an import done twice creates nothing twice.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from pioneers.commitments.models import ActionPlan, Commitment
from pioneers.core.translations import default_language, translation_save
from pioneers.network.models import Organisation

MAX_BYTES = 2 * 1024 * 1024
SEPARATOR = ";"  # between the names of supporting institutions

# The text columns: ``title``, ``title_nl``, ``title_en``... A column without a language is in
# English, the language the Open Government Partnership publishes its plans in.
TEXT_COLUMNS = {
    "title": "title",
    "description": "description",
    "policy_area": "policy_areas",
    "policy_areas": "policy_areas",
}
PLAIN_COLUMNS = (
    "code",
    "action_plan",
    "lead_institution",
    "supporting_institutions",
    "start",
    "end",
)
BARE_LANGUAGE = "en"
CODE = re.compile(r"^[A-Z0-9][A-Z0-9._-]{0,19}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PLAN = re.compile(r"^(\d{4})(?:\s*[-–/]\s*(\d{4}))?$")
MAX_LENGTHS = {"title": 300, "policy_areas": 300}


@dataclass(frozen=True)
class RowError:
    """What is wrong on a line of the file (line 1 holds the column names; 0 is the whole
    file)."""

    line: int
    message: str


@dataclass
class PreviewRow:
    line: int
    code: str
    title: str
    language: str  # the title's language
    plan: str  # the action plan's title
    plan_is_new: bool
    action: str  # "create", "update" or "unchanged"


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def network_language() -> str:
    return default_language()[:2]


def known_columns() -> list[str]:
    """The column names the import understands, for its messages and the documentation."""
    columns = list(PLAIN_COLUMNS)
    for name in ("title", "description", "policy_area"):
        columns.append(name)
        columns.extend(f"{name}_{language}" for language in _languages())
    return columns


def _column(header: str):
    """("plain", name) or ("text", field, language) for a column name, None if unknown."""
    name = header.strip().lower().replace(" ", "_").replace("-", "_")
    if name in PLAIN_COLUMNS:
        return ("plain", name)
    if name in TEXT_COLUMNS:
        return ("text", TEXT_COLUMNS[name], BARE_LANGUAGE)
    base, _sep, language = name.rpartition("_")
    if base in TEXT_COLUMNS and language in _languages():
        return ("text", TEXT_COLUMNS[base], language)
    return None


def _decode(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _delimiter(first_line: str) -> str:
    # Spreadsheets set to Dutch save CSV with semicolons.
    if "," not in first_line:
        for candidate in (";", "\t"):
            if candidate in first_line:
                return candidate
    return ","


def _date(value: str):
    """A ``YYYY-MM-DD`` date as text, "" for an empty cell, None when wrong."""
    if not value:
        return ""
    if not DATE.match(value):
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        return None


class _Organisations:
    """The platform's organisations by name, case-insensitive; where two share a name (the
    municipality and the province of Utrecht), by their web name (slug) too."""

    def __init__(self):
        self.by_name: dict[str, list[int]] = {}
        self.by_slug: dict[str, int] = {}
        self.slugs: dict[int, str] = {}
        for pk, name, slug in Organisation.objects.annotate(lower=Lower("name")).values_list(
            "pk", "lower", "slug"
        ):
            self.by_name.setdefault(name.strip(), []).append(pk)
            self.by_slug[slug.lower()] = pk
            self.slugs[pk] = slug

    def find(self, name: str) -> int | None:
        found = self.by_name.get(name.lower(), [])
        if len(found) == 1:
            return found[0]
        return self.by_slug.get(name.lower())

    def errors(self, names: list[str]) -> list[str]:
        errors = []
        for name in names:
            if self.find(name) is not None:
                continue
            found = self.by_name.get(name.lower(), [])
            if found:
                errors.append(
                    _(
                        "More than one organisation is called “%(name)s”: write its web name "
                        "instead, one of %(slugs)s."
                    )
                    % {
                        "name": name[:200],
                        "slugs": ", ".join(sorted(self.slugs[pk] for pk in found)),
                    }
                )
            else:
                errors.append(
                    _(
                        "No organisation is called “%(name)s”. Add it in the admin (Network > "
                        "Organisations) or write its name as it is there."
                    )
                    % {"name": name[:200]}
                )
        return errors


def read_commitments_csv(data: bytes) -> tuple[list[dict], list[RowError]]:
    """The rows of an import file as plain data, and what is wrong with the file or its rows.

    Each row: ``line``, ``code``, ``plan`` ([first year, last year or None] or None), ``text``
    ({language: {field: text}} for the text columns given), and for the columns given:
    ``lead_institution`` (a name or ""), ``supporting_institutions`` (names), ``starts_on`` and
    ``ends_on`` (ISO dates or "").
    """
    if len(data) > MAX_BYTES:
        return [], [RowError(0, _("The file is larger than 2 MB."))]
    text = _decode(data)
    if text is None:
        return [], [
            RowError(
                0,
                _(
                    "The file is not UTF-8 text. Save it from your spreadsheet as "
                    "“CSV UTF-8” and upload it again."
                ),
            )
        ]
    if not text.strip():
        return [], [RowError(0, _("The file is empty."))]
    if "\x00" in text:
        return [], [RowError(0, _("The file is not a CSV file."))]
    first_line = text.lstrip().splitlines()[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
    try:
        records = []
        line = 1
        for record in reader:
            records.append((line, record))
            line = reader.line_num + 1
    except csv.Error as error:
        return [], [RowError(reader.line_num, _("The file cannot be read as CSV: %s") % error)]
    records = [(line, record) for line, record in records if any(c.strip() for c in record)]
    header_line, header = records[0]
    columns, errors, seen, unknown = [], [], {}, []
    for name in header:
        column = _column(name)
        if column is None:
            if name.strip():
                unknown.append(name.strip())
            columns.append(None)
            continue
        if column in seen:
            errors.append(
                RowError(
                    header_line,
                    _("The columns “%(first)s” and “%(second)s” give the same thing.")
                    % {"first": seen[column], "second": name.strip()},
                )
            )
        seen[column] = name.strip()
        columns.append(column)
    if unknown:
        errors.append(
            RowError(
                header_line,
                ngettext(
                    "Unknown column: %(columns)s. The columns are: %(known)s.",
                    "Unknown columns: %(columns)s. The columns are: %(known)s.",
                    len(unknown),
                )
                % {"columns": ", ".join(unknown), "known": ", ".join(known_columns())},
            )
        )
    missing = []
    if ("plain", "code") not in seen:
        missing.append("code")
    if not any(c[0] == "text" and c[1] == "title" for c in seen):
        missing.append(_("title (or %(columns)s)") % {"columns": _title_columns()})
    if missing:
        errors.append(
            RowError(
                header_line,
                ngettext(
                    "A required column is missing: %(columns)s.",
                    "Required columns are missing: %(columns)s.",
                    len(missing),
                )
                % {"columns": "; ".join(missing)},
            )
        )
    if errors:
        return [], errors
    if len(records) == 1:
        return [], [RowError(0, _("The file has column names but no commitments."))]

    organisations = _Organisations()
    rows, first_line_of = [], {}
    for line, record in records[1:]:
        row, row_errors = _read_row(line, record, columns, organisations)
        code = row.get("code")
        if code:
            if code in first_line_of:
                row_errors.append(
                    _("The code %(code)s is on line %(line)s too.")
                    % {"code": code, "line": first_line_of[code]}
                )
            else:
                first_line_of[code] = line
        errors.extend(RowError(line, message) for message in row_errors)
        rows.append(row)
    return rows, errors


def _title_columns() -> str:
    return ", ".join(f"title_{language}" for language in _languages())


def _read_row(line: int, record: list[str], columns: list, organisations: _Organisations):
    errors = []
    if len(record) > len(columns):
        extra = [value for value in record[len(columns) :] if value.strip()]
        if extra:
            errors.append(_("This line has more cells than there are columns."))
    values = {}
    for column, value in zip(columns, record, strict=False):
        if column is not None:
            values[column] = value.strip()
    row: dict = {"line": line, "text": {}}

    code = values.get(("plain", "code"), "").upper()
    row["code"] = code
    if not code:
        errors.append(_("The code is missing."))
    elif not CODE.match(code):
        errors.append(
            _("The code “%(code)s” is not a code like NL0037 (letters and digits).")
            % {"code": code[:40]}
        )

    plan = values.get(("plain", "action_plan"), "")
    row["plan"] = None
    if plan:
        match = PLAN.match(plan)
        first = int(match.group(1)) if match else None
        last = int(match.group(2)) if match and match.group(2) else None
        if not match or not 1990 <= first <= 2100 or (last is not None and not first <= last):
            errors.append(
                _("The action plan “%(value)s” is not a year like 2018 or years like 2018-2020.")
                % {"value": plan[:40]}
            )
        else:
            row["plan"] = [first, last]

    for column, value in values.items():
        if column[0] == "text":
            _kind, field, language = column
            row["text"].setdefault(language, {})[field] = value
            if field in MAX_LENGTHS and len(value) > MAX_LENGTHS[field]:
                errors.append(
                    _("The %(field)s is longer than %(count)s characters.")
                    % {"field": _field_name(field), "count": MAX_LENGTHS[field]}
                )
    if not any(text.get("title") for text in row["text"].values()):
        errors.append(_("The title is missing."))

    for name, key in (("start", "starts_on"), ("end", "ends_on")):
        if ("plain", name) in values:
            value = _date(values[("plain", name)])
            if value is None:
                errors.append(
                    _("The date “%(value)s” is not a date like 2018-07-01.")
                    % {"value": values[("plain", name)][:40]}
                )
            else:
                row[key] = value
    if row.get("starts_on") and row.get("ends_on") and row["ends_on"] < row["starts_on"]:
        errors.append(_("The end cannot be before the start."))

    if ("plain", "lead_institution") in values:
        name = values[("plain", "lead_institution")]
        row["lead_institution"] = name
        if name:
            errors.extend(organisations.errors([name]))
    if ("plain", "supporting_institutions") in values:
        names = [
            name.strip()
            for name in values[("plain", "supporting_institutions")].split(SEPARATOR)
            if name.strip()
        ]
        row["supporting_institutions"] = names
        errors.extend(organisations.errors(names))
    return row, errors


def _field_name(field: str) -> str:
    return {
        "title": _("title"),
        "description": _("description"),
        "policy_areas": _("policy areas"),
    }[field]


# --- what the rows would do, and doing it ------------------------------------------------------


def _plan_years(action_plan: ActionPlan, row: dict) -> tuple[int, int | None]:
    if row.get("plan"):
        return row["plan"][0], row["plan"][1]
    return action_plan.start_year, action_plan.end_year


def action_plan_new(country: str, first: int, last: int | None = None) -> ActionPlan:
    """An action plan not saved yet, titled in the network's language; ``import_commitments``
    saves it when a row goes to it."""
    country = country.strip().upper()
    last = last or first + 2
    return ActionPlan(
        country=country,
        start_year=first,
        end_year=last,
        title=_plan_title(country, first, last, network_language()),
    )


def _plan_title(country: str, first: int, last: int, language: str) -> str:
    with translation.override(language):
        return _("Action plan %(country)s %(first)s–%(last)s") % {
            "country": country,
            "first": first,
            "last": last,
        }


class _Plans:
    """The action plans the rows go to, by first year: the chosen one, those of the same country
    that exist, and new ones (unsaved until the import)."""

    def __init__(self, action_plan: ActionPlan):
        self.country = (action_plan.country or "").upper()
        self.chosen = action_plan
        self.by_year = {
            plan.start_year: plan for plan in ActionPlan.objects.filter(country=self.country)
        }
        self.by_year[action_plan.start_year] = action_plan

    def get(self, first: int, last: int | None) -> ActionPlan:
        plan = self.by_year.get(first)
        if plan is None:
            plan = self.by_year[first] = action_plan_new(self.country, first, last)
        return plan


def _original_language(row: dict, existing: Commitment | None) -> str:
    """The language of the original's text: the network's when the row has it, else the one
    the commitment was written in, else English."""
    network = network_language()
    if row["text"].get(network, {}).get("title"):
        return network
    if existing is not None:
        return existing.written_in
    for language in (BARE_LANGUAGE, *_languages()):
        if row["text"].get(language, {}).get("title"):
            return language
    return BARE_LANGUAGE


def _changes(row: dict, existing: Commitment | None, plan: ActionPlan, institutions) -> dict:
    """The original's fields the row sets: a column in the file replaces the value, a column not
    in the file leaves it as it is."""
    language = _original_language(row, existing)
    fields = {"code": row["code"], "action_plan": plan}
    text = row["text"].get(language, {})
    if text.get("title"):
        fields.update(text)
        fields["written_in"] = language
    if "starts_on" in row:
        fields["starts_on"] = (
            datetime.date.fromisoformat(row["starts_on"]) if row["starts_on"] else None
        )
    if "ends_on" in row:
        fields["ends_on"] = datetime.date.fromisoformat(row["ends_on"]) if row["ends_on"] else None
    if "lead_institution" in row:
        name = row["lead_institution"]
        fields["lead_institution_id"] = institutions.find(name) if name else None
    return fields


def _translations(row: dict, original_language: str) -> dict[str, dict]:
    """The texts of the row in other languages than the original's, with a title."""
    return {
        language: text
        for language, text in row["text"].items()
        if language != original_language
        and text.get("title")
        and language in _languages()
        and language != network_language()
    }


def _differs(obj, fields: dict) -> bool:
    return any(getattr(obj, name) != value for name, value in fields.items())


def commitments_preview(
    action_plan: ActionPlan, rows: list[dict]
) -> tuple[list[PreviewRow], list[RowError]]:
    """What each row would do in ``action_plan`` (saved, or new and unsaved): create or update a
    commitment, or nothing; and the errors only the database can tell. Writes nothing."""
    plans = _Plans(action_plan)
    existing = {
        c.code: c
        for c in Commitment.objects.filter(code__in=[r["code"] for r in rows]).select_related(
            "action_plan"
        )
    }
    institutions = _Organisations()
    preview, errors = [], []
    for row in rows:
        plan = plans.get(*_plan_years(action_plan, row))
        commitment = existing.get(row["code"])
        if commitment is not None and (
            commitment.action_plan.country != plans.country
            or commitment.action_plan.start_year != plan.start_year
        ):
            errors.append(
                RowError(
                    row["line"],
                    _("The code %(code)s belongs to another action plan: %(plan)s.")
                    % {"code": row["code"], "plan": commitment.action_plan},
                )
            )
            commitment = None
        language = _original_language(row, commitment)
        title = row["text"].get(language, {}).get("title") or (
            commitment.title if commitment else ""
        )
        if commitment is None:
            action = "create"
        else:
            action = "unchanged"
            names = row.get("supporting_institutions")
            fields = _changes(row, commitment, plan, institutions)
            if _differs(commitment, fields) or (
                names is not None
                and {institutions.find(name) for name in names}
                != {o.pk for o in commitment.supporting_institutions.all()}
            ):
                action = "update"
            else:
                for other, text in _translations(row, language).items():
                    translated = commitment.get_translations().filter(locale__language_code=other)
                    if not any(not _differs(t, text) for t in translated):
                        action = "update"
        preview.append(
            PreviewRow(
                line=row["line"],
                code=row["code"],
                title=title,
                language=language,
                plan=plan.title,
                plan_is_new=plan.pk is None,
                action=action,
            )
        )
    return preview, errors


class CommitmentsImportError(ValidationError):
    """The rows cannot be imported; ``errors`` says why, line by line."""

    def __init__(self, errors: list[RowError]):
        self.row_errors = errors
        super().__init__([f"{e.line}: {e.message}" for e in errors])


@transaction.atomic
def import_commitments(action_plan: ActionPlan, rows: list[dict]) -> tuple[int, int]:
    """Create or update (by code) the commitments of the rows, in ``action_plan`` or, for a row
    with its own ``action_plan`` year, in the country's action plan of that first year (created
    when missing). All or nothing: raises ``CommitmentsImportError`` when a row is wrong.
    Returns how many commitments were created and how many changed."""
    preview, errors = commitments_preview(action_plan, rows)
    errors += _still_valid(rows)
    if errors:
        raise CommitmentsImportError(errors)
    plans = _Plans(action_plan)
    institutions = _Organisations()
    existing = {c.code: c for c in Commitment.objects.filter(code__in=[r["code"] for r in rows])}
    created = updated = 0
    for row, seen in zip(rows, preview, strict=True):
        if seen.action == "unchanged":
            continue
        plan = plans.get(*_plan_years(action_plan, row))
        if plan.pk is None:
            plan.full_clean()
            plan.save()
            _translate_plan(plan)
        commitment = existing.get(row["code"])
        previous_language = commitment.written_in if commitment else None
        previous_text = (
            {f: getattr(commitment, f) for f in Commitment.translatable_fields}
            if commitment
            else {}
        )
        fields = _changes(row, commitment, plan, institutions)
        if commitment is None:
            commitment = Commitment()
            created += 1
        else:
            updated += 1
        for name, value in fields.items():
            setattr(commitment, name, value)
        commitment.full_clean(exclude=["locale", "translation_key"])
        commitment.save()
        if "supporting_institutions" in row:
            commitment.supporting_institutions.set(
                [institutions.find(name) for name in row["supporting_institutions"]]
            )
        language = commitment.written_in
        texts = _translations(row, language)
        if (
            previous_language
            and previous_language != language
            and previous_language != network_language()
            and previous_language not in texts
        ):
            # An English original that now has Dutch text keeps its English as a translation.
            texts[previous_language] = previous_text
        for other, text in texts.items():
            translation_save(commitment, language=other, **text)
    return created, updated


def _still_valid(rows: list[dict]) -> list[RowError]:
    """The institutions named may have been removed since the file was read."""
    organisations = _Organisations()
    errors = []
    for row in rows:
        names = list(row.get("supporting_institutions") or [])
        if row.get("lead_institution"):
            names.append(row["lead_institution"])
        errors.extend(RowError(row["line"], message) for message in organisations.errors(names))
    return errors


def _translate_plan(plan: ActionPlan) -> None:
    for language in _languages():
        if language != network_language():
            translation_save(
                plan,
                language=language,
                title=_plan_title(plan.country, plan.start_year, plan.end_year, language),
            )
