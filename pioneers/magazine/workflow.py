"""Wagtail's workflow end action (WAGTAIL_FINISH_WORKFLOW_ACTION), imported while models load.

Only a thin entry point: the rule lives in ``services.magazine_workflow_finish``.
"""


def finish(workflow_state, user=None):
    # Imported here: the services import the models, which are loading when this is imported.
    from pioneers.magazine.services import magazine_workflow_finish

    magazine_workflow_finish(workflow_state, user=user)
