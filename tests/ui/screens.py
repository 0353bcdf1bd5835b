"""Plugging screens in and pulling them out during a test, on Qt's offscreen platform.

The offscreen platform reads its screens from the config file given in
QT_QPA_PLATFORM, and can be given a new list while running through its native
interface ("setConfiguration"). PySide6 does not wrap that private interface,
so this reaches it with ctypes: find the platform's native interface, ask it
for the function, and call it with a QJsonObject made by QJsonDocument::fromJson.
Qt then adds and removes QScreens and sends screenAdded and screenRemoved, as
when a projector's cable is plugged in or pulled out.
"""

from __future__ import annotations

import ctypes
import json
import os

import PySide6
import shiboken6
from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QApplication

from tests.conftest import SCREENS

LAPTOP_ONLY = "Laptop"


def _qt_library(name: str) -> ctypes.CDLL:
    folder = os.path.join(os.path.dirname(PySide6.__file__), "Qt", "lib")
    return ctypes.CDLL(os.path.join(folder, f"lib{name}.so.6"))


def _set_configuration(configuration: dict) -> None:
    gui, core = _qt_library("Qt6Gui"), _qt_library("Qt6Core")
    native = gui._ZN15QGuiApplication23platformNativeInterfaceEv
    native.restype = ctypes.c_void_p
    interface = native()
    # nativeResourceForIntegration is virtual: find its slot in the base class's table, then call the platform's.
    base = ctypes.cast(gui._ZN24QPlatformNativeInterface28nativeResourceForIntegrationERK10QByteArray, ctypes.c_void_p).value
    base_table = (ctypes.c_void_p * 64).from_address(ctypes.cast(gui._ZTV24QPlatformNativeInterface, ctypes.c_void_p).value + 16)
    slot = list(base_table).index(base)
    table = (ctypes.c_void_p * 64).from_address(ctypes.c_void_p.from_address(interface).value)
    resource = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)(table[slot])
    name = QByteArray(b"setConfiguration")
    function = resource(interface, shiboken6.getCppPointer(name)[0])
    assert function, "this Qt's offscreen platform cannot change its screens"
    raw = QByteArray(json.dumps(configuration).encode())
    document = ctypes.create_string_buffer(64)
    obj = ctypes.create_string_buffer(64)
    from_json = core._ZN13QJsonDocument8fromJsonERK10QByteArrayP15QJsonParseError
    from_json.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
    to_object = core._ZNK13QJsonDocument6objectEv
    to_object.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    from_json(ctypes.addressof(document), shiboken6.getCppPointer(raw)[0], None)
    to_object(ctypes.addressof(obj), ctypes.addressof(document))
    ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)(function)(ctypes.addressof(obj), interface)
    for destructor, buffer in (
        (core._ZN11QJsonObjectD1Ev, obj),
        (core._ZN13QJsonDocumentD1Ev, document),
    ):
        destructor.argtypes = [ctypes.c_void_p]
        destructor(ctypes.addressof(buffer))
    QApplication.processEvents()


def _configuration() -> dict:
    with open(SCREENS, encoding="utf-8") as f:
        return json.load(f)


def unplug_projector() -> None:
    """Leave only the laptop's screen, as when the projector's cable is pulled out."""
    configuration = _configuration()
    configuration["screens"] = [s for s in configuration["screens"] if s["name"] == LAPTOP_ONLY]
    _set_configuration(configuration)


def plug_in_projector() -> None:
    """Put back the screens of tests/ui/two_screens.json."""
    _set_configuration(_configuration())
