"""Icons for files: the desktop theme's icon for the file's MIME type, else Qt's generic."""

from __future__ import annotations

import functools

from PySide6.QtCore import QFileInfo, QMimeDatabase
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileIconProvider


@functools.lru_cache(maxsize=256)
def _icon_for(mime_name: str, icon_name: str, generic_name: str) -> QIcon:
    for name in (icon_name, generic_name):
        if QIcon.hasThemeIcon(name):
            return QIcon.fromTheme(name)
    provider = QFileIconProvider()
    return provider.icon(QFileIconProvider.IconType.File)


def icon_for_path(path: str) -> QIcon:
    mime = QMimeDatabase().mimeTypeForFile(QFileInfo(path), QMimeDatabase.MatchMode.MatchExtension)
    return _icon_for(mime.name(), mime.iconName(), mime.genericIconName())
