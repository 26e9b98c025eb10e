"""The licences under which the network publishes: texts (chosen in the network settings) and
data (always CC0), with the URLs that machines read (``rel="license"``, feeds, catalogues)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Licence:
    code: str
    name: str
    url: str


TEXT_LICENCES = {
    licence.code: licence
    for licence in (
        Licence("cc-by-4.0", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
        Licence("cc-by-sa-4.0", "CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
        Licence("cc0-1.0", "CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    )
}
TEXT_LICENCE_CHOICES = [
    ("cc-by-4.0", _("Creative Commons Attribution 4.0 (CC BY 4.0)")),
    ("cc-by-sa-4.0", _("Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0)")),
    ("cc0-1.0", _("No rights reserved (CC0 1.0)")),
]
DEFAULT_TEXT_LICENCE = "cc-by-4.0"

# Data sets (the API, exports, calendars) carry no rights: facts about public bodies.
DATA_LICENCE = TEXT_LICENCES["cc0-1.0"]


def text_licence(code: str) -> Licence:
    return TEXT_LICENCES.get(code) or TEXT_LICENCES[DEFAULT_TEXT_LICENCE]
