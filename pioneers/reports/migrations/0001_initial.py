"""The reports models, moved here from publications with their tables and content types.

The tables were renamed by publications 0006; this takes the models up in the state only,
and points the content types (pages, revisions, permissions, log entries, workflow states
and the search index refer to them by id) at this app, keeping their ids.
"""

import django.db.models.deletion
import modelcluster.fields
import pioneers.reports.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

MOVED_MODELS = ['reportindexpage', 'reportpage', 'reportattachment', 'followupaction', 'draftcomment', 'commentround', 'reportphoto']


def _content_types_move(apps, schema_editor, source, target):
    from django.contrib.contenttypes.models import ContentType as CurrentContentType

    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    ContentType.objects.using(db).filter(app_label=source, model__in=MOVED_MODELS).update(
        app_label=target
    )
    CurrentContentType.objects.clear_cache()


def content_types_forward(apps, schema_editor):
    _content_types_move(apps, schema_editor, "publications", "reports")


def content_types_backward(apps, schema_editor):
    _content_types_move(apps, schema_editor, "reports", "publications")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('publications', '0006_move_to_reports_practices_magazine'),
        ('meetings', '0001_initial'),
        ('network', '0006_privacy_photos'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtaildocs', '0014_alter_document_file_size'),
        ('wagtailimages', '0027_image_description'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ReportIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True, verbose_name='introduction')),
                    ],
                    options={
                        'verbose_name': 'reports overview',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='ReportPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('summary', models.TextField(verbose_name='summary')),
                        ('insights', wagtail.fields.RichTextField(blank=True, verbose_name='insights')),
                        ('agreements', wagtail.fields.RichTextField(blank=True, verbose_name='agreements')),
                        ('lessons', wagtail.fields.RichTextField(blank=True, verbose_name='lessons')),
                        ('information_category', models.CharField(choices=pioneers.reports.models.woo_categories, default='https://identifier.overheid.nl/tooi/def/thes/kern/c_fdaee95e', max_length=100, verbose_name='information category (Woo)')),
                        ('created_on', models.DateField(blank=True, help_text="Empty means the meeting's date.", null=True, verbose_name='created on')),
                        ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='reports', to='meetings.meeting', verbose_name='meeting')),
                        ('publisher', models.ForeignKey(blank=True, help_text="Empty means the network's lead organisation.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='network.organisation', verbose_name='publisher')),
                    ],
                    options={
                        'verbose_name': 'meeting report',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='ReportAttachment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('document', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtaildocs.document', verbose_name='document')),
                        ('report', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='attachments', to='reports.reportpage')),
                    ],
                    options={
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='FollowUpAction',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('action', models.CharField(max_length=300, verbose_name='action')),
                        ('owner', models.CharField(max_length=150, verbose_name='owner')),
                        ('due', models.DateField(blank=True, null=True, verbose_name='due')),
                        ('report', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='actions', to='reports.reportpage')),
                    ],
                    options={
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='DraftComment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=150, verbose_name='name')),
                        ('body', models.TextField(verbose_name='comment')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='written at')),
                        ('status', models.CharField(choices=[('open', 'waiting for an answer'), ('answered', 'answered'), ('resolved', 'resolved')], default='open', max_length=10, verbose_name='status')),
                        ('answer', models.TextField(blank=True, verbose_name='answer')),
                        ('answered_at', models.DateTimeField(blank=True, null=True)),
                        ('answered_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('registration', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='meetings.registration')),
                        ('report', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='draft_comments', to='reports.reportpage')),
                    ],
                    options={
                        'verbose_name': 'comment on a draft',
                        'ordering': ['created_at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='CommentRound',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('closes_at', models.DateTimeField(verbose_name='comments close at')),
                        ('invited', models.PositiveIntegerField(default=0, verbose_name='attendees invited')),
                        ('opened_at', models.DateTimeField(auto_now_add=True)),
                        ('opened_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('report', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='comment_round', to='reports.reportpage')),
                    ],
                    options={
                        'verbose_name': 'comment round',
                    },
                ),
                migrations.CreateModel(
                    name='ReportPhoto',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('alt_text', models.CharField(help_text='What the photo shows, for people who cannot see it. Required.', max_length=250, verbose_name='alternative text')),
                        ('caption', models.CharField(blank=True, max_length=250, verbose_name='caption')),
                        ('image', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailimages.image', verbose_name='image')),
                        ('report', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='photos', to='reports.reportpage')),
                    ],
                    options={
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_forward, content_types_backward),
    ]
