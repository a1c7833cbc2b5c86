"""server's LazyTimer (timers.py): a deadline moved per request, called back once it passes."""

from __future__ import annotations

import asyncio

from peerjournal_relay.timers import LazyTimer


def _run(scenario: object) -> list[float]:
    async def main() -> list[float]:
        loop = asyncio.get_running_loop()
        fired: list[float] = []
        timer = LazyTimer(loop, lambda: fired.append(loop.time()))
        await scenario(timer, loop)  # type: ignore[operator]
        timer.close()
        return fired

    return asyncio.run(main())


def test_calls_back_once_the_deadline_passes() -> None:
    async def scenario(timer: LazyTimer, loop: asyncio.AbstractEventLoop) -> None:
        started = loop.time()
        timer.start(0.05)
        assert timer.running
        await asyncio.sleep(0.15)
        assert not timer.running
        assert started + 0.05 <= loop.time()

    assert len(_run(scenario)) == 1


def test_started_again_it_waits_for_the_new_deadline() -> None:
    times: dict[str, float] = {}

    async def scenario(timer: LazyTimer, loop: asyncio.AbstractEventLoop) -> None:
        timer.start(0.1)
        await asyncio.sleep(0.06)
        timer.stop()
        timer.start(0.1)  # the loop's timer, set for the first deadline, sets itself again
        times["restarted"] = loop.time()
        await asyncio.sleep(0.25)

    fired = _run(scenario)
    assert len(fired) == 1
    assert fired[0] >= times["restarted"] + 0.1 - 0.002  # the loop's clock has ms steps


def test_stopped_it_never_calls_back() -> None:
    async def scenario(timer: LazyTimer, loop: asyncio.AbstractEventLoop) -> None:
        timer.start(0.05)
        timer.stop()
        await asyncio.sleep(0.15)
        timer.start(0.05)
        timer.close()
        await asyncio.sleep(0.15)

    assert _run(scenario) == []


def test_a_shorter_timeout_than_the_one_before_calls_back_on_time() -> None:
    times: dict[str, float] = {}

    async def scenario(timer: LazyTimer, loop: asyncio.AbstractEventLoop) -> None:
        timer.start(5.0)  # the loop's timer is set five seconds out
        timer.stop()
        timer.start(0.05)  # sooner: it must not wait for the five seconds
        times["started"] = loop.time()
        await asyncio.sleep(0.3)

    fired = _run(scenario)
    assert len(fired) == 1
    assert fired[0] - times["started"] < 0.25  # well before the first, longer deadline
