"""Reports, the knowledge base and the magazine move to their own apps, with their data.

The tables are renamed to the new apps' names (auto-created many-to-many tables such as
``topics`` follow their model); the models leave this app's state here, and the new apps'
first migrations take them up without touching the database.
"""

from django.db import migrations

# (model, new app), children before the models they point to.
MOVED = [
    ("followupaction", "reports"),
    ("reportphoto", "reports"),
    ("reportattachment", "reports"),
    ("commentround", "reports"),
    ("draftcomment", "reports"),
    ("reportpage", "reports"),
    ("reportindexpage", "reports"),
    ("practicedocument", "practices"),
    ("practicereuse", "practices"),
    ("nomination", "practices"),
    ("practicepage", "practices"),
    ("practiceindexpage", "practices"),
    ("articleauthor", "magazine"),
    ("articlesubmission", "magazine"),
    ("editionpdf", "magazine"),
    ("articlepage", "magazine"),
    ("editionpage", "magazine"),
    ("magazineindexpage", "magazine"),
]


class Migration(migrations.Migration):

    dependencies = [
        ("publications", "0005_magazine"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name=model, table=f"{app}_{model}")
                for model, app in MOVED
            ],
            state_operations=[migrations.DeleteModel(name=model) for model, _app in MOVED],
        ),
    ]
