"""Peer exchange commands: ``peers invite|accept|list|verify|remove|mute``, ``share``,
``sync``, ``feed``, ``reply`` and ``react``."""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import Any

from peerjournal.cli.context import Context
from peerjournal.cli.editor import add_disk_temp_option
from peerjournal.cli.output import clean, write_json
from peerjournal.cli.parsing import parse_limit, parse_seconds, shown
from peerjournal.errors import InvalidInput

REACTION_CHOICES = ("heart", "hug", "strength", "same", "thanks")


def register(subparsers: Any) -> None:
    """Add the peer-exchange commands to the top-level parser."""
    peers = subparsers.add_parser("peers", help="pair with peers, list and remove them")
    sub = peers.add_subparsers(
        dest="peers_command", metavar="{invite,accept,list,verify,remove,mute}"
    )
    sub.required = True

    inv = sub.add_parser("invite", help="make a one-time invite code (and QR code)")
    inv.add_argument("--relay", required=True, metavar="URL", help="the relay to use")
    inv.add_argument("--name", metavar="PSEUDONYM", help="how this peer will know you")
    inv.add_argument("--no-qr", action="store_true", help="do not draw the QR code")
    inv.set_defaults(handler=cmd_invite, writes=True)

    acc = sub.add_parser("accept", help="join with an invite code from a peer")
    acc.add_argument("code", help="the pj1:… invite code")
    acc.add_argument("--name", metavar="PSEUDONYM", help="how this peer will know you")
    acc.set_defaults(handler=cmd_accept, writes=True)

    lst = sub.add_parser("list", help="list peers and pending invites")
    lst.add_argument("--json", action="store_true", help="print JSON")
    lst.add_argument("--all", action="store_true", help="include ended pairings")
    lst.set_defaults(handler=cmd_list)

    ver = sub.add_parser("verify", help="mark a peer verified after comparing the safety code")
    ver.add_argument("name", help="the peer's name")
    ver.add_argument(
        "--yes", action="store_true", help="you compared the code: do not ask (for scripts)"
    )
    ver.set_defaults(handler=cmd_verify, writes=True)

    rem = sub.add_parser("remove", help="unpair: say goodbye and delete your mailbox")
    rem.add_argument("name", help="the peer's name")
    rem.set_defaults(handler=cmd_remove, writes=True)

    mute = sub.add_parser("mute", help="hide a peer's items from the feed (or --off)")
    mute.add_argument("name", help="the peer's name")
    mute.add_argument("--off", action="store_true", help="show the peer's items again")
    mute.set_defaults(handler=cmd_mute, writes=True)

    share = subparsers.add_parser(
        "share",
        help="share an anonymised entry with a peer",
        description="Print the redacted preview with its findings numbered; nothing is sent "
        "without --yes, which sends exactly the text the same options preview.",
    )
    share.add_argument("entry_id", help="the entry id (a unique prefix is enough)")
    share.add_argument("--peer", required=True, metavar="NAME", help="the peer to share with")
    share.add_argument("--yes", action="store_true", help="send it (without: preview only)")
    share.add_argument("--cw", default="", metavar="TEXT", help="a content warning")
    share.add_argument("--mood", action="store_true", help="include the entry's mood level")
    share.add_argument(
        "--tag", action="append", default=[], metavar="TAG", help="share this tag (repeatable)"
    )
    share.add_argument(
        "--redact",
        action="append",
        default=[],
        type=parse_finding_number,
        metavar="N",
        help="replace finding N of the preview (repeatable)",
    )
    share.add_argument(
        "--keep",
        action="append",
        default=[],
        type=parse_finding_number,
        metavar="N",
        help="keep the words of finding N as they are (repeatable)",
    )
    share.add_argument(
        "--redact-word",
        action="append",
        default=[],
        metavar="WORD",
        help="replace this word or phrase wherever it stands (repeatable)",
    )
    share.add_argument(
        "--keep-word",
        action="append",
        default=[],
        metavar="WORD",
        help="keep this word or phrase where it was found (repeatable)",
    )
    share.add_argument(
        "--always",
        action="store_true",
        help="with --keep-word/--redact-word and --yes: also keep or redact those words in "
        "every later share (the lists are kept in the vault; Settings shows them)",
    )
    final = share.add_mutually_exclusive_group()
    final.add_argument(
        "--text",
        choices=["-"],
        help='"-": the text to share is read from standard input (it replaces the redacted text)',
    )
    final.add_argument(
        "--edit",
        "-e",
        action="store_true",
        help="edit the redacted text in $VISUAL/$EDITOR (a private in-memory file) first",
    )
    add_disk_temp_option(share)
    share.set_defaults(handler=cmd_share, writes=True)

    sync = subparsers.add_parser("sync", help="send waiting messages and fetch new ones")
    sync.add_argument(
        "--wait", type=parse_seconds, default=0, metavar="S", help="long-poll up to S s"
    )
    sync.add_argument("--json", action="store_true", help="print JSON")
    sync.set_defaults(handler=cmd_sync, writes=True)

    feed = subparsers.add_parser("feed", help="what your peers shared, newest first")
    feed.add_argument("--json", action="store_true", help="print JSON")
    feed.add_argument("--limit", type=parse_limit, default=20, metavar="N", help="at most N items")
    feed.add_argument(
        "--mine", action="store_true", help="what you shared, with the replies and reactions"
    )
    feed.set_defaults(handler=cmd_feed)

    reply = subparsers.add_parser("reply", help="reply to a shared item")
    reply.add_argument("item_id", help="the item id (a unique prefix is enough)")
    reply.add_argument("text", help="your reply")
    reply.set_defaults(handler=cmd_reply, writes=True)

    react = subparsers.add_parser("react", help="react to a shared item")
    react.add_argument("item_id", help="the item id (a unique prefix is enough)")
    react.add_argument("kind", choices=REACTION_CHOICES, help="the reaction")
    react.set_defaults(handler=cmd_react, writes=True)


def _service(ctx: Context) -> Any:
    """The session's peer service (its relay connections close when the vault locks)."""
    return ctx.session().peers


def next_step(state: str, name: str = "NAME") -> str:
    """What the user does next with a pairing in ``state``, in command-line words."""
    if state == "invited":
        return (
            "Give your peer the invite code (or let them scan the QR code). "
            "After they accept it, run `peerjournal sync` to finish pairing."
        )
    if state == "joining":
        return (
            "Ask your peer to run `peerjournal sync`, then run it yourself to finish "
            "pairing. Compare the safety code with your peer."
        )
    if state == "active":
        return (
            "Paired, not verified yet. Compare the safety code with your peer by phone or "
            f"in person, then run `peerjournal peers verify {name}`."
        )
    if state == "verified":
        return "Paired and verified: you both compared the safety code."
    return "This pairing has ended."


def state_words(info: Any) -> str:
    """A pairing's state as a list shows it; an unverified pairing always says so."""
    if info.state == "active":
        return "paired, NOT VERIFIED"
    if info.state == "verified":
        return "paired, verified"
    return str(info.state)


def cmd_invite(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal peers invite --relay URL``."""
    from peerjournal.app.peers import invite_qr_text

    service = _service(ctx)
    info, code = service.invite(args.relay, pseudonym=args.name)
    ctx.out("Invite code (valid for 7 days, usable once):")
    ctx.out()
    ctx.out(code)
    ctx.out()
    if not args.no_qr:
        ctx.stdout.write(invite_qr_text(code))
        ctx.out()
    ctx.out(f"Your name for this peer: {clean(info.my_pseudonym)}")
    ctx.out(next_step(info.state))
    return 0


def cmd_accept(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal peers accept CODE``."""
    service = _service(ctx)
    info = service.accept(args.code, pseudonym=args.name)
    ctx.out(f"Invite accepted; you appear as {clean(info.my_pseudonym)}.")
    ctx.out(f"Safety code: {info.safety_code}")
    ctx.out(next_step(info.state, clean(info.name)))
    return 0


def _peer_json(info: Any) -> dict[str, Any]:
    return {
        "id": info.id,
        "name": info.name,
        "my_pseudonym": info.my_pseudonym,
        "state": info.state,
        "role": info.role,
        "relay": info.relay_url,
        "safety_code": info.safety_code,
        "muted": info.muted,
        "waiting": info.waiting,
        "invite_code": info.invite_code,
        "verified": info.verified,
    }


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal peers list``."""
    peers = _service(ctx).list(include_ended=args.all)
    if args.json:
        write_json([_peer_json(p) for p in peers], ctx.stdout)
        return 0
    if not peers:
        ctx.out("No peers yet. Start with: peerjournal peers invite --relay URL")
        return 0
    for p in peers:
        bits = [clean(p.name), state_words(p), f"you are {clean(p.my_pseudonym)}"]
        if p.safety_code:
            bits.append(f"safety code {p.safety_code}")
        if p.waiting:
            bits.append(f"{p.waiting} waiting to send")
        if p.muted:
            bits.append("muted")
        ctx.out("  ".join(bits))
    return 0


def cmd_verify(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal peers verify NAME [--yes]``."""
    service = _service(ctx)
    info = service.get(args.name)
    if info.safety_code and not info.verified:
        ctx.out(f"Safety code with {clean(info.name)}: {info.safety_code}")
        ctx.out(
            f"Compare it with {clean(info.name)} by phone or in person (not over the channel "
            "the invite travelled by): you must both see the same five groups."
        )
    if not info.verified and not ctx.confirm(
        "Did you both compare it and does it match?", yes=args.yes
    ):
        ctx.out("Not marked verified. Run it again once you have compared the code.")
        return 1
    info = service.verify(args.name)
    ctx.out(f"{clean(info.name)} is verified.")
    return 0


def cmd_remove(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal peers remove NAME``."""
    service = _service(ctx)
    info = service.remove(args.name)
    ctx.out(f"Unpaired from {clean(info.name)}. Their items stay in your feed history.")
    if info.waiting:
        ctx.out("The goodbye could not be sent yet; `peerjournal sync` will send it.")
    return 0


def cmd_mute(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal peers mute NAME``."""
    info = _service(ctx).mute(args.name, not args.off)
    ctx.out(f"{clean(info.name)} is {'muted' if info.muted else 'no longer muted'}.")
    return 0


def parse_finding_number(text: str) -> int:
    """A finding number of the share preview: a whole number from 1."""
    value = text.strip()
    if not value.isascii() or not value.isdigit() or len(value) > 6 or int(value) < 1:
        raise argparse.ArgumentTypeError(
            f"{shown(text)} is not a finding number (the preview numbers them from 1)"
        )
    return int(value)


def cmd_share(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal share ENTRY_ID --peer NAME [--redact N] [--keep N] [--edit] [--yes]``."""
    from peerjournal.app.peers import ShareChoices

    if args.always and not (args.keep_word or args.redact_word):
        raise InvalidInput("share.always_without_words")
    service = _service(ctx)
    preview = service.share_preview(
        args.entry_id,
        args.peer,
        tags=tuple(args.tag),
        content_warning=args.cw,
        include_mood=args.mood,
        choices=ShareChoices(
            redact=tuple(args.redact),
            keep=tuple(args.keep),
            redact_words=tuple(args.redact_word),
            keep_words=tuple(args.keep_word),
        ),
    )
    own_text = args.text == "-" or args.edit
    if args.text == "-":
        preview = service.with_text(preview, ctx.read_stdin())
    elif args.edit:
        edited = ctx.edit_text(clean(preview.body))
        if not edited.strip():
            raise InvalidInput("share.edited_empty")
        preview = service.with_text(preview, edited)
    # What is printed is what is sent: control characters go from both.
    preview = replace(
        preview,
        title=clean(preview.title),
        body=clean(preview.body),
        content_warning=clean(preview.content_warning),
    )
    _print_preview(ctx, preview, own_text=own_text)
    if own_text:
        left = [f for f in service.anonymiser().find(preview.body) if f.auto]
        if left:
            words = ", ".join(f"{f.description} “{clean(f.text)}”" for f in left[:5])
            ctx.warn(f"your text still has what may identify someone: {words}")
    send = args.yes or (args.edit and ctx.confirm(f"Send this to {preview.peer_name}?", yes=False))
    peer = service.get(args.peer)
    if not send:
        if peer.ask_before_share:
            ctx.out(_unverified(peer))
        ctx.out("Nothing was sent. Add --yes to send exactly this text.")
        return 0
    if peer.ask_before_share:
        if ctx.interactive:
            # Asked at the terminal even with --yes (which means "send this text"), once
            # per pairing: the answer is remembered.
            ctx.out(_unverified(peer))
            if not ctx.confirm("Share with them anyway?", yes=False):
                ctx.out("Nothing was sent.")
                return 1
            service.share_unverified_ok(args.peer)
        else:
            ctx.warn(clean(_unverified(peer)))
    item_id = service.share_send(preview)
    waiting = service.get(args.peer).waiting
    state = "waiting to send; run `peerjournal sync` later" if waiting else "sent"
    ctx.out(f"Shared as item {item_id[:8]} ({state}).")
    if args.always:
        for word in args.keep_word:
            ctx.out(
                f"“{clean(service.remember_word(word, keep=True))}” is always kept from now on."
            )
        for word in args.redact_word:
            stored = clean(service.remember_word(word, keep=False))
            ctx.out(f"“{stored}” is always redacted from now on.")
    return 0


def _print_preview(ctx: Context, preview: Any, *, own_text: bool) -> None:
    """The preview as it would be sent, then its findings numbered from 1."""
    ctx.out(f"To {clean(preview.peer_name)} — day {preview.day} (no time is shared)")
    if preview.content_warning:
        ctx.out(f"Content warning: {preview.content_warning}")
    if preview.title:
        ctx.out(f"Title: {preview.title}")
    ctx.out(preview.body)
    if preview.tags:
        ctx.out("Tags: " + ", ".join(clean(t) for t in preview.tags))
    if preview.mood is not None:
        ctx.out(f"Mood: {preview.mood}")
    ctx.out()
    if not preview.findings:
        ctx.out("Nothing that looks identifying was found.")
        return
    where = " in the entry" if own_text else ""
    ctx.out(f"Found{where} (change with --redact N or --keep N):")
    width = len(str(len(preview.findings)))
    for index, finding in enumerate(preview.findings):
        what = finding.description if finding.auto else f"maybe {finding.description}"
        state = "replaced" if index in preview.redacted else "kept    "
        place = " (title)" if index < preview.title_count else ""
        ctx.out(f"  {index + 1:>{width}}. {state}  {what}{place}: “{clean(finding.text)}”")
    unsure = [n + 1 for n, f in enumerate(preview.findings) if not f.auto]
    if any(n - 1 not in preview.redacted for n in unsure):
        ctx.out("Check the ones marked “maybe”: they are kept unless you redact them.")


def _unverified(peer: Any) -> str:
    name = clean(peer.name)
    return (
        f"{name} is not verified: you have not confirmed comparing the safety code "
        f"{peer.safety_code} with them (`peerjournal peers verify {name}`)."
    )


def cmd_sync(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal sync``."""
    service = _service(ctx)
    report = service.sync(wait=max(0, min(args.wait, 30)))
    if args.json:
        write_json(
            {
                "sent": report.sent,
                "received": report.received,
                "duplicates": report.duplicates,
                "rejected": report.rejected,
                "waiting": report.waiting,
                "paired": report.paired,
                "ended": report.ended,
                "expired": report.expired,
                "errors": [error.render() for error in report.errors],
            },
            ctx.stdout,
        )
    else:
        ctx.out(
            f"Sent {report.sent}, received {report.received}, {report.waiting} waiting to send."
        )
        if report.rejected:
            ctx.out(f"Ignored {report.rejected} unreadable message(s).")
        for name in report.paired:
            code = service.get(name).safety_code
            ctx.out(
                f"Paired with {clean(name)}. Safety code: {code} (compare it with them, "
                f"then run `peerjournal peers verify {clean(name)}`)."
            )
        for name in report.ended:
            ctx.out(f"{clean(name)} ended the pairing.")
        for name in report.expired:
            ctx.out(f"The unused invite {clean(name)} ran out and was removed.")
    for error in report.errors:
        ctx.warn(clean(error.render()))
    return 1 if report.errors and not (report.sent or report.received) else 0


def cmd_feed(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal feed``."""
    service = _service(ctx)
    page_of = service.shared if args.mine else service.feed
    items = page_of(limit=max(1, args.limit))
    if args.json:
        write_json(
            [
                {
                    "id": i.id,
                    "peer": i.peer,
                    "day": i.day,
                    "title": i.title,
                    "body": i.body,
                    "tags": list(i.tags),
                    "mood": i.mood,
                    "content_warning": i.content_warning,
                    "replies": [
                        {"from": r.direction, "day": r.day, "text": r.text} for r in i.replies
                    ],
                    "reactions": [
                        {"from": r.direction, "day": r.day, "reaction": r.text} for r in i.reactions
                    ],
                }
                for i in items
            ],
            ctx.stdout,
        )
        return 0
    if not items:
        ctx.out(
            "You have not shared anything yet." if args.mine else "Nothing shared with you yet."
        )
    for i in items:
        direction = "to" if args.mine else "from"
        ctx.out(f"{i.id[:8]}  {i.day}  {direction} {clean(i.peer)}")
        if i.content_warning:
            ctx.out(f"  Content warning: {clean(i.content_warning)}")
        if i.title:
            ctx.out(f"  {clean(i.title)}")
        for line in clean(i.body).splitlines():
            ctx.out(f"  {line}")
        for r in i.replies:
            who = "you" if r.direction == "out" else clean(i.peer)
            ctx.out(f"    ↳ {who}: {clean(r.text)}")
        if i.reactions:
            ctx.out("    " + " ".join(r.text for r in i.reactions))
        ctx.out()
    return 0


def cmd_reply(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal reply ITEM_ID TEXT``."""
    service = _service(ctx)
    service.reply(args.item_id, args.text)
    ctx.out("Reply sent (or waiting for the next sync).")
    return 0


def cmd_react(args: argparse.Namespace, ctx: Context) -> int:
    """``peerjournal react ITEM_ID KIND``."""
    service = _service(ctx)
    service.react(args.item_id, args.kind)
    ctx.out("Reaction sent (or waiting for the next sync).")
    return 0
