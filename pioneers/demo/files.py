"""The demo's content: TOML files in ``data/``, read with the standard library."""

import functools
import tomllib
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


@functools.cache
def read(name: str) -> dict:
    """The parsed ``data/<name>.toml``; read once per process."""
    with (DATA_DIR / f"{name}.toml").open("rb") as file:
        return tomllib.load(file)
