"""Quotas, caps, rate limits and the TTL sweep, each on its own relay with tight settings."""

from __future__ import annotations

import secrets
import time

from relay_helpers import Client, b64u, envelope, error_code, message_id, new_key

DAY = 86400


def test_mailbox_message_quota(start_relay) -> None:
    relay = start_relay(max_messages_per_mailbox=3)
    client = Client(relay.url)
    box = client.mailbox()
    ids = [message_id() for _ in range(3)]
    bodies = [envelope() for _ in ids]
    for mid, body in zip(ids, bodies, strict=True):
        assert client.send(box, mid, body).status_code == 201
    full = client.send(box, message_id(), envelope())
    assert full.status_code == 409 and error_code(full) == "mailbox_full"
    # an idempotent repeat of a stored message is still answered 200
    assert client.send(box, ids[0], bodies[0]).status_code == 200
    # and a different envelope under a stored id is still a conflict, not mailbox_full
    conflict = client.send(box, ids[0], envelope(fill=b"other"))
    assert conflict.status_code == 409 and error_code(conflict) == "message_conflict"
    assert client.status(box).json()["messages"] == 3
    assert client.ack(box, ids[:1]).json() == {"acknowledged": 1}
    assert client.send(box, message_id(), envelope()).status_code == 201
    client.close()


def test_a_refused_send_records_no_nonce(start_relay) -> None:
    relay = start_relay(max_messages_per_mailbox=1)
    client = Client(relay.url)
    box = client.mailbox()
    first = message_id()
    assert client.send(box, first, envelope()).status_code == 201
    mid, body, nonce = message_id(), envelope(), b64u(secrets.token_bytes(16))
    path = f"/v1/mailboxes/{box.sender_id}/messages/{mid}"
    refused = client.signed("PUT", path, box.sender_key, body, nonce=nonce)
    assert refused.status_code == 409 and error_code(refused) == "mailbox_full"
    assert client.ack(box, [first]).json() == {"acknowledged": 1}
    # docs/protocol.md: a rejected request records nothing, not even its nonce
    assert client.signed("PUT", path, box.sender_key, body, nonce=nonce).status_code == 201
    client.close()


def test_mailbox_byte_quota(start_relay) -> None:
    relay = start_relay(max_bytes_per_mailbox=4096 + 1024)
    client = Client(relay.url)
    box = client.mailbox()
    assert client.send(box, message_id(), envelope(4096)).status_code == 201
    too_big = client.send(box, message_id(), envelope(4096))
    assert too_big.status_code == 409 and error_code(too_big) == "mailbox_full"
    assert client.send(box, message_id(), envelope(1024)).status_code == 201
    assert client.status(box).json()["bytes"] == 4096 + 1024
    client.close()


def test_relay_full(start_relay) -> None:
    relay = start_relay(max_total_messages=2, max_mailboxes=2)
    client = Client(relay.url)
    a, b = client.mailbox(), client.mailbox()
    third = client.create(a.recipient_key.__class__.generate())
    assert third.status_code == 507 and error_code(third) == "relay_full"
    assert client.send(a, message_id(), envelope()).status_code == 201
    assert client.send(b, message_id(), envelope()).status_code == 201
    # PostgreSQL caches totals for a few seconds: sweeping refreshes them
    relay.call(relay.app.sweep_once())
    full = client.send(a, message_id(), envelope())
    assert full.status_code == 507 and error_code(full) == "relay_full"
    client.close()


def test_rate_limit(start_relay) -> None:
    relay = start_relay(rate_limit_per_second=0.01, rate_limit_burst=5)
    client = Client(relay.url, address="192.0.2.77")
    statuses = [client.http.get("/v1/info").status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    limited = client.http.get("/v1/info")
    assert limited.status_code == 429 and error_code(limited) == "rate_limited"
    assert int(limited.headers["Retry-After"]) >= 1
    # every route is limited (health checks and metrics too); another address has its own
    for path in ("/healthz", "/readyz", "/metrics", "/v2/none", "/v1/mailboxes/\u00e9"):
        assert client.http.get(path).status_code == 429, path
    other = Client(relay.url, address="192.0.2.78")
    assert other.http.get("/v1/info").status_code == 200
    # the limiter keeps keyed hashes only, never the address itself
    assert _bucket_keys(relay) == 2
    client.close()
    other.close()


def _bucket_keys(relay) -> int:
    """How many clients the limiter holds; asserts no key contains an address."""
    if relay.app.storage.name == "sqlite":
        keys = list(relay.app.limiter._buckets)
    else:  # PostgreSQL: the buckets are in the database, shared by every instance
        import psycopg

        with psycopg.connect(relay.settings.database_url) as conn:
            keys = [bytes(row[0]) for row in conn.execute("SELECT key FROM rate_buckets")]
    for key in keys:
        assert b"192.0.2" not in key and b"198.51.100" not in key
    return len(keys)


def test_ttl_sweep_and_idle_expiry(start_relay) -> None:
    relay = start_relay(ttl_days=1.0, idle_mailbox_days=3.0)
    client = Client(relay.url)
    box, idle = client.mailbox(), client.mailbox()
    old = message_id()
    assert client.send(box, old, envelope()).status_code == 201
    now = int(time.time())
    nothing = relay.call(relay.app.sweep_once(now))
    assert nothing.messages == 0 and nothing.mailboxes == 0
    assert [m["id"] for m in client.fetch(box).json()["messages"]] == [old]
    swept = relay.call(relay.app.sweep_once(now + DAY + 10))
    assert swept.messages == 1
    assert client.fetch(box).json() == {"messages": []}
    assert client.status(box).json()["messages"] == 0
    assert client.status(idle).status_code == 200
    later = relay.call(relay.app.sweep_once(now + 3 * DAY + 10))
    assert later.mailboxes == 2
    gone = client.status(idle)
    assert gone.status_code == 401 and error_code(gone) == "auth_failed"
    metrics = client.http.get("/metrics").text
    assert 'peerjournal_relay_swept_total{kind="messages"} 1.0' in metrics
    client.close()


def test_nonces_expire_in_sweep(start_relay) -> None:
    relay = start_relay()
    client = Client(relay.url)
    client.mailbox()
    now = int(time.time())
    assert relay.call(relay.app.sweep_once(now)).nonces == 0
    assert relay.call(relay.app.sweep_once(now + 700)).nonces == 2  # create + secure
    client.close()


def test_a_swept_nonce_is_forgotten(start_relay) -> None:
    """Once the sweep removed a nonce (older than nonce_ttl_seconds), its use is not a replay
    any more; until then it is."""
    relay = start_relay()
    client = Client(relay.url)
    box = client.mailbox()
    path = f"/v1/mailboxes/{box.recipient_id}"
    nonce = b64u(b"s" * 16)
    assert client.signed("GET", path, box.recipient_key, nonce=nonce).status_code == 200
    now = int(time.time())
    relay.call(relay.app.sweep_once(now))
    again = client.signed("GET", path, box.recipient_key, nonce=nonce)
    assert again.status_code == 401 and error_code(again) == "replayed_request"
    assert relay.call(relay.app.sweep_once(now + 700)).nonces == 3  # create, secure, GET
    assert client.signed("GET", path, box.recipient_key, nonce=nonce).status_code == 200
    client.close()


def test_forwarded_for_ignored_unless_trusted(start_relay) -> None:
    relay = start_relay(trust_forwarded_for=False, rate_limit_per_second=0.01, rate_limit_burst=2)
    first, second = Client(relay.url, "198.51.100.1"), Client(relay.url, "198.51.100.2")
    assert first.http.get("/v1/info").status_code == 200
    assert second.http.get("/v1/info").status_code == 200
    # both come from 127.0.0.1: the header is not believed, so they share one bucket
    assert first.http.get("/v1/info").status_code == 429
    assert _bucket_keys(relay) == 1
    first.close()
    second.close()


def test_low_disk_refuses_sends(tmp_path) -> None:
    from peerjournal_relay.config import Settings
    from relay_helpers import RelayThread

    settings = (
        Settings()
        .with_overrides({"port": 0, "data_dir": str(tmp_path), "min_free_disk_bytes": 10**18})
        .validate()
    )
    relay = RelayThread(settings).start()
    try:
        client = Client(relay.url)
        box = client.mailbox()
        relay.call(relay.app.sweep_once())  # the disk check runs with every sweep
        refused = client.send(box, message_id(), envelope())
        assert refused.status_code == 507 and error_code(refused) == "relay_full"
        assert client.status(box).json()["messages"] == 0
        client.close()
    finally:
        relay.stop()


def test_mailbox_creation_limit(start_relay) -> None:
    relay = start_relay(mailbox_creations_per_hour=2)
    client = Client(relay.url)
    assert client.create(new_key()).status_code == 201
    assert client.create(new_key()).status_code == 201
    third = client.create(new_key())
    assert third.status_code == 429 and error_code(third) == "rate_limited"
    assert int(third.headers["Retry-After"]) > 60  # one creation per half hour refills
    other = Client(relay.url)  # another client address is not affected
    assert other.create(new_key()).status_code == 201
    client.close()
    other.close()


def test_sqlite_disk_full_is_relay_full(tmp_path) -> None:
    from peerjournal_relay.config import Settings
    from relay_helpers import RelayThread

    settings = Settings().with_overrides({"port": 0, "data_dir": str(tmp_path)}).validate()
    relay = RelayThread(settings).start()
    try:
        client = Client(relay.url)
        box = client.mailbox()
        storage = relay.app.storage

        def cap(conn):  # SQLite answers SQLITE_FULL once the file may not grow any more
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count={pages + 2}")

        relay.call(storage._call(cap))
        answers = [client.send(box, message_id(), envelope(65536)) for _ in range(3)]
        codes = [a.status_code for a in answers]
        assert 507 in codes, codes
        full = answers[codes.index(507)]
        assert error_code(full) == "relay_full"
        assert client.status(box).status_code == 200  # reading still works
        client.close()
    finally:
        relay.stop()


def test_the_keyed_address_hash_is_hmac_sha256_so_instances_and_versions_agree() -> None:
    import hashlib
    import hmac

    from peerjournal_relay.ratelimit import ClientHasher, RateLimiter, client_key

    key = bytes(range(32))
    hasher = ClientHasher(key)
    for address in ("203.0.113.7", "2001:db8::1", "", "ünïcode"):
        expected = hmac.new(key, address.encode("utf-8", "replace"), hashlib.sha256).digest()
        assert hasher(address) == client_key(key, address) == expected[:16]
        assert hasher(address) == expected[:16]  # the keyed state is copied, not used up
    # an operator's key of any length (HMAC hashes one longer than the block, pads the rest)
    for other in (b"", b"k", bytes(range(64)), bytes(range(65)), bytes(200)):
        expected = hmac.new(other, b"203.0.113.7", hashlib.sha256).digest()[:16]
        assert ClientHasher(other)("203.0.113.7") == expected
    assert RateLimiter(1.0, 1, key).client_key("203.0.113.7") == hasher("203.0.113.7")
