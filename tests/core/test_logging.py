import logging
from pathlib import Path

from flxdesk.logging_setup import register_secret, setup_file_logging


def test_a_registered_secret_never_reaches_the_log_file(tmp_path: Path) -> None:
    log_file = tmp_path / "logs" / "flxdesk.log"
    handler = setup_file_logging(log_file)
    try:
        register_secret("s3cr3t-value")
        logging.getLogger("some.library").warning("header was %s", "s3cr3t-value")
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    text = log_file.read_text()
    assert "s3cr3t-value" not in text
    assert "header was [token]" in text
