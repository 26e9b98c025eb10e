"""Profile photos: checked before they are decoded, re-encoded without metadata, stored privately.

An upload is refused when it is larger than 2 MB or 4000 × 4000 pixels (read from the header,
before Pillow decodes anything, so a small file that unpacks into a huge image costs nothing),
or when it is not a JPEG or PNG. What is kept is a new JPEG of at most 800 × 800 pixels without
EXIF or any other metadata (GPS position, camera, ...), under a random name in the private
storage; the profile photo view decides who may see it.
"""

import io
import secrets

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

PHOTO_MAX_BYTES = 2_000_000
PHOTO_MAX_SIDE = 4000  # pixels an upload may have, width and height each
PHOTO_SIDE = 800  # pixels the stored photo has at most
FORMATS = ("JPEG", "MPO", "PNG")  # MPO: the JPEG variant some cameras write


def validate_photo_size(photo):
    if photo and photo.size > PHOTO_MAX_BYTES:
        raise ValidationError(
            _("The photo is %(size)s MB; at most %(max)s MB is allowed."),
            params={"size": f"{photo.size / 1_000_000:.1f}", "max": PHOTO_MAX_BYTES // 1_000_000},
        )


def photo_upload_to(instance, filename: str) -> str:
    """A random name: the original one can say who is on it, and a name must not be guessable."""
    return f"people/{secrets.token_urlsafe(18)}.jpg"


def _too_large() -> ValidationError:
    return ValidationError(
        _("The photo has more than %(max)s × %(max)s pixels. Make it smaller and try again."),
        code="too_large",
        params={"max": PHOTO_MAX_SIDE},
    )


def photo_prepare(upload) -> ContentFile:
    """Check an uploaded photo and return it re-encoded: a JPEG of at most 800 px, no metadata.

    Raises ValidationError with a message for the person who uploaded it.
    """
    not_an_image = ValidationError(
        _("This file is not a JPEG or PNG photo. Choose a photo in one of those formats."),
        code="invalid_image",
    )
    validate_photo_size(upload)
    upload.seek(0)
    try:
        image = Image.open(upload)  # reads the header only
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_large() from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise not_an_image from None
    if image.format not in FORMATS:
        raise not_an_image
    width, height = image.size
    if width > PHOTO_MAX_SIDE or height > PHOTO_MAX_SIDE:
        raise _too_large()
    try:
        image.load()
        image = ImageOps.exif_transpose(image)  # keep it upright once the EXIF is gone
        if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
            rgba = image.convert("RGBA")
            image = Image.new("RGB", rgba.size, "white")
            image.paste(rgba, mask=rgba.getchannel("A"))
        else:
            image = image.convert("RGB")
        image.thumbnail((PHOTO_SIDE, PHOTO_SIDE))
        # A new image holds pixels only: no EXIF, XMP, ICC profile or comments carried over.
        clean = Image.new("RGB", image.size)
        clean.paste(image)
        output = io.BytesIO()
        clean.save(output, format="JPEG", quality=85, optimize=True)
    except Exception:  # noqa: BLE001 - Pillow raises many kinds of error on a damaged file
        raise not_an_image from None
    return ContentFile(output.getvalue(), name="photo.jpg")


class PhotoFormField(forms.ImageField):
    """Checks and re-encodes the upload itself, without letting Pillow decode it first."""

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        return photo_prepare(upload)


class PhotoField(models.ImageField):
    """A profile photo: every form for it (the profile page, the admin) re-encodes the upload."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PhotoFormField, **kwargs})
