"""The message catalogue is complete in both languages and the switch works."""

from __future__ import annotations

import pytest

import vakmanschap as vk
from vakmanschap.i18n import LANGUAGES, MESSAGES, localized, placeholders, t


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_in_both_languages_with_the_same_placeholders(key):
    entry = MESSAGES[key]
    assert set(entry) == set(LANGUAGES)
    assert all(entry[lang].strip() for lang in LANGUAGES)
    assert placeholders(entry["nl"]) == placeholders(entry["en"])


def test_default_is_dutch_and_switching():
    assert vk.get_language() == "nl"
    assert t("kind.role") == "functie"
    vk.set_language("en")
    assert t("kind.role") == "role"
    assert localized("name") == "name_en"
    assert t("kind.role", language="nl") == "functie"


def test_unknown_language_is_refused_and_keeps_the_current_one():
    with pytest.raises(ValueError, match=r"Onbekende taal 'de'\. Kies uit: nl, en"):
        vk.set_language("de")
    assert vk.get_language() == "nl"
