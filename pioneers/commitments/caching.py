"""What the commitments' pages depend on: their own data (tag ``commitments``), and the data their
progress is computed from: meetings and their reports (``meetings``, ``site``), the indicators
(``evaluation``) and the surveys milestones follow (``survey:<pk>``)."""

from pioneers.core.cache import SITE

TAG = "commitments"
# A commitment page shows computed progress, linked work and the indicators. Reports, editions
# and the other linked pages are Wagtail pages, and institutions organisations: both "site".
PAGE_TAGS = (TAG, SITE, "meetings", "evaluation")
