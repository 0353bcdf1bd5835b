"""Read aloud ▸ Voice and speed: which voice reads each language, how fast and how loud, with a "test voice" button."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from facilitator.i18n import _
from facilitator.speech.voices import FASTEST, SLOWEST, VoiceSettings, base, language_name, voices_for
from facilitator.ui.fit import body_and_buttons, fit_to_screen
from facilitator.ui.speech import Speaker
from facilitator.ui.telling import tell_in
from facilitator.ui.text_fields import labelled_rows

TEST = "voice-test"  # the speaker's tag for the test sentence
# A sentence to try a voice with, in each language the app supports.
TEST_SENTENCES = {
    "en": "Hello. This is how I sound when I read aloud.",
    "cy": "Helo. Dyma sut rydw i'n swnio wrth ddarllen yn uchel.",
    "ar": "مرحبا. هكذا يبدو صوتي عندما أقرأ بصوت عال.",
}


def speed_words(speed: float) -> str:
    """The speed as a person says it: "0.8 × (slower than normal)"."""
    shown = f"{speed:.1f} ×"
    if speed < 0.95:
        return _("{speed} (slower than normal)").format(speed=shown)
    if speed > 1.05:
        return _("{speed} (faster than normal)").format(speed=shown)
    return _("{speed} (normal)").format(speed=shown)


class VoiceDialog(QDialog):
    """Choose the voice for the workshop's language, a voice for languages that have none, the speed and volume."""

    def __init__(self, speaker: Speaker, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.speaker = speaker
        self.language = base(language) or "en"
        self.setWindowTitle(_("Voice and speed"))
        settings = speaker.settings()
        name = language_name(self.language)

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.voice_box = QComboBox()
        self.voice_box.setAccessibleName(_("Voice for {language}").format(language=name))
        self.fallback_box = QComboBox()
        self.fallback_box.setAccessibleName(_("Voice for a language that has none"))
        self.speed_slider = QSlider(Qt.Orientation.Horizontal)
        self.speed_slider.setRange(round(SLOWEST * 10), round(FASTEST * 10))
        self.speed_slider.setPageStep(1)
        self.speed_slider.setValue(round(settings.speed * 10))
        self.speed_label = QLabel()
        self.volume_slider = QSlider(Qt.Orientation.Horizontal)
        self.volume_slider.setRange(10, 100)
        self.volume_slider.setPageStep(10)
        self.volume_slider.setValue(round(settings.volume * 100))
        self.volume_label = QLabel()
        self.test_button = QPushButton(_("&Test the voice"))
        self.test_button.clicked.connect(self.test)
        self.status = QLabel()
        self.status.setWordWrap(True)

        form = labelled_rows(QFormLayout(), [
            (_("&Voice for {language}").format(language=name), self.voice_box),
            (_("When a language has &no voice, read with"), self.fallback_box),
            (_("&Speed"), self.speed_slider),
            (_("Vo&lume"), self.volume_slider),
        ])
        form.insertRow(3, "", self.speed_label)
        form.addRow("", self.volume_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        body = QVBoxLayout()
        body.addWidget(self.note)
        body.addLayout(form)
        body.addWidget(self.test_button)
        body.addWidget(self.status)
        body_and_buttons(self, body, buttons)

        self.speed_slider.valueChanged.connect(self._show_numbers)
        self.volume_slider.valueChanged.connect(self._show_numbers)
        speaker.ready.connect(self._fill)
        speaker.problem.connect(self._problem)
        speaker.started.connect(self._started)
        speaker.finished.connect(self._finished)
        self._fill()
        self._show_numbers()
        fit_to_screen(self, 560)

    def _fill(self) -> None:
        settings = self.speaker.settings()
        voices = self.speaker.voices
        matching = voices_for(voices, self.language)
        name = language_name(self.language)
        self.voice_box.clear()
        if matching:
            self.voice_box.addItem(_("Automatic: the best here ({voice})").format(voice=matching[0].label()), "")
            for voice in matching:
                self.voice_box.addItem(voice.label(), voice.id)
        else:
            self.voice_box.addItem(_("No {language} voice on this computer").format(language=name), "")
        self.voice_box.setCurrentIndex(max(0, self.voice_box.findData(settings.chosen.get(self.language, ""))))
        self.fallback_box.clear()
        self.fallback_box.addItem(_("No voice: say that there is none"), "")
        for voice in sorted(voices, key=lambda v: v.label().lower()):
            self.fallback_box.addItem(voice.label(), voice.id)
        self.fallback_box.setCurrentIndex(max(0, self.fallback_box.findData(settings.fallback)))
        trouble = self.speaker.trouble()
        if not self.speaker.service.ready.is_set():
            self.note.setText(_("Looking for voices…"))
        elif trouble:
            tell_in(self.note, trouble, urgent=True)
        elif not matching:
            self.note.setText(self.speaker.choice(self.language).problem)
        else:
            self.note.setText(_("The voice follows the workshop's language. This workshop is in {language}.").format(language=name))
        self.test_button.setEnabled(bool(voices))

    def _show_numbers(self) -> None:
        self.speed_label.setText(speed_words(self.speed_slider.value() / 10))
        self.volume_label.setText(f"{self.volume_slider.value()}%")
        # A slider is read by its number alone ("8"): its name says what the number means.
        self.speed_slider.setAccessibleName(_("Speed: {words}").format(words=self.speed_label.text()))
        self.volume_slider.setAccessibleName(_("Volume: {percent}").format(percent=self.volume_label.text()))

    def chosen_settings(self) -> VoiceSettings:
        settings = self.speaker.settings()
        chosen = dict(settings.chosen)
        voice = self.voice_box.currentData() or ""
        if voice:
            chosen[self.language] = voice
        else:
            chosen.pop(self.language, None)
        return replace(
            settings, chosen=chosen, fallback=self.fallback_box.currentData() or "",
            speed=self.speed_slider.value() / 10, volume=self.volume_slider.value() / 100,
        )

    def test(self) -> None:
        """Read the test sentence with the settings as they are in the dialog, before they are kept."""
        kept = self.speaker.settings()
        self.speaker.set_settings(self.chosen_settings())
        try:
            self.speaker.read_text(TEST_SENTENCES.get(self.language, TEST_SENTENCES["en"]), self.language, TEST)
        finally:
            self.speaker.set_settings(kept)
        tell_in(self.status, _("Reading…"))

    def _started(self, tag: str, note: str) -> None:
        if tag == TEST:
            tell_in(self.status, note or _("Reading…"))

    def _problem(self, tag: str, message: str) -> None:
        if tag == TEST:
            tell_in(self.status, message, urgent=True)

    def _finished(self, tag: str, completed: bool) -> None:
        if tag == TEST and completed:
            tell_in(self.status, _("Done."))

    def done(self, result: int) -> None:
        if self.speaker.is_reading(TEST):
            self.speaker.stop()
        if result == QDialog.DialogCode.Accepted:
            self.speaker.set_settings(self.chosen_settings())
        for signal, slot in ((self.speaker.ready, self._fill), (self.speaker.problem, self._problem),
                             (self.speaker.started, self._started), (self.speaker.finished, self._finished)):
            signal.disconnect(slot)
        super().done(result)
