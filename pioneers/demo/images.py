"""Illustrations for the demo's reports and articles, drawn with Pillow when the demo loads.

Each is a flat, abstract drawing in the network's colours (a meeting room from above, a map of
neighbourhoods, a chart, a wall of notes), never a photo of real people or places. They are the
project's own work, released with it under the EUPL-1.2. The data files give each picture's kind
and its alternative text; the drawing depends only on the kind and a seed, so it is the same on
every load.
"""

import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image as Picture
from PIL import ImageDraw
from wagtail.images.models import Image

WIDTH, HEIGHT = 1200, 675
BLUE = (0, 69, 110)
LIGHT = (120, 190, 230)
YELLOW = (255, 196, 0)
PAPER = (244, 246, 248)
GREY = (190, 198, 206)
WHITE = (255, 255, 255)
NOTES = [YELLOW, LIGHT, (250, 160, 130), (170, 220, 170), WHITE]


def _room(draw, rng):
    """A meeting room from above: a long table, chairs, a screen, cups on the table."""
    draw.rectangle([360, 40, 840, 70], BLUE)
    draw.rounded_rectangle([260, 200, 940, 480], 60, (205, 170, 120), outline=BLUE, width=4)
    for x in range(320, 900, 85):
        for y in (160, 520):
            draw.ellipse([x - 24, y - 24, x + 24, y + 24], LIGHT if rng.random() < 0.8 else GREY)
        if rng.random() < 0.7:
            cy = 235 if rng.random() < 0.5 else 445
            draw.ellipse([x - 9, cy - 9, x + 9, cy + 9], WHITE, outline=BLUE, width=2)
    for y in (290, 390):
        draw.ellipse([200, y - 24, 248, y + 24], LIGHT)
        draw.ellipse([952, y - 24, 1000, y + 24], YELLOW)


def _lab(draw, rng):
    """A wall of sticky notes in three clusters, with arrows from one cluster to the next."""
    draw.rectangle([60, 60, 1140, 560], WHITE, outline=GREY, width=3)
    for cluster in range(3):
        left = 110 + cluster * 350
        for _ in range(9):
            x, y = left + rng.randint(0, 200), 110 + rng.randint(0, 330)
            draw.rectangle([x, y, x + 70, y + 70], rng.choice(NOTES[:4]), outline=GREY)
        if cluster < 2:
            draw.line([left + 290, 320, left + 330, 320], BLUE, width=6)
            draw.polygon([(left + 330, 305), (left + 350, 320), (left + 330, 335)], BLUE)
    draw.rectangle([60, 590, 1140, 625], (205, 170, 120))


def _residents(draw, rng):
    """A hall with round tables, residents around them and a lectern at the front."""
    draw.rectangle([520, 40, 680, 90], BLUE)
    for row in range(2):
        for column in range(4):
            cx, cy = 210 + column * 260, 260 + row * 230
            draw.ellipse([cx - 70, cy - 70, cx + 70, cy + 70], WHITE, outline=BLUE, width=4)
            for seat in range(rng.randint(5, 8)):
                angle = seat * 6.283 / 8
                x, y = cx + 100 * math.cos(angle), cy + 100 * math.sin(angle)
                draw.ellipse([x - 20, y - 20, x + 20, y + 20], rng.choice([LIGHT, YELLOW, GREY]))


def _conference(draw, rng):
    """A stage with a screen, and rows of seats facing it, most of them taken."""
    draw.rectangle([300, 30, 900, 120], BLUE)
    draw.rectangle([250, 130, 950, 170], (205, 170, 120))
    for row in range(6):
        for seat in range(14):
            x, y = 150 + seat * 66, 230 + row * 70
            taken = rng.random() < 0.8
            draw.rounded_rectangle([x, y, x + 48, y + 40], 8, LIGHT if taken else GREY)


def _map(draw, rng):
    """A map of neighbourhoods in soft colours, with a river and a few pins."""
    columns, rows = 6, 4
    width, height = WIDTH // columns, HEIGHT // rows
    shades = [(214, 232, 244), (232, 240, 220), (246, 236, 214), (226, 226, 240)]
    for column in range(columns):
        for row in range(rows):
            x, y = column * width, row * height
            jitter = [rng.randint(-18, 18) for _ in range(4)]
            draw.polygon(
                [
                    (x + jitter[0], y),
                    (x + width, y + jitter[1]),
                    (x + width + jitter[2], y + height),
                    (x, y + height + jitter[3]),
                ],
                rng.choice(shades),
                outline=WHITE,
            )
    draw.line([(0, 420), (300, 380), (620, 460), (900, 400), (1200, 440)], LIGHT, width=28)
    for _ in range(5):
        x, y = rng.randint(100, 1100), rng.randint(80, 560)
        draw.polygon([(x - 22, y - 40), (x + 22, y - 40), (x, y + 16)], BLUE)
        draw.ellipse([x - 30, y - 80, x + 30, y - 20], YELLOW, outline=BLUE, width=5)


def _chart(draw, rng):
    """A bar chart with a rising line over it."""
    draw.line([(120, 580), (1100, 580)], BLUE, width=4)
    draw.line([(120, 80), (120, 580)], BLUE, width=4)
    heights = [rng.randint(120, 420) for _ in range(8)]
    points = []
    for number, height in enumerate(heights):
        x = 170 + number * 115
        draw.rectangle([x, 580 - height, x + 70, 578], LIGHT if number % 2 else BLUE)
        points.append((x + 35, 560 - 50 * number - 60))
    draw.line(points, YELLOW, width=8)


def _documents(draw, rng):
    """Stacks of folders and documents, and a magnifying glass over one of them."""
    for stack in range(5):
        x = 120 + stack * 200
        for layer in range(rng.randint(3, 7)):
            y = 560 - layer * 45
            draw.rectangle([x, y, x + 150, y + 38], rng.choice([LIGHT, YELLOW, WHITE, GREY]))
            draw.rectangle([x, y, x + 150, y + 38], outline=BLUE, width=2)
    draw.ellipse([700, 90, 880, 270], outline=BLUE, width=14)
    draw.line([(860, 250), (960, 350)], BLUE, width=22)


def _flow(draw, rng):
    """A diagram of boxes joined by arrows: data in, a system, a person who checks, a decision."""
    colours = [LIGHT, YELLOW, LIGHT, BLUE]
    for number, colour in enumerate(colours):
        x = 80 + number * 280
        draw.rounded_rectangle([x, 250, x + 200, 420], 24, colour, outline=BLUE, width=4)
        if number < 3:
            draw.line([x + 205, 335, x + 270, 335], BLUE, width=6)
            draw.polygon([(x + 265, 320), (x + 280, 335), (x + 265, 350)], BLUE)
    for _ in range(4):
        y = rng.randint(460, 600)
        draw.line([(80, y), (rng.randint(300, 1120), y)], GREY, width=10)


def _budget(draw, rng):
    """A ring chart in four colours and a row of stacked coins beside it."""
    start = 0
    for share, colour in zip([0.35, 0.25, 0.25, 0.15], [BLUE, LIGHT, YELLOW, GREY], strict=True):
        end = start + share * 360
        draw.pieslice([120, 100, 580, 560], start, end, colour, outline=WHITE, width=4)
        start = end
    draw.ellipse([250, 230, 450, 430], PAPER)
    for stack in range(4):
        x = 700 + stack * 110
        for coin in range(rng.randint(3, 9)):
            y = 540 - coin * 28
            draw.ellipse([x, y, x + 90, y + 34], YELLOW, outline=(180, 130, 0), width=3)


def _page(draw, rng):
    """A document with clear headings and lines of text, and sound waves beside it."""
    draw.rectangle([300, 50, 720, 625], WHITE, outline=BLUE, width=4)
    y = 90
    for block in range(4):
        draw.rectangle([340, y, 560 + rng.randint(0, 100), y + 26], BLUE)
        y += 50
        for _ in range(rng.randint(2, 3)):
            draw.rectangle([340, y, 640 + rng.randint(0, 40), y + 12], GREY)
            y += 26
        y += 14 + block
    for ring in range(3):
        r = 60 + ring * 60
        draw.arc([800 - r, 340 - r, 800 + r, 340 + r], -45, 45, LIGHT, width=14)


def _bubbles(draw, rng):
    """Two speech bubbles in conversation, and a document with a tick beside them."""
    draw.rounded_rectangle([100, 100, 560, 300], 40, LIGHT)
    draw.polygon([(180, 300), (240, 300), (170, 370)], LIGHT)
    draw.rounded_rectangle([380, 360, 840, 560], 40, YELLOW)
    draw.polygon([(740, 560), (800, 560), (810, 630)], YELLOW)
    for y in (150, 195, 240):
        draw.rectangle([150, y, 150 + rng.randint(250, 360), y + 16], WHITE)
    for y in (410, 455, 500):
        draw.rectangle([430, y, 430 + rng.randint(250, 360), y + 16], WHITE)
    draw.rectangle([900, 140, 1100, 420], WHITE, outline=BLUE, width=4)
    draw.line([(940, 300), (990, 350), (1070, 230)], (40, 140, 70), width=16)


def _stream(draw, rng):
    """A large screen with a play button, and a chat window of short messages beside it."""
    draw.rounded_rectangle([60, 90, 760, 520], 20, BLUE)
    draw.polygon([(360, 230), (360, 380), (480, 305)], WHITE)
    draw.rectangle([60, 540, 760, 556], GREY)
    draw.rectangle([60, 540, 300, 556], YELLOW)
    draw.rounded_rectangle([800, 90, 1140, 600], 20, WHITE, outline=GREY, width=3)
    for number in range(7):
        y = 120 + number * 66
        left = 830 if number % 2 else 880
        colour = LIGHT if number % 2 else (255, 226, 140)
        draw.rounded_rectangle([left, y, left + rng.randint(160, 220), y + 44], 14, colour)


KINDS = {
    "room": _room,
    "lab": _lab,
    "residents": _residents,
    "conference": _conference,
    "map": _map,
    "chart": _chart,
    "documents": _documents,
    "flow": _flow,
    "budget": _budget,
    "page": _page,
    "bubbles": _bubbles,
    "stream": _stream,
}


def illustration(kind: str, title: str) -> Image:
    """The Wagtail image with this title; drawn (``kind``, seeded by the title) when missing."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    picture = Picture.new("RGB", (WIDTH, HEIGHT), PAPER)
    KINDS[kind](ImageDraw.Draw(picture), random.Random(title))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", optimize=False)
    image = Image(title=title)
    image.file = ImageFile(buffer, name=f"demo-{kind}.png")
    image.save()
    return image
