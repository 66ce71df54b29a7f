"""File logging for the app, with a filter that masks secrets as a second line of defence.

Code never passes the token to a logger; the filter makes sure that a mistake in a
library's message cannot write it to disk either.
"""

import logging
import logging.handlers
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


def setup_file_logging(log_file: Path, level: int = logging.INFO) -> logging.Handler:
    log_file.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    )
    handler.addFilter(SecretMaskingFilter())
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)
    return handler
