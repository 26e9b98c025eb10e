"""Posting the Wagtail admin's forms in tests as a browser would."""

from bs4 import BeautifulSoup


def admin_form(client, url):
    """The fields of the admin's edit form as the browser would send them."""
    page = BeautifulSoup(client.get(url).content, "html.parser")
    form = page.find("input", attrs={"name": "title"}).find_parent("form")
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.get("type") == "checkbox":
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen.get("value", "") if chosen else ""
        elif field.name == "textarea":
            data[name] = field.text
        else:
            data[name] = field.get("value", "")
    return data


# The admin's Publish button of draft-state models: only a published change reaches the site.
PUBLISH = {"action-publish": "action-publish"}
