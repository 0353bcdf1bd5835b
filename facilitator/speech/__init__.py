"""Reading aloud: text-to-speech with pyttsx3, behind a small interface, with a fake for tests.

``service.SpeechService`` is what the app uses: one worker thread owns the
engine, and asking it to read, stop or save never waits.
"""
