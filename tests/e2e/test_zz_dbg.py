import pytest
from django.db import connections
pytestmark = pytest.mark.e2e
@pytest.mark.parametrize("i", [1, 2, 3])
def test_dbg(site, page, i):
    c = connections["default"]
    print(i, id(c), hasattr(c, "_test_serialized_contents"), c.settings_dict["NAME"])
    if i == 1:
        page.goto(site + "/nl/")
    if i == 2:
        page.goto(site + "/nl/accounts/login/")
