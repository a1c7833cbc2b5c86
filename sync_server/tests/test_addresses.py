"""A client is counted by its IPv4 address or its IPv6 /64, in the rate limits and the caps.

One home or phone is usually given a whole IPv6 /64 and can pick any of its 2**64 addresses, so
counting each address alone would give it as many token buckets as it likes.
"""

from __future__ import annotations

import pytest
from peerjournal_relay.addresses import client_group
from relay_helpers import Client


@pytest.mark.parametrize(
    ("address", "group"),
    [
        ("192.0.2.7", "192.0.2.7"),
        (" 192.0.2.7 ", "192.0.2.7"),
        ("192.0.2.7:51234", "192.0.2.7"),  # as some proxies forward it
        ("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"),
        ("2001:db8:1:2::1", "2001:db8:1:2::/64"),
        ("[2001:db8:1:2::1]:443", "2001:db8:1:2::/64"),
        ("2001:DB8:1:2::FFFF", "2001:db8:1:2::/64"),  # one spelling for one prefix
        ("fe80::1%eth0", "fe80::/64"),
        ("::ffff:192.0.2.7", "192.0.2.7"),  # an IPv4 peer on a dual-stack socket
        ("::1", "::/64"),
        ("unix-socket", "unix-socket"),  # not an address: counted as itself
        ("", ""),
    ],
)
def test_the_group_of_an_address(address: str, group: str) -> None:
    assert client_group(address) == group


def test_addresses_in_other_64s_are_other_clients() -> None:
    assert client_group("2001:db8:1:2::1") != client_group("2001:db8:1:3::1")
    assert client_group("192.0.2.7") != client_group("192.0.2.8")


def _healthz_statuses(relay_url: str, addresses: list[str]) -> list[int]:
    statuses = []
    for address in addresses:
        client = Client(relay_url, address=address)
        statuses.append(client.http.get("/healthz").status_code)
        client.close()
    return statuses


def test_one_64_shares_one_rate_limit_however_many_addresses_it_uses(start_relay) -> None:
    relay = start_relay(rate_limit_per_second=0.01, rate_limit_burst=3)
    # five different addresses of one /64: the bucket of three is shared
    same_64 = [f"2001:db8:1:2::{n:x}" for n in range(1, 6)]
    assert _healthz_statuses(relay.url, same_64) == [200, 200, 200, 429, 429]
    # a neighbouring /64 is another client with its own three tokens
    other_64 = [f"2001:db8:1:3::{n:x}" for n in range(1, 5)]
    assert _healthz_statuses(relay.url, other_64) == [200, 200, 200, 429]


def test_ipv4_clients_are_still_counted_one_address_each(start_relay) -> None:
    relay = start_relay(rate_limit_per_second=0.01, rate_limit_burst=2)
    assert _healthz_statuses(relay.url, ["192.0.2.1"] * 3) == [200, 200, 429]
    assert _healthz_statuses(relay.url, ["192.0.2.2", "::ffff:192.0.2.2", "192.0.2.2"]) == [
        200,
        200,
        429,
    ]
