"""The environment of a user's machine, with every folder a process may write to fresh.

Libraries behave differently on build servers: onnxruntime keeps its telemetry quiet when
it sees a CI variable (found in its library's strings, 1.32). Privacy tests must see what
a user's machine sees, so those variables are removed.
"""

from __future__ import annotations

import os
from pathlib import Path

CI_MARKERS = (
    "CI",
    "TF_BUILD",
    "GITHUB_ACTIONS",
    "GITLAB_CI",
    "CIRCLECI",
    "TRAVIS",
    "JENKINS_URL",
    "CODEBUILD_BUILD_ID",
    "BUILDKITE",
    "TEAMCITY_VERSION",
    "APPVEYOR",
    "BITBUCKET_BUILD_NUMBER",
    "SYSTEM_TEAMFOUNDATIONCOLLECTIONURI",
    "ORT_RUNNING_UNIT_TESTS",
    "ORT_DISABLE_TELEMETRY",  # the app must set it itself
    "DESKTOP_SEARCH_HOME",
)
# Environment variable -> folder name under the root.
FOLDERS = {
    "HOME": "home",
    "XDG_CACHE_HOME": "cache",
    "XDG_CONFIG_HOME": "config",
    "XDG_DATA_HOME": "data_home",
    "XDG_STATE_HOME": "state",
    "XDG_RUNTIME_DIR": "run",
    "TMPDIR": "tmp",
}


def user_env(root: Path) -> dict[str, str]:
    """This process's environment minus the CI markers, with HOME, the XDG folders and
    TMPDIR pointed at fresh, private folders under ``root`` (created here). Python writes
    no ``.pyc`` files into the checkout (PYTHONDONTWRITEBYTECODE): the bundle ships them
    compiled, so that is a development-tree effect, not the app's."""
    env = {k: v for k, v in os.environ.items() if k not in CI_MARKERS}
    for variable, name in FOLDERS.items():
        folder = root / name
        folder.mkdir(mode=0o700, parents=True)
        env[variable] = str(folder)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env
