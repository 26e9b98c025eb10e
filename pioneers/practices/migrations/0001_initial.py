"""The practices models, moved here from publications with their tables and content types.

The tables were renamed by publications 0006; this takes the models up in the state only,
and points the content types (pages, revisions, permissions, log entries, workflow states
and the search index refer to them by id) at this app, keeping their ids.
"""

import django.db.models.deletion
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

MOVED_MODELS = ['practiceindexpage', 'practicepage', 'practicedocument', 'nomination', 'practicereuse']


def _content_types_move(apps, schema_editor, source, target):
    from django.contrib.contenttypes.models import ContentType as CurrentContentType

    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    ContentType.objects.using(db).filter(app_label=source, model__in=MOVED_MODELS).update(
        app_label=target
    )
    CurrentContentType.objects.clear_cache()


def content_types_forward(apps, schema_editor):
    _content_types_move(apps, schema_editor, "publications", "practices")


def content_types_backward(apps, schema_editor):
    _content_types_move(apps, schema_editor, "practices", "publications")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('publications', '0006_move_to_reports_practices_magazine'),
        ('network', '0006_privacy_photos'),
        ('topics', '0001_initial'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtaildocs', '0014_alter_document_file_size'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='PracticeIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True, verbose_name='introduction')),
                    ],
                    options={
                        'verbose_name': 'knowledge base',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='PracticePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('summary', models.TextField(help_text='One or two sentences.', max_length=400, verbose_name='summary')),
                        ('problem', wagtail.fields.RichTextField(verbose_name='problem')),
                        ('approach', wagtail.fields.RichTextField(verbose_name='what the municipality did')),
                        ('result', wagtail.fields.RichTextField(blank=True, verbose_name='result')),
                        ('lessons', wagtail.fields.RichTextField(blank=True, verbose_name='lessons')),
                        ('status', models.CharField(choices=[('idea', 'idea'), ('pilot', 'pilot'), ('running', 'running'), ('stopped', 'stopped')], max_length=10, verbose_name='status')),
                        ('transparency', models.BooleanField(default=False, verbose_name='transparency')),
                        ('participation', models.BooleanField(default=False, verbose_name='participation')),
                        ('accountability', models.BooleanField(default=False, verbose_name='accountability')),
                        ('technology', models.BooleanField(default=False, verbose_name='technology and innovation')),
                        ('contact_consent', models.BooleanField(default=False, help_text='Without consent the page shows no name; requests still reach the person.', verbose_name='the contact person agreed to be named on this page')),
                        ('started_on', models.DateField(blank=True, null=True, verbose_name='started on')),
                        ('contact', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='practices', to='network.person', verbose_name='contact person')),
                        ('municipality', models.ForeignKey(limit_choices_to={'kind': 'municipality'}, on_delete=django.db.models.deletion.PROTECT, related_name='practices', to='network.organisation', verbose_name='municipality')),
                        ('topics', modelcluster.fields.ParentalManyToManyField(blank=True, to='topics.topic', verbose_name='topics')),
                    ],
                    options={
                        'verbose_name': 'practice',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='PracticeDocument',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('document', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtaildocs.document', verbose_name='document')),
                        ('practice', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='documents', to='practices.practicepage')),
                    ],
                    options={
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='Nomination',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=200, verbose_name='initiative')),
                        ('municipality_name', models.CharField(max_length=150, verbose_name='municipality or organisation')),
                        ('description', models.TextField(max_length=4000, verbose_name='what makes it pioneering')),
                        ('link', models.URLField(blank=True, verbose_name='web address with more information')),
                        ('name', models.CharField(max_length=150, verbose_name='your name')),
                        ('email', models.EmailField(max_length=254, verbose_name='your email address')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='nominated at')),
                        ('status', models.CharField(choices=[('new', 'new'), ('accepted', 'turned into a practice'), ('declined', 'declined')], default='new', max_length=10, verbose_name='status')),
                        ('practice', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='practices.practicepage', verbose_name='practice')),
                    ],
                    options={
                        'verbose_name': 'nomination',
                        'ordering': ['-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='PracticeReuse',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('message', models.TextField(blank=True, max_length=2000, verbose_name='message to the contact person')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='network.organisation')),
                        ('person', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='network.person')),
                        ('practice', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reuses', to='practices.practicepage')),
                    ],
                    options={
                        'verbose_name': 'reuse of a practice',
                        'constraints': [models.UniqueConstraint(fields=('practice', 'organisation'), name='one_reuse_per_organisation')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_forward, content_types_backward),
    ]
