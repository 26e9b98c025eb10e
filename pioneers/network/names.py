"""Organisation names as people type them: normalised, and compared by what they look like.

A name is normalised (NFKC, invisible characters dropped, whitespace collapsed) before it is
stored. Two names are the same when their skeletons are: look-alike Cyrillic and Greek letters
read as the Latin ones, accents, case, spaces and punctuation ignored. A name that mixes
alphabets (Latin with Cyrillic, say) is refused outright.
"""

import unicodedata

# Characters that show nothing but make two names differ; format characters (category Cf:
# U+200B-U+200F, U+2060-U+2064, U+FEFF, the soft hyphen, ...) are dropped as well.
_INVISIBLE = {
    "\u034f",  # combining grapheme joiner
    "\u115f",
    "\u1160",
    "\u3164",
    "\uffa0",  # Hangul fillers
    *(chr(c) for c in range(0xFE00, 0xFE10)),  # variation selectors
}

# Cyrillic and Greek letters that look like Latin ones, per case (after NFKC).
_LOOK_ALIKES = str.maketrans(
    {
        # Cyrillic capitals and small letters
        **dict(zip("АВСЕНІЈКМОРЅТХУҮԚԜӀ", "ABCEHIJKMOPSTXYYQWI", strict=True)),
        **dict(zip("асеһіјорѕхуԁԛԝӏькмнтвгп", "acehijopsxydqwlbkmhtbrn", strict=True)),
        # Greek capitals and small letters
        **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX", strict=True)),
        **dict(zip("αορικνυχγετωη", "aopikvuxyetwn", strict=True)),
    }
)

# Alphabets that together make one writing system.
_SCRIPT_GROUPS = {"HIRAGANA": "CJK", "KATAKANA": "CJK"}


def _visible(char: str) -> bool:
    return char not in _INVISIBLE and unicodedata.category(char) not in ("Cf", "Cc")


def normalise_name(name: str) -> str:
    """The name as it is stored: NFKC, without invisible characters, single spaces."""
    name = "".join(filter(_visible, unicodedata.normalize("NFKC", name)))
    return " ".join(name.split())


def scripts(name: str) -> set[str]:
    """The alphabets of the letters in a name (LATIN, CYRILLIC, GREEK, ...)."""
    found = set()
    for char in name:
        if unicodedata.category(char) in ("Lu", "Ll", "Lt", "Lo"):
            script = unicodedata.name(char, "").split(" ", 1)[0]
            found.add(_SCRIPT_GROUPS.get(script, script))
    return found


def name_skeleton(name: str) -> str:
    """What a name looks like: equal skeletons are names a reader cannot tell apart."""
    name = normalise_name(name).translate(_LOOK_ALIKES)
    name = unicodedata.normalize("NFD", name)
    return "".join(c for c in name.casefold() if c.isalnum() and not unicodedata.combining(c))
