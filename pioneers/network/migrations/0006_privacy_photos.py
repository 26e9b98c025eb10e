"""Profile photos move from the public media folder to the private storage, re-encoded.

Each photo is checked and re-encoded as a new upload would be (no metadata, at most 800 px)
and stored under a random name; the original file is deleted. A file that is missing or that
would now be refused is dropped, and the person can upload a photo again.
"""

from django.core.exceptions import ValidationError
from django.db import migrations

import pioneers.core.storage
import pioneers.network.photos


def move_photos(apps, schema_editor):
    from django.core.files.storage import default_storage

    from pioneers.network.photos import photo_prepare, photo_upload_to

    Person = apps.get_model("network", "Person")
    private = pioneers.core.storage.private_storage()
    for person in Person.objects.exclude(photo="").exclude(photo__isnull=True):
        old = person.photo.name
        new = ""
        try:
            with default_storage.open(old, "rb") as handle:
                new = private.save(photo_upload_to(person, old), photo_prepare(handle))
        except (OSError, ValidationError):
            pass
        Person.objects.filter(pk=person.pk).update(photo=new)
        default_storage.delete(old)


class Migration(migrations.Migration):

    dependencies = [
        ('network', '0005_orgs_organisation_is_approved'),
    ]

    operations = [
        migrations.AlterField(
            model_name='person',
            name='photo',
            field=pioneers.network.photos.PhotoField(blank=True, help_text='A JPEG or PNG of at most 2 MB and 4000 × 4000 pixels. We remove what the file says besides the picture, such as where it was taken. Only you and the coordinators see it, unless your profile is public.', storage=pioneers.core.storage.private_storage, upload_to=pioneers.network.photos.photo_upload_to, validators=[pioneers.network.photos.validate_photo_size], verbose_name='photo'),
        ),
        migrations.RunPython(move_photos, migrations.RunPython.noop),
    ]
