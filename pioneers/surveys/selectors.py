"""Reading surveys: the results per question, per group (organisation, province, role), and the
comparison of two rounds.

Only submitted responses count. Everything is counted by the database (answers grouped by
question, statement and value) in a fixed number of queries whatever the number of questions or
responses; Python only adds the groups up and writes the percentages. A group of fewer than
``MIN_GROUP`` respondents is never shown, on any page and to anyone, coordinators included:
with a municipality's two officials answering, their results would be theirs.
"""

import functools
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Max, Min, Q, Sum
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from pioneers.network.models import Organisation, Person
from pioneers.surveys.models import (
    LIKERT_POINTS,
    Answer,
    Question,
    Response,
    Survey,
    likert_options,
)

MIN_GROUP = 5
GROUPINGS = ("organisation", "province", "role")
# A group's key on a response, and (prefixed with "response__") on an answer.
_KEYS = {
    "organisation": "organisation_id",
    "province": "organisation__province_id",
    "role": "role",
}
SCALE_KINDS = {Question.Kind.LIKERT, Question.Kind.MATRIX}
MEAN_KINDS = {Question.Kind.LIKERT, Question.Kind.NUMBER, Question.Kind.MATRIX}
CHOICE_KINDS = {Question.Kind.LIKERT, Question.Kind.SINGLE, Question.Kind.MULTIPLE}
TEXT_KINDS = {Question.Kind.SHORT_TEXT, Question.Kind.LONG_TEXT}


# --- counting --------------------------------------------------------------------------------


@dataclass
class Tally:
    """What the database counted for one group of responses."""

    respondents: int = 0
    # (question id, item) -> {value: number of answers}
    values: dict = field(default_factory=lambda: defaultdict(Counter))
    # question id -> respondents who answered it (a matrix: at least one statement)
    answered: Counter = field(default_factory=Counter)
    # multiple choice: question id -> {choice: number of respondents who chose it}
    chosen: dict = field(default_factory=lambda: defaultdict(Counter))
    texts: dict = field(default_factory=lambda: defaultdict(list))
    # number questions: question id -> (answers, sum, lowest, highest)
    numbers: dict = field(default_factory=dict)

    def add(self, other: "Tally") -> "Tally":
        self.respondents += other.respondents
        for key, counter in other.values.items():
            self.values[key].update(counter)
        self.answered.update(other.answered)
        for key, counter in other.chosen.items():
            self.chosen[key].update(counter)
        for key, texts in other.texts.items():
            self.texts[key].extend(texts)
        for key, (n, added, low, high) in other.numbers.items():
            if key in self.numbers:
                was = self.numbers[key]
                n, added = n + was[0], added + was[1]
                low, high = min(low, was[2]), max(high, was[3])
            self.numbers[key] = (n, added, low, high)
        return self


def total(tallies) -> Tally:
    result = Tally()
    for tally in tallies:
        result.add(tally)
    return result


def _tally(
    where: dict,
    *,
    questions: list[Question],
    key: str | tuple[str, ...] | None = None,
    texts: bool = False,
) -> dict:
    """{group key: Tally} of the responses that match ``where`` (lookups on Response); without
    ``key`` one group, None; with a tuple of keys (e.g. the survey and an organisation) the
    group key is the tuple of their values. Five queries at most, six with the texts."""
    responses = Response.objects.filter(submitted_on__isnull=False, **where).order_by()
    answers = Answer.objects.filter(
        response__submitted_on__isnull=False,
        **{f"response__{lookup}": value for lookup, value in where.items()},
    ).order_by()
    # Without a key every response is in one group.
    response_keys = (key,) if isinstance(key, str) else tuple(key or ("survey_id",))
    answer_keys = [f"response__{response_key}" for response_key in response_keys]
    tallies: dict = defaultdict(Tally)

    def group(*values):
        if not key:
            return None
        return values[0] if isinstance(key, str) else values

    for *values, number in responses.values_list(*response_keys).annotate(n=Count("id")):
        tallies[group(*values)].respondents += number
    if not tallies:
        return {}
    # Number questions have as many values as answers: the database sums them up instead.
    numeric = [q.pk for q in questions if q.kind == Question.Kind.NUMBER]
    if numeric:
        rows = (
            answers.filter(question_id__in=numeric, number__isnull=False)
            .values_list("question_id", *answer_keys)
            .annotate(n=Count("id"), added=Sum("number"), low=Min("number"), high=Max("number"))
        )
        for question_id, *values, count, added, low, high in rows:
            tally = tallies[group(*values)]
            tally.numbers[question_id] = (count, Decimal(added), low, high)
            tally.answered[question_id] += count
    rows = (
        answers.filter(number__isnull=False)
        .exclude(question_id__in=numeric)
        .values_list("question_id", "item", "number", *answer_keys)
        .annotate(n=Count("id"))
    )
    for question_id, item, number, *values, count in rows:
        tallies[group(*values)].values[(question_id, item)][number] += count
    # One answer per response, question and statement: who answered a question with one value
    # is the sum of its counts; only a matrix (several statements) and texts need a count of
    # their own.
    single = {
        q.pk for q in questions if q.kind not in TEXT_KINDS and q.kind != Question.Kind.MATRIX
    }
    for tally in tallies.values():
        for (question_id, _item), counter in tally.values.items():
            if question_id in single:
                tally.answered[question_id] += sum(counter.values())
    counted = [q.pk for q in questions if q.kind in TEXT_KINDS or q.kind == Question.Kind.MATRIX]
    if counted:
        rows = (
            answers.filter(question_id__in=counted)
            .filter(Q(number__isnull=False) | ~Q(text=""))
            .values_list("question_id", *answer_keys)
            .annotate(n=Count("response_id", distinct=True))
        )
        for question_id, *values, count in rows:
            tallies[group(*values)].answered[question_id] += count
    multiple = [q.pk for q in questions if q.kind == Question.Kind.MULTIPLE]
    if multiple:
        # Grouped by the list of choices itself: a handful of combinations, not every answer.
        rows = (
            answers.filter(question_id__in=multiple)
            .values_list("question_id", "choices", *answer_keys)
            .annotate(n=Count("id"))
        )
        for question_id, choices, *values, count in rows:
            chosen = {c for c in choices if isinstance(c, int)} if isinstance(choices, list) else ()
            if chosen:
                tally = tallies[group(*values)]
                tally.answered[question_id] += count
                tally.chosen[question_id].update(dict.fromkeys(chosen, count))
    written = [q.pk for q in questions if q.kind in TEXT_KINDS]
    if texts and written:
        rows = (
            answers.filter(question_id__in=written)
            .exclude(text="")
            .order_by("pk")
            .values_list("question_id", "text", *answer_keys)
        )
        for question_id, text, *values in rows:
            tallies[group(*values)].texts[question_id].append(text)
    return dict(tallies)


# --- what a page shows -----------------------------------------------------------------------


@dataclass
class Row:
    """One option of a question: how many chose it, and what share of those who answered."""

    number: int
    label: str
    count: int
    percent: float | None


@dataclass
class Scale:
    """The answers to one scale: a question, or one statement of a matrix."""

    label: str
    n: int
    rows: list[Row]
    mean: float | None


@dataclass
class QuestionResult:
    question: Question
    n: int  # respondents who answered it
    rows: list[Row] = field(default_factory=list)  # likert, single and multiple choice
    mean: float | None = None  # likert, number; a matrix: of all its statements
    minimum: Decimal | None = None  # number
    maximum: Decimal | None = None
    items: list[Scale] = field(default_factory=list)  # matrix
    texts: list[str] = field(default_factory=list)  # text questions, for coordinators
    groups: list["GroupResult"] = field(default_factory=list)  # the breakdown asked for

    @property
    def kind(self) -> str:
        return self.question.kind

    @property
    def text(self) -> str:
        return self.question.localized_text

    @property
    def is_text(self) -> bool:
        return self.question.kind in TEXT_KINDS

    @property
    def chart_rows(self) -> list[tuple[str, float | None]]:
        """(label, percentage) for the chart; a matrix: (statement, mean) of its statements."""
        if self.items:
            return [(item.label, item.mean) for item in self.items]
        return [(capfirst(row.label), row.percent) for row in self.rows]


@dataclass
class GroupResult:
    key: object
    label: str
    respondents: int
    result: QuestionResult


@dataclass
class SurveyResults:
    survey: Survey
    respondents: int
    shown: bool  # at least MIN_GROUP respondents
    questions: list[QuestionResult]
    group_by: str | None = None
    groups_shown: int = 0
    groups_hidden: int = 0  # groups of fewer than MIN_GROUP respondents


def _percent(count: int, n: int) -> float | None:
    return round(100 * count / n, 1) if n else None


def _mean(counter: Counter, low=None, high=None) -> tuple[float | None, int]:
    """The mean of the counted values (within low..high when given) and how many there were."""
    answers = 0
    added = Decimal(0)
    for value, count in counter.items():
        if (low is not None and value < low) or (high is not None and value > high):
            continue
        answers += count
        added += value * count
    return (round(float(added / answers), 2) if answers else None), answers


@functools.lru_cache(maxsize=16)
def _likert(language: str) -> list[tuple[int, str]]:
    # Asked for every question of every group: translated once per process and language.
    return likert_options()


def _options(question: Question) -> list[tuple[int, str]]:
    """The question's options in the active language, worked out once per question object."""
    language = translation.get_language()
    if question.kind == Question.Kind.LIKERT:
        return _likert(language)
    known = question.__dict__.get("_result_options")
    if known is None or known[0] != language:
        known = (language, question.options())
        question.__dict__["_result_options"] = known
    return known[1]


def _scale(label: str, counter: Counter) -> Scale:
    mean, n = _mean(counter, 1, LIKERT_POINTS)
    rows = [
        Row(number, name, counter.get(Decimal(number), 0), None)
        for number, name in _likert(translation.get_language())
    ]
    for row in rows:
        row.percent = _percent(row.count, n)
    return Scale(label=label, n=n, rows=rows, mean=mean)


def question_result(question: Question, tally: Tally, *, texts: bool = False) -> QuestionResult:
    """One question's figures from a group's tally (labels in the active language)."""
    n = tally.answered.get(question.pk, 0)
    result = QuestionResult(question=question, n=n)
    kind = question.kind
    if kind in (Question.Kind.LIKERT, Question.Kind.SINGLE):
        counter = tally.values.get((question.pk, 0), Counter())
        result.rows = [
            Row(number, label, counter.get(Decimal(number), 0), None)
            for number, label in _options(question)
        ]
        if kind == Question.Kind.LIKERT:
            result.mean, _n = _mean(counter, 1, LIKERT_POINTS)
    elif kind == Question.Kind.MULTIPLE:
        counter = tally.chosen.get(question.pk, Counter())
        result.rows = [
            Row(number, label, counter.get(number, 0), None) for number, label in _options(question)
        ]
    elif kind == Question.Kind.NUMBER and question.pk in tally.numbers:
        count, added, result.minimum, result.maximum = tally.numbers[question.pk]
        result.mean = round(float(added / count), 2)
    elif kind == Question.Kind.MATRIX:
        combined = Counter()
        for number, label in _options(question):
            counter = tally.values.get((question.pk, number), Counter())
            combined.update(counter)
            result.items.append(_scale(label, counter))
        result.mean, _n = _mean(combined, 1, LIKERT_POINTS)
    elif kind in TEXT_KINDS and texts:
        result.texts = list(tally.texts.get(question.pk, []))
    # Multiple choice: a share of those who answered; together more than 100%.
    for row in result.rows:
        row.percent = _percent(row.count, n)
    return result


def question_mean(question: Question, tally: Tally) -> tuple[float | None, int]:
    """Only the average of a likert, number or matrix question (all its statements), and how
    many answered it: what a comparison per organisation needs, without the rest."""
    if question.kind == Question.Kind.NUMBER:
        if question.pk not in tally.numbers:
            return None, 0
        count, added, _low, _high = tally.numbers[question.pk]
        return round(float(added / count), 2), count
    if question.kind == Question.Kind.MATRIX:
        combined = Counter()
        for (question_id, _item), counter in tally.values.items():
            if question_id == question.pk:
                combined.update(counter)
    else:
        combined = tally.values.get((question.pk, 0), Counter())
    return _mean(combined, 1, LIKERT_POINTS)[0], tally.answered.get(question.pk, 0)


def survey_questions(surveys) -> list[Question]:
    """The questions of one or more surveys in their order, section headings left out."""
    return list(
        Question.objects.filter(survey__in=surveys)
        .exclude(kind=Question.Kind.SECTION)
        .order_by("survey_id", "sort_order", "pk")
    )


def group_labels(group_by: str, keys) -> dict:
    """{key: name} of the groups: organisations' and provinces' names, roles' labels."""
    keys = set(keys)
    if group_by == "role":
        roles = dict(Person.Role.choices)
        labels = {key: str(roles.get(key, key)) for key in keys if key}
        labels[""] = _("role not given")
        labels[None] = labels[""]
        return labels
    found = [key for key in keys if key is not None]
    labels = dict(Organisation.objects.filter(pk__in=found).values_list("pk", "name"))
    labels[None] = _("no organisation") if group_by == "organisation" else _("no province")
    return labels


def survey_results(
    survey: Survey, *, group_by: str | None = None, language: str, texts: bool = False
) -> SurveyResults:
    """The results of a survey, in ``language``; with ``group_by`` (one of GROUPINGS) also per
    group. ``texts``: list the written answers (for coordinators; published pages show none).

    Hidden questions are included when they have answers. Eight queries at most, whatever the
    number of questions, responses or groups.
    """
    if group_by not in GROUPINGS:
        group_by = None
    with translation.override(language):
        return _survey_results(survey, group_by=group_by, texts=texts)


def shown_keys(sizes: dict) -> set:
    """The groups that may be shown, given their respondents (one number per round): each has
    at least MIN_GROUP in every round, and the hidden ones together have none or at least
    MIN_GROUP in every round, else the smallest shown group is hidden too. Otherwise everyone's
    figure minus the shown groups' would tell a small group's answers."""
    shown = {key for key, counts in sizes.items() if min(counts) >= MIN_GROUP}
    while shown:
        rounds = len(next(iter(sizes.values())))
        hidden = [
            sum(counts[i] for key, counts in sizes.items() if key not in shown)
            for i in range(rounds)
        ]
        if all(total == 0 or total >= MIN_GROUP for total in hidden):
            break
        shown.remove(min(shown, key=lambda key: (min(sizes[key]), str(key))))
    return shown


def _survey_results(survey, *, group_by, texts) -> SurveyResults:
    questions = survey_questions([survey])
    tallies = _tally({"survey": survey}, questions=questions, key=_KEYS.get(group_by), texts=texts)
    labels = group_labels(group_by, tallies) if group_by else {}
    return _results_of(survey, questions, tallies, labels, group_by=group_by, texts=texts)


def published_results(surveys, *, group_by: str | None = None, language: str) -> list:
    """The results of several surveys (SurveyResults, in their order) as each one's results
    page shows them to everyone: without the written answers. A fixed number of queries,
    whatever the number of surveys, questions, responses or groups."""
    if group_by not in GROUPINGS:
        group_by = None
    surveys = list(surveys)
    if not surveys:
        return []
    with translation.override(language):
        return _published_results(surveys, group_by=group_by)


def _published_results(surveys, *, group_by) -> list:
    questions = survey_questions(surveys)
    keys = ("survey_id", _KEYS[group_by]) if group_by else "survey_id"
    tallies = _tally({"survey__in": [s.pk for s in surveys]}, questions=questions, key=keys)
    per_survey: dict = defaultdict(dict)
    for found, tally in tallies.items():
        survey_id, group = found if group_by else (found, None)
        per_survey[survey_id][group] = tally
    labels = (
        group_labels(group_by, {group for groups in per_survey.values() for group in groups})
        if group_by
        else {}
    )
    by_survey: dict = defaultdict(list)
    for question in questions:
        by_survey[question.survey_id].append(question)
    return [
        _results_of(
            survey,
            by_survey[survey.pk],
            per_survey.get(survey.pk, {}),
            labels,
            group_by=group_by,
            texts=False,
        )
        for survey in surveys
    ]


def _results_of(survey, questions, tallies, labels, *, group_by, texts) -> SurveyResults:
    """One survey's results from its tallies ({group: Tally}; one group, None, without
    ``group_by``) and the groups' names."""
    overall = total(tallies.values())
    kept = shown_keys({key: (tally.respondents,) for key, tally in tallies.items()})
    shown_groups = [
        (str(labels.get(key, key)), key, tally) for key, tally in tallies.items() if key in kept
    ]
    hidden = len(tallies) - len(shown_groups)
    shown_groups.sort(key=lambda entry: entry[0].casefold())
    results = []
    for question in questions:
        if question.hidden and not overall.answered.get(question.pk):
            continue
        result = question_result(question, overall, texts=texts)
        if group_by and not result.is_text:
            result.groups = [
                GroupResult(key, label, tally.respondents, question_result(question, tally))
                for label, key, tally in shown_groups
            ]
        results.append(result)
    shown = overall.respondents >= MIN_GROUP
    return SurveyResults(
        survey=survey,
        respondents=overall.respondents,
        shown=shown,
        questions=results if shown else [],
        group_by=group_by,
        groups_shown=len(shown_groups) if shown else 0,
        groups_hidden=hidden,
    )


# --- two rounds ------------------------------------------------------------------------------


@dataclass
class Shift:
    """One figure in both rounds and how it moved (a mean, or a share in percentage points)."""

    label: str
    before: float | None
    after: float | None
    n_before: int = 0
    n_after: int = 0

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 2)


@dataclass
class QuestionComparison:
    question: Question
    previous: Question
    before: QuestionResult
    after: QuestionResult
    mean: Shift | None  # likert, number, matrix (all statements)
    panel: Shift | None  # the same, among those who answered both rounds
    distribution: list[Shift]  # per option: share in both rounds, change in points
    items: list[Shift]  # matrix: per statement, the mean
    organisations: list[Shift]  # per organisation with enough respondents in both rounds

    @property
    def text(self) -> str:
        return self.question.localized_text

    @property
    def has_mean(self) -> bool:
        return self.question.kind in MEAN_KINDS

    @property
    def chart_rows(self) -> list[tuple[str, float | None]]:
        """The averages of both rounds, and of those who answered both, for a chart."""
        if self.mean is None:
            return []
        rows = [(_("previous round"), self.mean.before), (_("this round"), self.mean.after)]
        if self.panel is not None:
            rows += [
                (_("both rounds: previous"), self.panel.before),
                (_("both rounds: this"), self.panel.after),
            ]
        return rows

    @property
    def chart_maximum(self):
        """A full bar: the top of the scale; a number question: the largest average."""
        return LIKERT_POINTS if self.question.kind in SCALE_KINDS else None


@dataclass
class SurveyComparison:
    survey: Survey
    previous: Survey
    by_person: bool  # both rounds answered by the same person (else: the same organisation)
    respondents_before: int
    respondents_after: int
    shown: bool  # both rounds have at least MIN_GROUP respondents
    panel: int  # people (or organisations) that answered both rounds
    panel_before: int  # their responses in each round
    panel_after: int
    panel_shown: bool
    questions: list[QuestionComparison]
    organisations_shown: int = 0
    organisations_hidden: int = 0
    unmatched: list[Question] = field(default_factory=list)  # no question with its code before


def _comparable(question: Question, previous: Question) -> bool:
    if question.kind == previous.kind:
        return True
    return question.kind in SCALE_KINDS and previous.kind in SCALE_KINDS


def survey_comparison(survey: Survey, *, language: str) -> SurveyComparison | None:
    """This round against ``survey.previous_round``: questions matched by code, means and
    shares per option before and after, per organisation, and among those who answered both.

    Both answered: for surveys that are not anonymous the same person; when either round is
    anonymous, the same organisation. A fixed number of queries (about twenty).
    """
    previous = survey.previous_round
    if previous is None:
        return None
    with translation.override(language):
        return _survey_comparison(survey, previous)


def _survey_comparison(survey, previous) -> SurveyComparison:
    questions = survey_questions([survey, previous])
    now = [q for q in questions if q.survey_id == survey.pk]
    before_by_code = {q.code: q for q in questions if q.survey_id == previous.pk}
    by_person = not survey.anonymous and not previous.anonymous
    key = _KEYS["organisation"]
    after_orgs = _tally({"survey": survey}, questions=now, key=key)
    before_orgs = _tally({"survey": previous}, questions=list(before_by_code.values()), key=key)
    after, before = total(after_orgs.values()), total(before_orgs.values())
    if by_person:
        answered = {
            round_.pk: Response.objects.filter(
                survey=other, submitted_on__isnull=False, person__isnull=False
            ).values("person_id")
            for round_, other in ((survey, previous), (previous, survey))
        }
        panel_after = total(
            _tally({"survey": survey, "person_id__in": answered[survey.pk]}, questions=now).values()
        )
        panel_before = total(
            _tally(
                {"survey": previous, "person_id__in": answered[previous.pk]},
                questions=list(before_by_code.values()),
            ).values()
        )
        panel = panel_after.respondents  # one response per person and round
    else:
        both = {k for k in after_orgs if k is not None} & set(before_orgs)
        panel_after = total(after_orgs[k] for k in both)
        panel_before = total(before_orgs[k] for k in both)
        panel = len(both)
    # Those who answered both rounds are shown only when the others are none or enough too:
    # everyone's figure minus theirs would otherwise tell the others' answers.
    panel_shown = all(
        part >= MIN_GROUP and (whole - part == 0 or whole - part >= MIN_GROUP)
        for part, whole in (
            (panel_after.respondents, after.respondents),
            (panel_before.respondents, before.respondents),
        )
    )
    shown = min(after.respondents, before.respondents) >= MIN_GROUP
    organisations = {
        k: (
            after_orgs[k].respondents if k in after_orgs else 0,
            before_orgs[k].respondents if k in before_orgs else 0,
        )
        for k in set(after_orgs) | set(before_orgs)
    }
    common = [k for k in shown_keys(organisations) if k is not None]
    labels = group_labels("organisation", common)
    common.sort(key=lambda k: str(labels.get(k, k)).casefold())
    hidden = len({k for k in set(after_orgs) | set(before_orgs) if k is not None}) - len(common)
    compared, unmatched = [], []
    for question in now:
        earlier = before_by_code.get(question.code)
        if question.hidden and not after.answered.get(question.pk):
            continue
        if earlier is None or not _comparable(question, earlier):
            unmatched.append(question)
            continue
        if question.kind in TEXT_KINDS:
            continue  # written answers are not compared
        compared.append(
            _compare(
                question,
                earlier,
                before,
                after,
                panel=(panel_before, panel_after) if panel_shown else None,
                organisations=[
                    (str(labels.get(k, k)), before_orgs[k], after_orgs[k]) for k in common
                ],
            )
        )
    return SurveyComparison(
        survey=survey,
        previous=previous,
        by_person=by_person,
        respondents_before=before.respondents,
        respondents_after=after.respondents,
        shown=shown,
        panel=panel,
        panel_before=panel_before.respondents,
        panel_after=panel_after.respondents,
        panel_shown=panel_shown and shown,
        questions=compared if shown else [],
        organisations_shown=len(common) if shown else 0,
        organisations_hidden=hidden,
        unmatched=unmatched if shown else [],
    )


def _compare(question, earlier, before: Tally, after: Tally, *, panel, organisations):
    old = question_result(earlier, before)
    new = question_result(question, after)

    def mean_shift(label, old_result, new_result):
        return Shift(label, old_result.mean, new_result.mean, old_result.n, new_result.n)

    has_mean = question.kind in MEAN_KINDS
    distribution = []
    if new.rows:
        old_rows = {row.number: row for row in old.rows}
        for row in new.rows:
            was = old_rows.get(row.number)
            distribution.append(
                Shift(
                    row.label,
                    was.percent if was else None,
                    row.percent,
                    was.count if was else 0,
                    row.count,
                )
            )
    items = []
    if new.items:
        old_items = dict(enumerate(old.items, start=1))
        for number, item in enumerate(new.items, start=1):
            was = old_items.get(number)
            items.append(
                Shift(item.label, was.mean if was else None, item.mean, was.n if was else 0, item.n)
            )

    def tally_shift(label, old_tally, new_tally):
        (old_mean, old_n), (new_mean, new_n) = (
            question_mean(earlier, old_tally),
            question_mean(question, new_tally),
        )
        return Shift(label, old_mean, new_mean, old_n, new_n)

    panel_shift = None
    if panel is not None and has_mean:
        panel_shift = tally_shift("", *panel)
    per_organisation = []
    if has_mean:
        per_organisation = [
            tally_shift(label, old_tally, new_tally)
            for label, old_tally, new_tally in organisations
        ]
    return QuestionComparison(
        question=question,
        previous=earlier,
        before=old,
        after=new,
        mean=mean_shift("", old, new) if has_mean else None,
        panel=panel_shift,
        distribution=distribution,
        items=items,
        organisations=per_organisation,
    )
