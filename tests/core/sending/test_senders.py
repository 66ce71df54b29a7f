"""The engine's sending threads and the requests on the wire, with real clients and a real
loopback server that never answers."""

from __future__ import annotations

import threading

from flxdesk.flxpoint.client import FlxpointClient
from flxdesk.flxpoint.demo_api import DEMO_TOKEN
from flxdesk.sending.senders import Senders, ThreadClients, Wire
from support.drip_server import DripServer


def test_senders_run_jobs_on_as_many_daemon_threads_and_end_when_closed() -> None:
    senders = Senders(2)
    ran: list[tuple[str, bool]] = []
    both_in = threading.Barrier(2, timeout=10)

    def job(name: str) -> None:
        both_in.wait()  # only two threads at once can pass together
        ran.append((threading.current_thread().name, threading.current_thread().daemon))

    senders.submit(job, "a")
    senders.submit(job, "b")
    senders.close()
    for thread in senders._threads:
        thread.join(10)
        assert not thread.is_alive()
    assert sorted(ran) == [("flxdesk-send-0", True), ("flxdesk-send-1", True)]


def test_each_thread_keeps_its_client_until_the_token_changes() -> None:
    made: list[FlxpointClient] = []

    def make(token: str) -> FlxpointClient:
        made.append(FlxpointClient("http://127.0.0.1:9", token))
        return made[-1]

    clients = ThreadClients(make)
    first = clients.get(DEMO_TOKEN, 0)
    assert clients.get(DEMO_TOKEN, 0) is first
    other: list[object] = []
    thread = threading.Thread(target=lambda: other.append(clients.get(DEMO_TOKEN, 0)))
    thread.start()
    thread.join(10)
    assert other[0] is not first  # its own session in another thread
    renewed = clients.get("another-token", 1)
    assert renewed is not first and renewed._token == "another-token"
    assert len(made) == 3


def test_the_wire_waits_out_the_grace_then_ends_a_request_that_never_answers() -> None:
    lock = threading.RLock()
    wire = Wire(lock)
    results: list[object] = []
    with DripServer.never_answering() as server:
        client = FlxpointClient(server.url, DEMO_TOKEN)

        def send() -> None:
            with lock:
                wire.enter(client)
            try:
                results.append(client.update_status("1000", "Closed"))
            finally:
                wire.leave(client)

        thread = threading.Thread(target=send, daemon=True)
        thread.start()
        assert server.request_received.wait(10)
        wire.allow_answers_for(0.2)
        wire.end()  # waits the 0.2 s for an answer that never comes, then aborts
        thread.join(10)
        assert not thread.is_alive()
    (result,) = results
    assert not result.ok  # ended, not answered: the engine requeues it


def test_an_empty_wire_ends_at_once_whatever_the_grace() -> None:
    wire = Wire(threading.RLock())
    wire.allow_answers_for(3600)
    finished = threading.Event()
    thread = threading.Thread(target=lambda: (wire.end(), finished.set()), daemon=True)
    thread.start()
    assert finished.wait(10)
