"""Screenshots of the peers screens: ``python -m tools.feed_screenshots [DIR]``.

Starts a throwaway relay on 127.0.0.1 (port 0), pairs demo vaults made with the fast test
KDF in a temporary folder, shares a few entries, and grabs the peers page with its feed,
the pairing dialog and the share dialog in the light and the dark theme into
``docs/screenshots/peers-*.png``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from peerjournal.app.peers import PEOPLE_PREF
from peerjournal.app.session import create_vault
from peerjournal.ui.kit import prefs as ui_prefs
from peerjournal.ui.kit.theme import apply_theme
from peerjournal.ui.kit.worker import DbWorker
from peerjournal.ui.peers.page import PeersPage
from peerjournal.ui.peers.pairing_dialog import MODE_INVITE
from peerjournal.ui.peers.share_dialog import ShareDialog
from peerjournal.vault import KdfParams
from tools.demo import DEMO_PASSPHRASE
from tools.screenshot_names import check_name


@contextmanager
def local_relay(data_dir: Path) -> Iterator[str]:
    """The real relay as a subprocess on a free loopback port; yields its URL."""
    cmd = [sys.executable, "-m", "peerjournal_relay", "serve", "--host", "127.0.0.1"]
    cmd += ["--port", "0", "--data-dir", str(data_dir)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = ""
        for line in proc.stdout or ():
            found = re.search(r"listening on (http://[0-9.]+:\d+)", line)
            if found:
                url = found.group(1)
                break
        if not url:
            raise RuntimeError("the relay did not start")
        time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)
        if proc.stdout is not None:
            proc.stdout.close()


def call(worker: DbWorker, fn: Callable[[Any], Any]) -> Any:
    """Run ``fn(session)`` in the worker and wait for the answer."""
    box: dict[str, Any] = {}
    worker.submit(fn, lambda r: box.setdefault("ok", r), lambda e: box.setdefault("error", e))
    deadline = time.monotonic() + 30
    while not box:
        if time.monotonic() > deadline:
            raise TimeoutError("the worker did not answer")
        QTest.qWait(10)
    if "error" in box:
        raise box["error"]
    return box["ok"]


def open_worker(folder: Path) -> DbWorker:
    """A worker owning a new demo vault."""
    worker = DbWorker()
    done: list[object] = []
    worker.open(
        lambda: create_vault(folder, DEMO_PASSPHRASE, kdf=KdfParams.for_tests())[0], done.append
    )
    while not done:
        QTest.qWait(10)
    return worker


def _service(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def job(session: Any) -> Any:
        return fn(session.peers)

    return job


def pair(inviter: DbWorker, joiner: DbWorker, url: str, names: tuple[str, str]) -> None:
    """Pair two demo vaults through the relay."""
    _info, code = call(inviter, _service(lambda s: s.invite(url, pseudonym=names[0])))
    call(joiner, _service(lambda s: s.accept(code, pseudonym=names[1])))
    call(inviter, _service(lambda s: s.sync()))
    call(joiner, _service(lambda s: s.sync()))


SHARED = (
    (
        4,
        "Sunday",
        "Called my sister and we laughed about the old holiday photos. Felt lighter "
        "afterwards, like the week got a bit smaller.",
        "",
        ("heart",),
        "",
    ),
    (
        2,
        "Exam week, day 3",
        "Didn't sleep much. Studied at the library until late, then walked home the long "
        "way. Small win: I cooked a proper dinner instead of skipping it.",
        "",
        ("strength",),
        "A proper dinner counts. Proud of you for looking after yourself.",
    ),
    (
        1,
        "Bad night",
        "Woke up at three with my heart racing and could not get back to sleep.",
        "panic attack",
        (),
        "",
    ),
)


def share_one(
    robin: DbWorker,
    sam: DbWorker,
    entry: tuple[str, str, str, datetime],
    reactions: tuple[str, ...],
    reply: str,
) -> None:
    """Robin writes and shares one entry; Sam receives it, reacts and maybe replies."""
    title, body, warning, created = entry

    def add(session: Any) -> Any:
        return session.journal.add(body, title=title, created=created)

    entry_id = call(robin, add).id

    def share(service: Any) -> Any:
        preview = service.share_preview(entry_id, "Sam", content_warning=warning)
        return service.share_send(preview)

    call(robin, _service(share))
    call(sam, _service(lambda s: s.sync()))
    item_id = call(sam, _service(lambda s: s.feed(limit=1)[0].id))
    for reaction in reactions:

        def react(service: Any, kind: str = reaction) -> Any:
            return service.react(item_id, kind)

        call(sam, _service(react))
    if reply:
        call(sam, _service(lambda s: s.reply(item_id, reply)))


def build(work: Path, url: str) -> tuple[DbWorker, DbWorker, str]:
    """Robin shares three entries with Sam, who reacts and replies; returns both workers."""
    robin, sam, alex = (open_worker(work / n) for n in ("robin", "sam", "alex"))
    pair(robin, sam, url, ("Robin", "Sam"))
    pair(alex, sam, url, ("Alex", "Sam"))
    call(sam, _service(lambda s: s.invite(url, pseudonym="Sam")))  # one pending invite
    call(robin, lambda s: s.prefs.set(PEOPLE_PREF, ["Mira", "Jonas"]))
    for days_ago, title, body, warning, reactions, reply in SHARED:
        created = datetime.now().astimezone() - timedelta(days=days_ago)
        share_one(robin, sam, (title, body, warning, created), reactions, reply)
    call(robin, _service(lambda s: s.sync()))
    draft = call(
        robin,
        lambda s: s.journal.add(
            "Long walk with Mira by the river after the exam. She said I can write to her at "
            "mira.k@example.org whenever the evenings get heavy. Tomorrow I see Ms Okafor "
            "from student support. Felt calmer than in weeks.",
            title="After the exam",
            tags=["exams", "walk"],
        ),
    )
    alex.shutdown()
    return robin, sam, draft.id


def save(widget: QWidget, out: Path, name: str) -> None:
    """Grab ``widget`` into ``out/name.png`` (a name :mod:`tools.screenshot_names` lists)."""
    check_name(name)
    QTest.qWait(120)
    widget.grab().save(str(out / f"{name}.png"))
    print(out / f"{name}.png")


def wait_for(predicate: Callable[[], Any]) -> None:
    """Process events until ``predicate()`` holds."""
    deadline = time.monotonic() + 30
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not reach the expected state")
        QTest.qWait(20)


def render(out: Path, work: Path, robin: DbWorker, sam: DbWorker, entry_id: str, url: str) -> None:
    """The peers page, pairing dialog and share dialog in both themes."""
    for theme in ("light", "dark"):
        render_theme(theme, out, work, (robin, sam), entry_id, url)


def render_theme(
    theme: str, out: Path, work: Path, workers: tuple[DbWorker, DbWorker], entry_id: str, url: str
) -> None:
    """The three screens in one theme."""
    robin, sam = workers
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    prefs = ui_prefs.UiPrefs(QSettings(str(work / f"{theme}.ini"), QSettings.Format.IniFormat))
    prefs.set(ui_prefs.THEME, theme)
    apply_theme(app, prefs)

    page = PeersPage(sam, prefs)
    page.resize(1180, 760)
    page.show()
    page.start()
    wait_for(lambda: len(page.cards) == 3 and len(page.feed.cards) == 3)
    page.feed.show_summary()
    page.feed.tracker.week_ms = 23 * 60_000
    page.feed.tracker.minutes_changed.emit(23)
    page.status.setText(page.tr("Something new arrived."))
    save(page, out, f"peers-feed-{theme}")
    page.feed.show_nudge()
    save(page, out, f"peers-nudge-{theme}")
    page.feed.tracker.stop()
    page.close()
    page.deleteLater()

    robin_page = PeersPage(robin, prefs)
    robin_page.resize(1180, 760)
    robin_page.show()
    robin_page.start()
    robin_page.feed.show_section(True)
    wait_for(lambda: len(robin_page.cards) >= 1 and len(robin_page.feed.cards) == 3)
    robin_page.feed.cards[0].reveal()
    save(robin_page, out, f"peers-shared-{theme}")
    dialog = robin_page.open_pairing(MODE_INVITE)
    dialog.relay_edit.setText(url)
    dialog.pseudonym_edit.setText("Robin")
    save(dialog, out, f"peers-invite-form-{theme}")
    dialog.submit()
    wait_for(lambda: bool(dialog.invite_code))
    dialog.adjustSize()
    save(dialog, out, f"peers-invite-{theme}")
    dialog.reject()
    robin_page.feed.tracker.stop()
    robin_page.close()
    robin_page.deleteLater()

    share = ShareDialog(robin, entry_id)
    share.resize(700, 720)
    share.show()
    wait_for(share.send_button.isEnabled)
    share.tag_boxes[0].setChecked(True)
    save(share, out, f"peers-share-{theme}")
    share.reject()
    share.deleteLater()
    QTest.qWait(50)


def main(argv: list[str] | None = None) -> int:
    """Render the peers screenshots into the folder given (default docs/screenshots)."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "docs/screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    QCoreApplication.setOrganizationName("PeerJournal-screenshots")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    app.setQuitOnLastWindowClosed(False)
    with tempfile.TemporaryDirectory(prefix="peerjournal-peers-shots-") as temp:
        work = Path(temp)
        with local_relay(work / "relay") as url:
            robin, sam, entry_id = build(work, url)
            try:
                render(out, work, robin, sam, entry_id, url)
            finally:
                robin.shutdown()
                sam.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
