"""The settings dialog. It reads and writes the daemon's settings over IPC (the daemon
applies them without a restart) and the start-at-login entry on this desktop."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_search.config import autostart
from desktop_search.qt.bridge import DaemonBridge

MB = 1024 * 1024


class SettingsDialog(QDialog):
    saved = Signal(dict)  # the settings as the daemon accepted them

    def __init__(
        self, bridge: DaemonBridge, data_dir: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.data_dir = data_dir
        self.loaded: dict[str, Any] = {}
        self._tickets: dict[int, str] = {}
        self._close_after_save = False
        self.setWindowTitle("Desktop Search Settings")
        self.setObjectName("settingsDialog")
        self.setMinimumWidth(560)
        self._build()
        self.bridge.replied.connect(self._on_reply)
        self.bridge.failed.connect(self._on_failure)
        self.reload()

    def _build(self) -> None:
        self.folders = QListWidget()
        self.folders.setObjectName("folders")
        self.folders.setMinimumHeight(110)
        add = QPushButton("Add Folder…")
        add.clicked.connect(self._choose_folder)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self._remove_folder)
        folder_buttons = QVBoxLayout()
        folder_buttons.addWidget(add)
        folder_buttons.addWidget(self.remove_button)
        folder_buttons.addStretch(1)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folders, 1)
        folder_row.addLayout(folder_buttons)

        self.exclusions = QPlainTextEdit()
        self.exclusions.setObjectName("exclusions")
        self.exclusions.setPlaceholderText("One pattern a line, as in .gitignore:\n*.log\nbuild/")
        self.exclusions.setMaximumHeight(90)
        self.max_size = QSpinBox()
        self.max_size.setObjectName("maxSize")
        self.max_size.setRange(1, 4096)
        self.max_size.setSuffix(" MB")
        self.threads = QSpinBox()
        self.threads.setObjectName("threads")
        self.threads.setRange(0, 64)
        self.threads.setSpecialValueText("Automatic")
        self.battery = QCheckBox("Pause indexing on battery power")
        self.battery.setObjectName("pauseOnBattery")
        self.busy = QCheckBox("Wait while other programs keep the computer busy")
        self.busy.setObjectName("pauseWhenBusy")
        self.ocr = QCheckBox("Read text in scanned PDFs and images (OCR)")
        self.ocr.setObjectName("ocr")
        self.ocr.setToolTip(
            "Runs after every other file, at the lowest priority; recognised pages are kept,\n"
            "so a renamed or copied scan is never read again."
        )
        self.login = QCheckBox("Start the indexer when I log in")
        self.login.setObjectName("startAtLogin")
        self.model = QComboBox()
        self.model.setObjectName("model")
        self.model.setToolTip(
            "Changing the model embeds the index again in the background; searches keep "
            "working meanwhile.\n"
            "Import another sentence-transformers model with: desktop-search model import PATH"
        )
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("settingsNote")

        form = QFormLayout()
        form.addRow("Folders", folder_row)
        form.addRow("Exclude", self.exclusions)
        form.addRow("Skip files larger than", self.max_size)
        form.addRow("Encoder threads", self.threads)
        form.addRow("Model", self.model)
        form.addRow("", self.battery)
        form.addRow("", self.busy)
        form.addRow("", self.ocr)
        form.addRow("", self.login)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
        )
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self._set_enabled(False)

    # -- loading ------------------------------------------------------------------------

    def reload(self) -> None:
        self.note.setText("Loading…")
        self._tickets[self.bridge.call("get_settings")] = "get_settings"
        self._tickets[self.bridge.call("models")] = "models"

    def _fill(self, settings: dict[str, Any]) -> None:
        self.loaded = settings
        self.folders.clear()
        self.folders.addItems(settings.get("folders", []))
        self.exclusions.setPlainText("\n".join(settings.get("exclude_patterns", [])))
        self.max_size.setValue(max(1, round(int(settings.get("max_file_bytes", 0)) / MB)))
        self.threads.setValue(int(settings.get("encoder_threads", 0)))
        self.battery.setChecked(bool(settings.get("pause_on_battery", True)))
        self.busy.setChecked(bool(settings.get("pause_when_busy", True)))
        self.ocr.setChecked(bool(settings.get("ocr", True)))
        self.login.setChecked(autostart.is_enabled())
        self._select_model(str(settings.get("model_dir", "")))
        self.note.setText("Changes apply at once; the index catches up in the background.")
        self._set_enabled(True)

    def _fill_models(self, models: list[dict[str, Any]]) -> None:
        self.model.clear()
        default = next((m for m in models if m.get("default")), None)
        if default is not None:
            self.model.addItem(f"Default ({default['name']})", "")
        for model in models:
            label = str(model["name"])
            if model.get("languages"):
                label += f" — {model['languages']}"
            if not model.get("shipped"):
                label += " — imported"
            self.model.addItem(label, model.get("choice", model["path"]))
        if self.loaded:
            self._select_model(str(self.loaded.get("model_dir", "")))

    def _select_model(self, model_dir: str) -> None:
        index = self.model.findData(model_dir)
        if index < 0 and model_dir:
            self.model.addItem(model_dir, model_dir)
            index = self.model.count() - 1
        self.model.setCurrentIndex(max(index, 0))

    # -- saving -------------------------------------------------------------------------

    def changes(self) -> dict[str, Any]:
        """What differs from the loaded settings, in the daemon's terms."""
        wanted: dict[str, Any] = {
            "folders": [self.folders.item(i).text() for i in range(self.folders.count())],
            "exclude_patterns": [
                line.strip() for line in self.exclusions.toPlainText().splitlines() if line.strip()
            ],
            "max_file_bytes": self.max_size.value() * MB,
            "encoder_threads": self.threads.value(),
            "pause_on_battery": self.battery.isChecked(),
            "pause_when_busy": self.busy.isChecked(),
            "ocr": self.ocr.isChecked(),
        }
        if self.model.count():
            wanted["model_dir"] = self.model.currentData() or ""
        if round(int(self.loaded.get("max_file_bytes", 0)) / MB) == self.max_size.value():
            wanted.pop("max_file_bytes")  # unchanged at the dialog's MB precision
        return {k: v for k, v in wanted.items() if self.loaded.get(k) != v}

    def apply(self) -> None:
        if self.login.isChecked() != autostart.is_enabled():
            if self.login.isChecked():
                autostart.enable(self.data_dir)
            else:
                autostart.disable()
        changes = self.changes()
        if not changes:
            self.note.setText("Saved.")
            return
        self.note.setText("Saving…")
        self._set_enabled(False)
        self._tickets[self.bridge.call("set_settings", changes=changes)] = "set_settings"

    def _ok(self) -> None:
        self._close_after_save = True
        if not self.changes():
            self.apply()
            self.accept()
            return
        self.apply()

    def _on_reply(self, ticket: int, method: str, result: object) -> None:
        if self._tickets.pop(ticket, None) is None:
            return
        if method == "get_settings" and isinstance(result, dict):
            self._fill(result)
        elif method == "models" and isinstance(result, list):
            self._fill_models(result)
        elif method == "set_settings" and isinstance(result, dict):
            self.loaded = result
            self._set_enabled(True)
            self.note.setText("Saved. The index catches up in the background.")
            self.saved.emit(result)
            if self._close_after_save:
                self.accept()

    def _on_failure(self, ticket: int, method: str, kind: str, message: str) -> None:
        if self._tickets.pop(ticket, None) is None:
            return
        self._close_after_save = False
        self._set_enabled(method != "get_settings" or kind != "unavailable")
        if kind == "unavailable":
            self.note.setText("The indexer is not running: settings cannot be changed now.")
        else:
            self.note.setText(f"Not saved: {message}")
        self.note.setStyleSheet("color: #d13438;")

    # -- folders ------------------------------------------------------------------------

    def add_folder(self, folder: str) -> None:
        existing = {self.folders.item(i).text() for i in range(self.folders.count())}
        if folder and folder not in existing:
            self.folders.addItem(folder)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Add a folder to index")
        self.add_folder(folder)

    def _remove_folder(self) -> None:
        for item in self.folders.selectedItems():
            self.folders.takeItem(self.folders.row(item))

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.folders, self.exclusions, self.max_size, self.threads, self.model):
            widget.setEnabled(enabled)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(enabled)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).setEnabled(enabled)
        self.note.setStyleSheet("")
