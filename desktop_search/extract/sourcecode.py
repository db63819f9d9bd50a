"""Source code in the common languages, chosen by extension; definitions become sections."""

from __future__ import annotations

import re
from pathlib import PurePath

from desktop_search.extract.base import Extracted, Extractor, Section
from desktop_search.extract.encoding import decode_text

_DEFINITION = re.compile(
    r"^[ \t]*(?:export\s+|public\s+|private\s+|protected\s+|static\s+|async\s+|pub\s+)*"
    r"(?:def|class|function|func|fn|interface|struct|enum|trait|impl|module|sub|type)\s+"
    r"([A-Za-z_][\w.:<>]*)",
    re.MULTILINE,
)


class SourceCodeExtractor(Extractor):
    kind = "code"
    extensions = frozenset(
        {
            ".py",
            ".pyi",
            ".js",
            ".mjs",
            ".cjs",
            ".jsx",
            ".ts",
            ".tsx",
            ".java",
            ".kt",
            ".kts",
            ".scala",
            ".c",
            ".h",
            ".cc",
            ".cpp",
            ".cxx",
            ".hpp",
            ".hh",
            ".cs",
            ".go",
            ".rs",
            ".rb",
            ".php",
            ".pl",
            ".pm",
            ".lua",
            ".r",
            ".jl",
            ".swift",
            ".m",
            ".mm",
            ".dart",
            ".sh",
            ".bash",
            ".zsh",
            ".fish",
            ".ps1",
            ".bat",
            ".sql",
            ".hs",
            ".ml",
            ".ex",
            ".exs",
            ".erl",
            ".clj",
            ".el",
            ".vim",
            ".css",
            ".scss",
            ".less",
            ".vue",
            ".svelte",
            ".json",
            ".yaml",
            ".yml",
            ".toml",
            ".ini",
            ".cfg",
            ".conf",
            ".xml",
            ".gradle",
            ".cmake",
            ".mk",
            ".dockerfile",
            ".proto",
            ".graphql",
            ".tf",
            ".zig",
            ".nim",
        }
    )

    def extract(self, path: PurePath, data: bytes) -> Extracted:
        text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
        sections = [Section(m.start(), m.group(1)) for m in _DEFINITION.finditer(text)]
        return Extracted(text=text, kind=self.kind, title=path.name, sections=sections)
