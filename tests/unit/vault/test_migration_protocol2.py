"""Schema 6 (protocol 2): existing pairings start at peer version 1, and what they sent
is remembered so its reflection is refused."""

from __future__ import annotations

import sqlcipher3

from peerjournal.vault import migrations


def test_schema5_pairings_and_sent_items_are_carried_into_schema6() -> None:
    conn = sqlcipher3.connect(":memory:", isolation_level=None)
    assert migrations.migrate(conn, target=5) == 5
    conn.execute(
        "INSERT INTO pairings (id, name, my_pseudonym, role, state, relay_url,"
        " inbox_recipient_id, inbox_sender_id, created)"
        " VALUES ('p1', 'Bob', 'Alice', 'inviter', 'active', 'http://r', 'r', 's', 'now')"
    )
    conn.execute(
        "INSERT INTO shared_items (id, pairing_id, direction, day, title, body, received)"
        " VALUES ('item-out', 'p1', 'out', '2026-11-24', 't', 'b', 'now'),"
        " ('item-in', 'p1', 'in', '2026-11-24', 't', 'b', 'now')"
    )
    conn.execute(
        "INSERT INTO item_replies (id, item_id, pairing_id, direction, day, text, received)"
        " VALUES ('reply-out', 'item-in', 'p1', 'out', '2026-11-24', 'x', 'now')"
    )
    conn.execute(
        "INSERT INTO item_reactions (id, item_id, pairing_id, direction, day, reaction,"
        " received) VALUES ('reaction-in', 'item-out', 'p1', 'in', '2026-11-24', 'hug', 'now')"
    )
    assert migrations.migrate(conn, target=6) == 6
    row = conn.execute("SELECT peer_version, v2_announced FROM pairings").fetchone()
    assert row == (1, 0)
    sent = conn.execute("SELECT pairing_id, payload_id FROM sync_sent ORDER BY 2").fetchall()
    assert sent == [("p1", "item-out"), ("p1", "reply-out")]
    assert conn.execute("SELECT count(*) FROM sync_held").fetchone() == (0,)
