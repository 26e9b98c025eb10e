"""What the commitments' pages depend on: their own data (tag ``commitments``), and the data their
progress is computed from: meetings and their reports (``meetings``, ``site``), the indicators
(``evaluation``) and the surveys milestones follow (``survey:<pk>``)."""

TAG = "commitments"
# A commitment page shows computed progress, linked work and the indicators.
PAGE_TAGS = (TAG, "meetings", "evaluation")
