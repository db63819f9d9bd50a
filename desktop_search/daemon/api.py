"""The daemon's RPC surface, declared once: each method's parameters (checked by the server
before any handler runs), the states the daemon reports, the events it pushes and the error
codes of its replies. The server and every client import these names.
"""

from __future__ import annotations

import enum
import os
from typing import TYPE_CHECKING, Annotated, Any

import msgspec

from desktop_search.extract.members import SEPARATOR

if TYPE_CHECKING:
    from desktop_search.search.service import SearchRequest

# A whole number of results a client may ask for; more is never useful in one reply.
MAX_K = 1000
K = Annotated[int, msgspec.Meta(ge=1, le=MAX_K)]
# Strings in requests: a query, a path, a date. Long enough for any real path or query.
Text = Annotated[str, msgspec.Meta(max_length=4096)]
Paths = Annotated[list[Text], msgspec.Meta(max_length=10_000)]


class DaemonState(enum.StrEnum):
    """What the daemon is doing, as ``status`` reports it."""

    STARTING = "starting"
    IDLE = "idle"
    SCANNING = "scanning"
    UPDATING = "updating"
    RETRYING = "retrying"
    REMOVING = "removing"
    CHANGING_MODEL = "changing model"  # the index is embedded again with the settings' model
    READING_SCANS = "reading scans"  # OCR of scanned pages and images, when all else is done
    PAUSED = "paused"
    WAITING_BUSY = "waiting (the computer is busy)"
    WAITING_BATTERY = "waiting (on battery)"
    WAITING_DISK = "waiting (the disk is full)"
    STOPPING = "stopping"


# The states in which the daemon is working through files (clients show progress).
BUSY_STATES = frozenset(
    {
        DaemonState.STARTING,
        DaemonState.SCANNING,
        DaemonState.UPDATING,
        DaemonState.RETRYING,
        DaemonState.REMOVING,
        DaemonState.CHANGING_MODEL,
        DaemonState.READING_SCANS,
    }
)


class Event(enum.StrEnum):
    """What a subscribed connection receives: ``{"v", "event", "data"}``."""

    PROGRESS = "progress"  # data: {"state", "queued_paths"}
    CHANGED = "changed"  # data: {"indexed", "removed", "failed": [{"path", "reason"}]}
    SETTINGS = "settings"  # data: the settings now in force
    INDEX_DONE = "index_done"  # data: {"job", "summary"}: an ``index`` request finished


class ErrorCode(enum.StrEnum):
    BAD_JSON = "bad_json"
    BAD_MESSAGE = "bad_message"
    BAD_VERSION = "bad_version"
    TOO_LARGE = "too_large"
    UNKNOWN_METHOD = "unknown_method"
    INVALID_PARAMS = "invalid_params"
    BAD_REQUEST = "bad_request"  # well-formed, but the daemon cannot do it (a bad filter)
    NOT_FOUND = "not_found"
    FORBIDDEN = "forbidden"
    BUSY = "busy"
    INTERNAL = "internal"


class Params(msgspec.Struct, forbid_unknown_fields=True):
    """Base of every method's parameters: unknown names are refused."""


class NoParams(Params):
    pass


class SearchParams(Params):
    query: Text
    k: K = 10
    mode: str = "hybrid"
    prf: bool | None = None
    folders: Paths = []
    types: Annotated[
        list[Annotated[str, msgspec.Meta(max_length=64)]], msgspec.Meta(max_length=64)
    ] = []
    after: Text | None = None
    before: Text | None = None
    relevant: Paths = []
    not_relevant: Paths = []
    explain: bool = False

    def to_request(self) -> SearchRequest:
        """The search service's request; ValueError names a bad date."""
        from desktop_search.search.filters import Filters, parse_date
        from desktop_search.search.service import SearchRequest

        filters = Filters(
            folders=list(self.folders),
            types=set(self.types),
            after=parse_date(self.after) if self.after else None,
            before=parse_date(self.before) if self.before else None,
        )
        return SearchRequest(
            query=self.query,
            k=self.k,
            mode=self.mode,  # type: ignore[arg-type]  # checked against MODES by the caller
            filters=filters,
            prf=self.prf,
            relevant=list(self.relevant),
            not_relevant=list(self.not_relevant),
            describe_expansion=self.explain,
        )


class SimilarParams(Params):
    path: Text
    k: K = 10


class PassageParams(Params):
    path: Text
    chunk_id: Annotated[int, msgspec.Meta(ge=0)]
    query: Text = ""


class FolderParams(Params):
    path: Text


class ReindexParams(Params):
    paths: Paths | None = None


class IndexParams(Params):
    paths: Paths


class SetSettingsParams(Params):
    changes: dict[str, Any]


METHODS: dict[str, type[Params]] = {
    "ping": NoParams,
    "subscribe": NoParams,
    "status": NoParams,
    "search": SearchParams,
    "similar": SimilarParams,
    "passage": PassageParams,
    "get_settings": NoParams,
    "set_settings": SetSettingsParams,
    "models": NoParams,
    "retry_failed": NoParams,
    "shutdown": NoParams,
    "pause": NoParams,
    "resume": NoParams,
    "reindex": ReindexParams,
    "index": IndexParams,
    "add_folder": FolderParams,
    "remove_folder": FolderParams,
}

SUBSCRIBED = "subscribed"  # the reply to 'subscribe': the connection then carries events


class InvalidParamsError(ValueError):
    """Parameters that do not fit the method's declaration; the message says which."""


def _check_strings(value: Any, where: str) -> None:
    """No NUL and no lone surrogate anywhere: neither can reach SQLite, a path or a log."""
    if isinstance(value, str):
        if "\x00" in value:
            raise InvalidParamsError(f"{where}: NUL characters are not allowed")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise InvalidParamsError(f"{where}: not valid Unicode text") from exc
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_strings(key, where)
            _check_strings(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_strings(item, f"{where}[{index}]")


def parse_params(method: str, params: Any) -> Params:
    """The method's typed parameters; InvalidParamsError names what is wrong."""
    declared = METHODS[method]
    if params is None:
        params = {}
    if not isinstance(params, dict):
        raise InvalidParamsError("'params' must be an object")
    _check_strings(params, "params")
    try:
        return msgspec.convert(params, type=declared, strict=True)
    except msgspec.ValidationError as exc:
        raise InvalidParamsError(str(exc)) from exc


# Results from these kinds usually come from a file inside the file (an archive's member, a
# mail's attachment): the result is named after both.
CONTAINER_KINDS = frozenset({"archive", "mail", "outlook"})


def result_name(hit: dict[str, Any]) -> tuple[str, str]:
    """(name, section) as a result shows them: ``("backup.zip > garage/plan.docx", "page
    2")`` (with SEPARATOR for ">") for a member's page, ``("report.pdf", "page 2")`` for
    an ordinary file."""
    name = os.path.basename(str(hit.get("path", "")))
    section = str(hit.get("section") or "")
    if hit.get("kind") in CONTAINER_KINDS and section:
        member, _, inner = section.partition(SEPARATOR)
        return f"{name}{SEPARATOR}{member}", inner
    return name, section


def ocr_progress(status: dict[str, Any]) -> tuple[int, int] | None:
    """(pages read by OCR since the job started, pages in all) while the OCR job runs."""
    if status.get("state") != DaemonState.READING_SCANS:
        return None
    ocr = status.get("ocr")
    if not isinstance(ocr, dict):
        return None
    done = int(ocr.get("pages_done", 0))
    return done, done + int(ocr.get("pages", 0))


def model_switch(status: dict[str, Any]) -> tuple[str, int, int] | None:
    """(the model being switched to, passages embedded, passages in all) while the index
    changes model in the background; searches go on with the old model meanwhile."""
    switch = status.get("model_switch")
    if not isinstance(switch, dict):
        return None
    return str(switch.get("to", "")), int(switch.get("done", 0)), int(switch.get("total", 0))
