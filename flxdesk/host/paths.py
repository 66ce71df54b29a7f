"""Where flxdesk keeps its data, settings and logs.

``FLXDESK_HOME``, when set, is the single root for all three (portable installs,
tests); otherwise the per-user folders of the operating system are used.
"""

import os
from pathlib import Path
from typing import NamedTuple

from flxdesk.host.i18n import translate

APP_NAME = "flxdesk"
HOME_ENV = "FLXDESK_HOME"
DEMO_FOLDER = "demo"
FLOOR_ROSTER_FILE = "floor-roster.json"  # the station's last copy of the floor's operators


class DataFolderUnusable(RuntimeError):
    """A data folder cannot be created or written; ``str(error)`` says why."""


class AppPaths(NamedTuple):
    data_dir: Path
    config_dir: Path
    log_dir: Path

    @property
    def history_db(self) -> Path:
        return self.data_dir / "history.sqlite3"

    @property
    def floor_roster(self) -> Path:
        """The station's last copy of the floor's roster, beside the history
        (flxdesk.floor.operators): the operators it knows while the floor is away."""
        return self.data_dir / FLOOR_ROSTER_FILE

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "flxdesk.log"

    def ensure(self) -> "AppPaths":
        """Create the folders; DataFolderUnusable, in words, when one cannot be made."""
        for folder in (self.data_dir, self.config_dir, self.log_dir):
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise DataFolderUnusable(
                    translate(
                        "Paths",
                        "The folder {folder} cannot be created ({value}): ask IT to make it "
                        "writable for you, or set FLXDESK_HOME to a folder you may write to.",
                    ).format(folder=folder, value=error.strerror or error)
                ) from error
        return self


def app_paths() -> AppPaths:
    home = os.environ.get(HOME_ENV)
    if home:
        root = Path(home).expanduser()
        return AppPaths(data_dir=root, config_dir=root, log_dir=root / "logs")
    import platformdirs

    return AppPaths(
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )


def demo_paths(paths: AppPaths) -> AppPaths:
    """The demo's own data folder (history, lock), created and checked.

    Practice updates must never sit in the real history, where a real start would
    send them to Flxpoint. If the folder cannot be used, the demo does not start:
    there is no fallback folder.
    """
    folder = paths.data_dir / DEMO_FOLDER
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".flxdesk-write-check"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        raise DataFolderUnusable(
            translate(
                "Paths",
                "The demo folder {folder} cannot be used ({value}). The demo keeps its "
                "own history there, apart from the real one; check that it is a folder "
                "you may write to, or remove the file of that name.",
            ).format(folder=folder, value=error.strerror or error)
        ) from error
    return paths._replace(data_dir=folder)
