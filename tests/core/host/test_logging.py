import logging
from pathlib import Path

from flxdesk.host.logging_setup import (
    LOG_BACKUPS,
    LOG_MAX_BYTES,
    register_secret,
    setup_file_logging,
)


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


def log_text(tmp_path: Path, emit) -> str:
    log_file = tmp_path / "logs" / "flxdesk.log"
    handler = setup_file_logging(log_file)
    try:
        emit(logging.getLogger("some.library"))
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    return log_file.read_text()


def test_exception_text_and_tracebacks_are_masked(tmp_path: Path) -> None:
    register_secret("Tr4ceback-secret")

    def emit(logger: logging.Logger) -> None:
        try:
            raise ValueError("Invalid header value 'Tr4ceback-secret'")
        except ValueError:
            logger.exception("Sending failed")
        logger.warning("where", stack_info=True, extra={"note": "Tr4ceback-secret"})

    text = log_text(tmp_path, emit)
    assert "Traceback (most recent call last)" in text
    assert "ValueError: Invalid header value '[token]'" in text
    assert "Tr4ceback-secret" not in text


def test_case_variants_and_escaped_forms_are_masked(tmp_path: Path) -> None:
    register_secret("MiXed-Case-secret\r\nsecond-part")

    def emit(logger: logging.Logger) -> None:
        logger.warning("upper %s", "MIXED-CASE-SECRET")
        logger.warning("lower %s", "mixed-case-secret")
        logger.warning("as repr %r", "MiXed-Case-secret\r\nsecond-part")
        logger.warning("one piece %s", "second-part")

    text = log_text(tmp_path, emit)
    assert text.count("[token]") == 4
    for piece in ("mixed-case", "second-part", "\\r\\n"):
        assert piece not in text.lower()


def test_a_rotation_whose_rename_fails_keeps_logging_in_the_current_file(tmp_path: Path) -> None:
    """On Windows a rename fails while another flxdesk holds the log open (the window,
    when a command-line run starts); here folders in the way make the renames fail."""
    log_file = tmp_path / "logs" / "flxdesk.log"
    log_file.parent.mkdir()
    log_file.write_text("x" * LOG_MAX_BYTES + "\n", encoding="utf-8")  # due for rotation
    for number in range(1, LOG_BACKUPS + 1):
        in_the_way = log_file.with_name(f"flxdesk.log.{number}")
        in_the_way.mkdir()
        (in_the_way / "not empty").write_text("", encoding="utf-8")

    text = log_text(tmp_path, lambda logger: logger.warning("written after the failed rotation"))
    assert text.startswith("x" * 100)  # the same file, not rotated away
    assert "Log rotation skipped (flxdesk.log." in text
    assert "written after the failed rotation" in text


def test_a_large_log_is_rotated_at_start_keeping_three_old_ones(tmp_path: Path) -> None:
    log_file = tmp_path / "logs" / "flxdesk.log"
    log_file.parent.mkdir()
    for number in range(1, LOG_BACKUPS + 1):
        log_file.with_name(f"flxdesk.log.{number}").write_text(f"old {number}\n")
    log_file.write_text("x" * LOG_MAX_BYTES + "\n", encoding="utf-8")

    text = log_text(tmp_path, lambda logger: logger.warning("a new start"))
    assert text.endswith("a new start\n") and "x" * 100 not in text
    backups = [log_file.with_name(f"flxdesk.log.{n}").read_text()[:6] for n in (1, 2, 3)]
    assert backups == ["x" * 6, "old 1\n", "old 2\n"]
