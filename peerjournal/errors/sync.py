"""Errors of the peer exchange: invites, the relay, and what relays and peers send."""

from __future__ import annotations

from peerjournal.errors.base import Param, PeerJournalError, register_texts

register_texts({"sync.peer_problem": "{peer}: {problem}"})

#: The relay's documented error codes (docs/protocol.md section 4) and their sentences.
RELAY_CODES: dict[str, str] = {
    "auth_failed": "relay.auth_failed",
    "stale_request": "relay.stale_request",
    "replayed_request": "relay.replayed_request",
    "already_secured": "relay.already_secured",
    "message_conflict": "relay.message_conflict",
    "mailbox_full": "relay.mailbox_full",
    "payload_too_large": "relay.payload_too_large",
    "relay_full": "relay.relay_full",
    "bad_envelope_size": "relay.bad_envelope_size",
    "bad_request": "relay.bad_request",
    "not_found": "relay.not_found",
}


class SyncError(PeerJournalError):
    """Base for peer-exchange errors."""

    messages = {"sync.failed": "Sharing with your peers did not work this time."}


class InvalidInvite(SyncError):
    """A pairing code that cannot be used (malformed, expired, or already used)."""

    messages = {
        "invite.invalid": "That invite code is not valid. Ask your peer for a new one.",
        "invite.expired": "That invite has expired. Ask your peer for a new one.",
        "invite.already_accepted": "You already accepted this invite.",
        "invite.used": "That invite has already been used. Ask for a new one.",
    }


class RelayUnreachable(SyncError):
    """The relay could not be reached, or is not working right now."""

    messages = {
        "relay.unreachable": "The relay could not be reached. Your messages wait and go out later.",
        "relay.down": "The relay is not working right now; messages go out later.",
        # pairing leaves nothing waiting to go out later: say what to check instead
        # (the pairing dialog's own sentences, so both say the same)
        "relay.unreachable_invite": "The relay at {url} could not be reached. No invite was "
        "made. Check the address and your connection, then try again.",
        "relay.unreachable_accept": "The invite's relay could not be reached. Nothing was "
        "changed. Check your connection and try again: the invite has not been used.",
    }


class RelayRejected(SyncError):
    """The relay answered with a documented error code.

    ``relay_code`` is the relay's own code (``"auth_failed"``), ``status`` the HTTP status;
    both are for the program, the sentence comes from :data:`RELAY_CODES`.
    """

    messages = {
        "relay.rejected": "The relay refused the request.",
        "relay.refused": "The relay refused the request ({wire_code}).",
        "relay.auth_failed": "The relay did not accept this pairing's keys; "
        "the mailbox may be gone.",
        "relay.stale_request": "The relay says this computer's clock is wrong. "
        "Check the date and time.",
        "relay.replayed_request": "The relay saw the same request twice; it will be retried.",
        "relay.already_secured": "That invite has already been used. Ask your peer for a new one.",
        "relay.message_conflict": "The relay holds a different message with the same id.",
        "relay.mailbox_full": "Your peer's mailbox on the relay is full; "
        "messages wait and go out later.",
        "relay.payload_too_large": "The message is too large for the relay.",
        "relay.relay_full": "The relay is out of space; messages wait and go out later.",
        "relay.bad_envelope_size": "The relay refused the message size.",
        "relay.bad_request": "The relay did not understand the request.",
        "relay.not_found": "The relay does not offer that service; check the relay address.",
    }

    def __init__(
        self, code: str | None = None, /, *, relay_code: str = "", status: int = 0, **params: Param
    ) -> None:
        super().__init__(code, **params)
        self.relay_code = relay_code
        self.status = status

    @staticmethod
    def from_relay(relay_code: str, status: int, *, retry_after: float = 0.0) -> RelayRejected:
        """The error for a relay answer with ``relay_code``: :class:`RateLimited` for 429 or
        ``rate_limited``, else its own sentence when the code is documented, else the
        general one naming the code."""
        relay_code = relay_code[:64]
        if status == 429 or relay_code == "rate_limited":
            return RateLimited(relay_code=relay_code, status=status, retry_after=retry_after)
        known = RELAY_CODES.get(relay_code)
        if known is None:
            return RelayRejected(
                "relay.refused", relay_code=relay_code, status=status, wire_code=relay_code[:40]
            )
        return RelayRejected(known, relay_code=relay_code, status=status)


class RateLimited(RelayRejected):
    """429 ``rate_limited``; ``retry_after`` is the relay's Retry-After in seconds (capped)."""

    messages = {
        "relay.rate_limited": "The relay asks to slow down; messages go out a little later.",
    }

    def __init__(
        self,
        code: str | None = None,
        /,
        *,
        relay_code: str = "rate_limited",
        status: int = 429,
        retry_after: float = 0.0,
        **params: Param,
    ) -> None:
        super().__init__(code, relay_code=relay_code, status=status, **params)
        self.retry_after = retry_after


class ProtocolError(SyncError):
    """A relay or peer sent something malformed or hostile."""

    messages = {
        "protocol.invalid": "The relay or a peer sent data that is not valid; it was ignored.",
        "protocol.version": "The relay speaks a different protocol version.",
        "protocol.no_message_list": "The relay's answer has no message list.",
        "protocol.bad_ack": "The relay's acknowledgement answer is malformed.",
        "protocol.cut_short": "The relay's answer was cut short or malformed.",
        "protocol.not_json": "The relay's answer is not valid JSON.",
        "protocol.wrong_shape": "The relay's answer has the wrong shape.",
        "protocol.too_large": "The relay's answer is too large.",
        "protocol.id_not_text": "A mailbox or message id from the relay is not text.",
        "protocol.bad_id": "A mailbox or message id is malformed.",
        "protocol.unexpected_status": "The relay answered with an unexpected status {status}.",
    }
