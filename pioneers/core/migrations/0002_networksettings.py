from django.db import migrations, models
import django.db.models.deletion
import pioneers.core.models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.CreateModel(
            name='NetworkSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name_nl', models.CharField(default='Pioniersnetwerk', max_length=120, verbose_name='name (Dutch)')),
                ('name_en', models.CharField(default='Pioneer network', max_length=120, verbose_name='name (English)')),
                ('description_nl', models.TextField(blank=True, verbose_name='short description (Dutch)')),
                ('description_en', models.TextField(blank=True, verbose_name='short description (English)')),
                ('primary_colour', models.CharField(default='#154273', help_text='Buttons and links; needs a contrast of at least 4.5:1 with white.', max_length=7, validators=[pioneers.core.models.validate_hex_colour], verbose_name='primary colour')),
                ('header_colour', models.CharField(default='#154273', help_text='Background of the page header, behind white text.', max_length=7, validators=[pioneers.core.models.validate_hex_colour], verbose_name='header colour')),
                ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='contact email address')),
                ('logo', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='logo')),
            ],
            options={
                'verbose_name': 'network settings',
            },
        ),
    ]
