"""Voices, and which one reads a workshop: the voice follows the workshop's language.

A facilitator may choose a voice for each language, and one voice to use when a
language has none installed. Otherwise the best installed voice for the
language is taken: British English for English (the people in the room are in
the UK), then any other English.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from facilitator.i18n import _

DEFAULT_SPEED = 0.8  # of the engine's normal rate: a little slower, for people who need time
SLOWEST = 0.5
FASTEST = 2.0
PREFERRED = {"en": ("en-gb", "en"), "cy": ("cy", "cy-gb"), "ar": ("ar",)}


def tag(language: str) -> str:
    """A language tag as voices name it: "en_GB" and "EN-gb" become "en-gb"."""
    return language.strip().replace("_", "-").lower()


def base(language: str) -> str:
    return tag(language).split("-")[0]


@dataclass(frozen=True)
class Voice:
    id: str
    name: str
    languages: tuple[str, ...] = ()
    gender: str = ""

    def speaks(self, language: str) -> bool:
        wanted = base(language)
        return any(base(spoken) == wanted for spoken in self.languages)

    def label(self) -> str:
        """The name a person sees, with its language when the name does not say it."""
        return self.name or self.id


@dataclass(frozen=True)
class VoiceSettings:
    """What the facilitator chose. ``chosen`` maps a language to a voice id."""

    chosen: dict[str, str] = field(default_factory=dict)
    fallback: str = ""  # the voice to read with when a language has no voice; "" to say so and not read
    speed: float = DEFAULT_SPEED
    volume: float = 1.0

    def rate(self, normal: int) -> int:
        """Words a minute for an engine whose normal rate is ``normal``."""
        return round(normal * min(FASTEST, max(SLOWEST, self.speed)))


@dataclass(frozen=True)
class VoiceChoice:
    """The voice that will read, and what the facilitator should know about it."""

    voice: Voice | None
    language: str
    instead: bool = False  # the voice is the fallback, not one for the language
    problem: str = ""


def voices_for(voices: list[Voice], language: str) -> list[Voice]:
    """The voices that speak ``language``, best first."""
    wanted = tag(language)
    preferred = PREFERRED.get(base(language), ())
    # "en-us" asked for by name comes first; a bare "en" takes the preferred region (British English).
    order = (wanted, *preferred) if "-" in wanted else (*preferred, wanted)

    def rank(voice: Voice) -> tuple[int, str]:
        spoken = [tag(each) for each in voice.languages]
        places = [order.index(each) for each in spoken if each in order]
        return (min(places) if places else len(order), voice.name.lower())

    return sorted((voice for voice in voices if voice.speaks(language)), key=rank)


def language_name(language: str) -> str:
    """The language's name in the app's language, such as "Welsh"."""
    from babel import Locale, UnknownLocaleError

    from facilitator.i18n import language as app_language

    try:
        return Locale.parse(base(language)).get_display_name(app_language()) or language
    except (ValueError, UnknownLocaleError):
        return language


def choose_voice(voices: list[Voice], language: str, settings: VoiceSettings) -> VoiceChoice:
    """The voice to read ``language`` with, or none and a message that says why."""
    by_id = {voice.id: voice for voice in voices}
    chosen = by_id.get(settings.chosen.get(base(language), ""))
    if chosen is not None:
        return VoiceChoice(chosen, language)
    matching = voices_for(voices, language)
    if matching:
        return VoiceChoice(matching[0], language)
    name = language_name(language)
    if not voices:
        return VoiceChoice(None, language, problem=no_voices_message())
    fallback = by_id.get(settings.fallback)
    if fallback is not None:
        return VoiceChoice(
            fallback, language, instead=True,
            problem=_("There is no {language} voice on this computer, so {voice} reads instead.").format(
                language=name, voice=fallback.label()
            ),
        )
    return VoiceChoice(
        None, language,
        problem=_(
            "There is no {language} voice on this computer. Choose a voice to read instead in "
            "Read aloud ▸ Voice and speed, or install a {language} voice ({how})."
        ).format(language=name, how=install_voice_hint()),
    )


def no_voices_message() -> str:
    return _("No voices were found on this computer, so nothing can be read aloud. {how}").format(how=install_hint())


def install_hint() -> str:
    """How to get a speech engine on this kind of computer."""
    import sys

    if sys.platform == "win32":
        return _("Add a voice in Windows Settings ▸ Time and language ▸ Speech.")
    if sys.platform == "darwin":
        return _("Add a voice in System Settings ▸ Accessibility ▸ Spoken content.")
    return _("To install the speech engine, run: sudo apt install libespeak-ng1 espeak-ng-data")


def install_voice_hint() -> str:
    import sys

    if sys.platform == "win32":
        return _("Windows Settings ▸ Time and language ▸ Speech ▸ Add voices")
    if sys.platform == "darwin":
        return _("System Settings ▸ Accessibility ▸ Spoken content")
    return _("sudo apt install espeak-ng-data")
