"""Texts of django-allauth and Django that we word differently, so every page says the same.

Dutch pages say "inloggen" and address the reader as "je"; allauth's Dutch says "aanmelden"
(which on our pages means joining the network) and Django's password rules say "u". Listing
the original messages here keeps them in our .po files, where our wording overrides theirs.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

OVERRIDDEN = [
    # django-allauth
    gettext_noop("Sign In"),
    gettext_noop("Sign Up"),
    gettext_noop("Sign Out"),
    gettext_noop("You have signed out."),
    gettext_noop("Are you sure you want to sign out?"),
    gettext_noop("Send me a sign-in code"),
    gettext_noop("Sign-In Code"),
    gettext_noop("Other sign-in options"),
    gettext_noop("Already have an account? Then please %(link)ssign in%(end_link)s."),
    gettext_noop(
        "If you have not created an account yet, then please %(link)ssign up%(end_link)s first."
    ),
    # Django's password validators
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("Your password can’t be entirely numeric."),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    # Django 5.2 changed this message; its Dutch translation still has the old one.
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "n",
    ),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
        "min_length",
    ),
]
