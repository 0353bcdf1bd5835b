"""The Qt-free core: the workshop model, the library, import and export."""
