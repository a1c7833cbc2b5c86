"""The peer exchange below the use cases: relay client, pairing, outbox, inbox, sync rounds.

- ``relay_client``: HTTP to the relay (docs/protocol.md sections 2-4), errors mapped.
- ``payloads``: what an envelope carries, built and validated strictly (section 5).
- ``states``: the pairing, outbox and inbox state machines (section 8).
- ``pairing``: every change of a pairing's state (section 6).
- ``outbox`` / ``inbox``: sending what is queued, applying what arrives (section 7).
- ``engine``: one sync round over every pairing.
- ``store``: the vault tables of all of it, one module per group of tables.
- ``qr``: invite codes as QR codes.
"""
