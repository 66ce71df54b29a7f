"""The real flxdesk window in demo mode, for the tests that type into it through X.

    DISPLAY=:N QT_QPA_PLATFORM=xcb python -m support.x_station

Prints what a worker would see, one line each, as it happens: ``notice ...`` when the
window says the last run did not close normally, ``ready`` once scans are taken,
``queued ID`` for each update written to the history, ``band TEXT`` when the result
band changes, ``note TEXT`` when the note changes, ``title TEXT`` when the window's
title changes (an operator signed in or out), ``check READS`` when the scanner check
shows a scan. Reads commands on stdin: ``focus note``, ``focus order``,
``focus status``, ``close check`` (done once the window has the keyboard again),
``busy MS`` (the window's thread stops for MS ms, as on a busy computer: ``blocking`` is
said first, so keys can be pressed meanwhile), ``quit``.
"""

from __future__ import annotations

import queue
import sys
import threading


def main() -> int:
    from flxdesk.app import main as flxdesk_main

    commands: queue.Queue[str] = queue.Queue()

    def read_stdin() -> None:
        for line in sys.stdin:
            commands.put(line.strip())

    threading.Thread(target=read_stdin, daemon=True).start()

    def on_shown(window) -> None:
        from PySide6.QtCore import QTimer

        seen: dict[str, object] = {
            "ready": False,
            "ids": set(),
            "band": "",
            "note": "",
            "title": window.windowTitle(),
            "check": "",
        }
        timer = QTimer(window)

        def say(*words: object) -> None:
            print(*words, flush=True)

        def tick() -> None:
            desk = window.scan_desk
            if not seen["ready"]:
                if desk.capture is None or not window.model.attached:
                    return
                seen["ready"] = True
                if window.crash_notice is not None:
                    say("notice", "the last run did not close normally")
                say("ready")
            for row in reversed(window.store.newest(200)):
                if row.id not in seen["ids"]:
                    seen["ids"].add(row.id)
                    say("queued", row.order_id)
            for name, text in (
                ("band", window.result_label.text()),
                ("note", window.note_edit.text()),
                ("title", window.windowTitle()),
                ("check", desk.check.finding.reads if desk.check and desk.check.finding else ""),
            ):
                if text != seen[name]:
                    seen[name] = text
                    say(name, text)
            if seen.get("closing"):  # done once the window has the keyboard again
                if not window.isActiveWindow() or desk.check is not None:
                    return
                seen["closing"] = False
                say("done close check")
            while not commands.empty():
                command = commands.get()
                if command == "focus note":
                    window.note_edit.setFocus()
                elif command == "focus order":
                    window.order_id_edit.setFocus()
                elif command == "focus status":
                    window.status_combo.setFocus()
                elif command == "close check" and desk.check is not None:
                    desk.check.reject()
                    seen["closing"] = True
                    return
                elif command.startswith("busy "):
                    import time

                    say("blocking")
                    time.sleep(int(command.split()[1]) / 1000)  # the stall itself
                elif command == "quit":
                    window.menus.quit_action.trigger()
                say("done", command)

        timer.timeout.connect(tick)
        timer.start(10)

    return flxdesk_main(["--demo"], on_shown=on_shown)


if __name__ == "__main__":
    sys.exit(main())
