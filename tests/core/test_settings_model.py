"""Network settings that coordinators edit: colours must stay readable."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from pioneers.core.models import contrast_with_white, validate_hex_colour


def test_contrast_of_black_and_white_is_21():
    assert round(contrast_with_white("#000000"), 1) == 21.0
    assert round(contrast_with_white("#ffffff"), 1) == 1.0


@pytest.mark.parametrize("bad", ["154273", "#12345", "#gggggg", "", "red"])
def test_malformed_colour_is_refused(bad):
    with pytest.raises(ValidationError):
        validate_hex_colour(bad)


def test_low_contrast_colour_is_refused_in_the_users_language():
    with translation.override("nl"), pytest.raises(ValidationError) as error:
        validate_hex_colour("#ffcc00")
    assert "minstens 4,5:1" in error.value.messages[0]
    validate_hex_colour("#154273")
