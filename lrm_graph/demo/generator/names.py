"""Invented names: people, places and partner organizations made from small syllable lists.

No list here holds a real person's name. Given and family names are put together from
syllables, so that a generated district never carries anybody's data; that a made-up
combination happens to sound like a real name is chance, not a source.
"""

from __future__ import annotations

import random

_ONSETS = (
    "ka", "lo", "mi", "ta", "ve", "ro", "si", "na", "da", "jo", "le", "ri", "ba", "te",
    "zu", "ma", "ke", "fi", "ya", "no", "ae", "ti", "vo", "sa", "ne", "qui", "ha", "ze",
)  # fmt: skip
_MIDDLES = ("", "", "ra", "li", "mo", "ve", "si", "da", "ne", "ko", "ta", "ri")
_GIVEN_ENDINGS = ("n", "ra", "la", "o", "ine", "el", "is", "a", "en", "ia", "or", "u", "ette")
_FAMILY_STEMS = (
    "bran", "cor", "dal", "fen", "gar", "hol", "kes", "lor", "mar", "nor", "ost", "pel",
    "quen", "ros", "sel", "tam", "ulm", "vas", "wen", "yar", "zel", "ard", "bel", "cam",
)  # fmt: skip
_FAMILY_ENDINGS = (
    "wick", "dale", "mere", "vane", "holt", "stead", "ley", "ovar", "essi", "ando",
    "uri", "enko", "ada", "ström", "ton", "amir", "oux", "eira",
)  # fmt: skip
_PLACE_ENDINGS = ("vale", "mont", "haven", "brook", "field", "ridge", "shore", "wood")
_ORG_KINDS = (
    ("company", "Works"), ("company", "Labs"), ("company", "Health Partners"),
    ("company", "Logistics"), ("nonprofit", "Community Trust"), ("nonprofit", "Foundation"),
)  # fmt: skip


def _given(rng: random.Random) -> str:
    return (rng.choice(_ONSETS) + rng.choice(_MIDDLES) + rng.choice(_GIVEN_ENDINGS)).capitalize()


def _family(rng: random.Random) -> str:
    return (rng.choice(_FAMILY_STEMS) + rng.choice(_FAMILY_ENDINGS)).capitalize()


class NamePool:
    """Draw invented given and family names from pools made once from the seed."""

    def __init__(self, rng: random.Random, size: int = 700) -> None:
        self.given = sorted({_given(rng) for _ in range(size)})
        self.family = sorted({_family(rng) for _ in range(size)})

    def person(self, rng: random.Random) -> tuple[str, str]:
        """Return an invented (given name, family name)."""
        return rng.choice(self.given), rng.choice(self.family)


def place(rng: random.Random) -> str:
    """Return an invented place name, e.g. for the district or a school."""
    return (rng.choice(_FAMILY_STEMS) + rng.choice(_PLACE_ENDINGS)).capitalize()


def partner(rng: random.Random) -> tuple[str, str]:
    """Return an invented partner organization: (OrganizationKind value, name)."""
    kind, suffix = rng.choice(_ORG_KINDS)
    return kind, f"{place(rng)} {suffix}"


def username(given: str, family: str, number: int) -> str:
    """Return a login name made from an invented name and a number."""
    return f"{given[0]}{family}{number}".lower().replace("ö", "o")
