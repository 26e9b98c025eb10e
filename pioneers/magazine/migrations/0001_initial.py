"""The magazine models, moved here from publications with their tables and content types.

The tables were renamed by publications 0006; this takes the models up in the state only,
and points the content types (pages, revisions, permissions, log entries, workflow states
and the search index refer to them by id) at this app, keeping their ids.
"""

import django.db.models.deletion
import django.utils.timezone
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

MOVED_MODELS = ['magazineindexpage', 'articlepage', 'articleauthor', 'articlesubmission', 'editionpage', 'editionpdf']


def _content_types_move(apps, schema_editor, source, target):
    from django.contrib.contenttypes.models import ContentType as CurrentContentType

    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    ContentType.objects.using(db).filter(app_label=source, model__in=MOVED_MODELS).update(
        app_label=target
    )
    CurrentContentType.objects.clear_cache()


def content_types_forward(apps, schema_editor):
    _content_types_move(apps, schema_editor, "publications", "magazine")


def content_types_backward(apps, schema_editor):
    _content_types_move(apps, schema_editor, "magazine", "publications")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('publications', '0006_move_to_reports_practices_magazine'),
        ('meetings', '0001_initial'),
        ('network', '0006_privacy_photos'),
        ('topics', '0001_initial'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='MagazineIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True, verbose_name='introduction')),
                    ],
                    options={
                        'verbose_name': 'magazine',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='ArticlePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(help_text='The lead: two or three sentences.', verbose_name='introduction')),
                        ('body', wagtail.fields.RichTextField(verbose_name='body')),
                        ('lessons', wagtail.fields.RichTextField(blank=True, verbose_name='lessons learned')),
                        ('practical_experience', wagtail.fields.RichTextField(blank=True, verbose_name='practical experience')),
                        ('municipalities', modelcluster.fields.ParentalManyToManyField(blank=True, limit_choices_to={'kind': 'municipality'}, related_name='magazine_articles', to='network.organisation', verbose_name='municipalities')),
                        ('related_meetings', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='magazine_articles', to='meetings.meeting', verbose_name='related meetings')),
                        ('topics', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='magazine_articles', to='topics.topic', verbose_name='topics')),
                    ],
                    options={
                        'verbose_name': 'magazine article',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='ArticleAuthor',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('guest_name', models.CharField(blank=True, max_length=150, verbose_name="guest's name")),
                        ('guest_affiliation', models.CharField(blank=True, max_length=200, verbose_name="guest's organisation")),
                        ('person', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='magazine_authorships', to='network.person', verbose_name='person of the network')),
                        ('article', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='authors', to='magazine.articlepage')),
                    ],
                    options={
                        'verbose_name': 'author',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='ArticleSubmission',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('language', models.CharField(choices=[('nl', 'Nederlands'), ('en', 'English')], max_length=10, verbose_name='language')),
                        ('submitted_at', models.DateTimeField(auto_now_add=True, verbose_name='submitted at')),
                        ('article', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='submission', to='magazine.articlepage')),
                        ('submitted_by', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='magazine_submissions', to=settings.AUTH_USER_MODEL, verbose_name='submitted by')),
                    ],
                    options={
                        'verbose_name': 'article submission',
                    },
                ),
                migrations.CreateModel(
                    name='EditionPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('number', models.PositiveIntegerField(verbose_name='number')),
                        ('season', models.CharField(help_text='For example “Spring 2019” or “Q2 2019”.', max_length=60, verbose_name='season')),
                        ('publication_date', models.DateField(verbose_name='publication date')),
                        ('cover_alt_text', models.CharField(help_text='What the cover shows, for people who cannot see it. Required.', max_length=250, verbose_name='alternative text of the cover')),
                        ('editorial', wagtail.fields.RichTextField(blank=True, verbose_name='editorial')),
                        ('accepts_submissions', models.BooleanField(default=False, help_text='Members can submit articles for this edition from the website.', verbose_name='accepts submissions')),
                        ('cover_image', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='cover image')),
                    ],
                    options={
                        'verbose_name': 'magazine edition',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='EditionPDF',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('status', models.CharField(choices=[('queued', 'queued'), ('building', 'building'), ('done', 'done'), ('failed', 'failed')], default='queued', max_length=10, verbose_name='status')),
                        ('rendered', models.PositiveIntegerField(default=0, verbose_name='articles rendered')),
                        ('total', models.PositiveIntegerField(default=0, verbose_name='articles in total')),
                        ('file', models.FileField(blank=True, upload_to='magazine/', verbose_name='file')),
                        ('size', models.PositiveIntegerField(default=0, verbose_name='size in bytes')),
                        ('pages', models.PositiveIntegerField(default=0, verbose_name='pages')),
                        ('requested_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='requested at')),
                        ('built_at', models.DateTimeField(blank=True, null=True, verbose_name='built at')),
                        ('seconds', models.FloatField(blank=True, null=True, verbose_name='build time in seconds')),
                        ('error', models.TextField(blank=True, verbose_name='error')),
                        ('edition', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='pdf', to='magazine.editionpage', verbose_name='edition')),
                    ],
                    options={
                        'verbose_name': 'edition PDF',
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_forward, content_types_backward),
    ]
