"""File logging for the app, with a filter that masks secrets as a second line of defence.

Code never passes the token to a logger; the filter makes sure that a mistake in a
library's message cannot write it to disk either.
"""

import logging
import threading
from pathlib import Path

MASK = "[token]"

_secrets: set[str] = set()
_secrets_lock = threading.Lock()


def register_secret(secret: str) -> None:
    """Mask ``secret`` in every log record from now on."""
    if secret:
        with _secrets_lock:
            _secrets.add(secret)


def mask_secrets(text: str) -> str:
    with _secrets_lock:
        secrets = tuple(_secrets)
    for secret in secrets:
        text = text.replace(secret, MASK)
    return text


class SecretMaskingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_secrets(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3


def rotate_if_large(log_file: Path) -> None:
    """Keep the log small: at start-up, shift flxdesk.log to .1 (.1 to .2, ...) when large.

    Rotating once per start instead of with ``RotatingFileHandler`` keeps
    ``logging.handlers`` (and the socket/pickle modules it imports) off the start-up path.
    """
    try:
        if log_file.stat().st_size < LOG_MAX_BYTES:
            return
    except FileNotFoundError:
        return
    for number in range(LOG_BACKUPS - 1, 0, -1):
        older = log_file.with_name(f"{log_file.name}.{number}")
        if older.exists():
            older.replace(log_file.with_name(f"{log_file.name}.{number + 1}"))
    log_file.replace(log_file.with_name(f"{log_file.name}.1"))


def setup_file_logging(log_file: Path, level: int = logging.INFO) -> logging.Handler:
    log_file.parent.mkdir(parents=True, exist_ok=True)
    rotate_if_large(log_file)
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    )
    handler.addFilter(SecretMaskingFilter())
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)
    return handler
