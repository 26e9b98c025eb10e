"""Profile photos: re-encoded without metadata, private unless the profile is public (issue 11)."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

from pioneers.network.models import Person
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _jpeg_with_gps(size=(1200, 900)) -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Telefoon"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (51.0, 55.0, 3.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (4.0, 24.0, 1.0)
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def _png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG file that claims to be width × height pixels (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 100))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def owner(client, demo, media):
    user = UserFactory(email="foto@example.org")
    client.force_login(user)
    return user


def _profile(client, photo=None, **extra):
    data = {"name": "Fenna Foto", "job_title": "Adviseur", "role": "official", "seniority": ""}
    if photo is not None:
        data["photo"] = photo
    data.update(extra)
    return client.post("/nl/profiel/", data)


def _upload(client, content=None, name="IMG_0001 Fenna thuis.jpg"):
    response = _profile(client, SimpleUploadedFile(name, content or _jpeg_with_gps()))
    assert response.status_code == 302, response.content.decode()
    return Person.objects.get(user__email="foto@example.org")


def _status(client, url) -> int:
    """GET a photo and read it to the end, so the file is closed."""
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)
    return response.status_code


def test_uploaded_photo_loses_its_exif_and_gps_and_is_made_smaller(client, owner, media):
    assert Image.open(io.BytesIO(_jpeg_with_gps())).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    person = _upload(client)
    assert "Fenna" not in person.photo.name and "IMG_0001" not in person.photo.name
    stored = media / person.photo.name
    assert stored.exists()
    with Image.open(stored) as image:
        assert image.format == "JPEG" and max(image.size) == 800
        assert not image.getexif() and "exif" not in image.info
    assert b"Telefoon" not in stored.read_bytes()


def test_private_photo_is_shown_to_its_owner_and_coordinators_only(
    client, owner, django_user_model
):
    person = _upload(client)
    url = person.photo.url
    assert url.startswith("/private/people/")
    response = client.get(url)
    assert response["Content-Type"] == "image/jpeg"
    assert Image.open(io.BytesIO(b"".join(response.streaming_content))).size == (800, 600)
    assert url in client.get("/nl/profiel/").content.decode()

    client.force_login(UserFactory())  # another member
    assert _status(client, url) == 404
    client.logout()
    assert _status(client, url) == 404
    # Nor is it anywhere under the public media path.
    assert _status(client, f"/media/{person.photo.name}") == 404
    assert _status(client, "/media/people/IMG_0001%20Fenna%20thuis.jpg") == 404
    for hostile in ("%00.jpg", "..%2F..%2Fsecret_key", "x" * 300 + ".jpg", "١٢.jpg"):
        assert _status(client, f"/private/people/{hostile}") == 404

    client.force_login(django_user_model.objects.get(email="coordinator@example.org"))
    assert _status(client, url) == 200

    person.public_profile = True
    person.save()
    client.logout()
    assert _status(client, url) == 200


def test_replaced_or_removed_photo_is_deleted_from_storage(
    client, owner, media, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = _upload(client).photo.name
        second = _upload(client).photo.name
    assert first != second
    assert not (media / first).exists() and (media / second).exists()
    assert _status(client, f"/private/{first}") == 404

    with django_capture_on_commit_callbacks(execute=True):
        assert _profile(client, **{"photo-clear": "on"}).status_code == 302
    assert not (media / second).exists()
    assert not Person.objects.get(user=owner).photo


def test_huge_image_is_refused_with_a_message_and_keeps_what_was_typed(client, owner, media):
    bomb = SimpleUploadedFile("groot.png", _png_header_only(12_000, 12_000))  # 144 megapixels
    response = _profile(client, bomb, job_title="Beleidsadviseur open overheid")
    html = response.content.decode()
    assert response.status_code == 422
    assert "meer dan 4000 × 4000 pixels" in html
    assert 'value="Beleidsadviseur open overheid"' in html
    assert not Person.objects.filter(user=owner).exists()
    assert not media.exists() or not any(media.rglob("*.jpg"))

    wide = io.BytesIO()
    Image.new("RGB", (4001, 10)).save(wide, "PNG")
    html = _profile(client, SimpleUploadedFile("breed.png", wide.getvalue())).content.decode()
    assert "meer dan 4000 × 4000 pixels" in html


def test_a_file_that_is_not_a_photo_is_refused_with_a_message(client, owner):
    gif = io.BytesIO()
    Image.new("RGB", (10, 10)).save(gif, "GIF")
    for upload in (
        SimpleUploadedFile("foto.jpg", b"%PDF-1.4 not a photo"),
        SimpleUploadedFile("foto.gif", gif.getvalue()),
    ):
        html = _profile(client, upload).content.decode()
        assert "geen JPEG- of PNG-foto" in html
    assert not Person.objects.filter(user=owner).exists()


def test_transparent_png_becomes_a_jpeg_on_white(client, owner, media):
    buffer = io.BytesIO()
    Image.new("RGBA", (50, 50), (255, 0, 0, 0)).save(buffer, "PNG")
    person = _upload(client, buffer.getvalue(), name="logo.png")
    with Image.open(media / person.photo.name) as image:
        assert image.format == "JPEG" and image.getpixel((25, 25)) >= (250, 250, 250)


def test_migration_moves_old_public_photos_to_private_storage(demo, media, settings):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("pioneers.network.migrations.0006_privacy_photos")
    old = settings.MEDIA_ROOT / "people" / "Fenna op vakantie.jpg"
    old.parent.mkdir(parents=True)
    old.write_bytes(_jpeg_with_gps())
    person = Person.objects.create(user=UserFactory(), name="Fenna", role="official")
    Person.objects.filter(pk=person.pk).update(photo="people/Fenna op vakantie.jpg")
    broken = Person.objects.create(user=UserFactory(), name="Bart", role="official")
    Person.objects.filter(pk=broken.pk).update(photo="people/weg.jpg")

    migration.move_photos(apps, None)

    person.refresh_from_db()
    broken.refresh_from_db()
    assert not old.exists() and "Fenna" not in person.photo.name
    with Image.open(media / person.photo.name) as image:
        assert not image.getexif()
    assert not broken.photo
