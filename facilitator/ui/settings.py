"""The app's preferences, kept in QSettings through one typed registry.

Every preference is declared once here with its type and default; code reads
and writes them with ``Preferences.get`` and ``Preferences.set``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from facilitator.speech.voices import DEFAULT_SPEED

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T


WINDOW_GEOMETRY: Setting[QByteArray] = Setting("window/geometry", QByteArray())
WINDOW_SPLITTER: Setting[QByteArray] = Setting("window/splitter", QByteArray())
LAST_WORKSHOP: Setting[str] = Setting("library/last_workshop", "")
LAST_FOLDER: Setting[str] = Setting("files/last_folder", "")
ZOOM: Setting[float] = Setting("view/zoom", 1.0)
APP_LANGUAGE: Setting[str] = Setting("app/language", "")  # "" until chosen: the system's language when the app has it
PRESENT_THEME: Setting[str] = Setting("present/theme", "cream")
PRESENT_TEXT_SIZE: Setting[str] = Setting("present/text_size", "normal")
PRESENT_SCREEN: Setting[str] = Setting("present/screen", "")  # the projector's name; "" for any other screen
PRESENT_SOUND: Setting[bool] = Setting("present/sound", False)
SPEECH_VOICES: Setting[str] = Setting("speech/voices", "")  # JSON {"cy": "cel/cy"}: a chosen voice for each language
SPEECH_FALLBACK: Setting[str] = Setting("speech/fallback", "")  # the voice for a language with none; "" to say so
SPEECH_SPEED: Setting[float] = Setting("speech/speed", DEFAULT_SPEED)
SPEECH_VOLUME: Setting[float] = Setting("speech/volume", 1.0)
SHOW_START_HERE: Setting[bool] = Setting("help/show_start_here", True)  # the Start here page when the app opens


class Preferences:
    """Typed access to the app's settings file."""

    def __init__(self, settings: QSettings | None = None):
        self._settings = settings or QSettings()

    def get(self, setting: Setting[T]) -> T:
        value = self._settings.value(setting.key, setting.default)
        kind = type(setting.default)
        if kind is bool and isinstance(value, str):
            return value.strip().lower() in ("true", "1", "yes")  # an ini file keeps true as "true"
        if value is None or not isinstance(value, kind):
            try:
                return kind(value) if value is not None else setting.default
            except (TypeError, ValueError):
                return setting.default
        return value

    def set(self, setting: Setting[T], value: T) -> None:
        self._settings.setValue(setting.key, value)

    def sync(self) -> None:
        self._settings.sync()
