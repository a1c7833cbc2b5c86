"""Errors about what the user asked for: ids that do not exist, values that cannot be used.

The ``field.*`` texts name what a value is for ("title", "note"); sentences such as
``text.nul`` take one as their ``field`` parameter, so one sentence serves every field and
is translated as a whole.
"""

from __future__ import annotations

from peerjournal.errors.base import PeerJournalError, register_texts

register_texts(
    {
        "field.title": "title",
        "field.template": "template",
        "field.entry_text": "entry text",
        "field.note": "note",
        "field.tag": "tag",
        "field.emotion": "emotion",
        "field.activity": "activity",
        "field.text": "text",
        "field.content_warning": "content warning",
        "field.reply": "reply",
        "field.passphrase": "passphrase",
        "field.recovery_code": "recovery code",
    }
)


class NotFound(PeerJournalError):
    """An entry, mood log, peer or item id that does not exist."""

    messages = {
        "not_found": "Not found.",
        "entry.not_found": "No entry has that id.",
        "entry.id_too_short": "An entry id needs at least 4 characters.",
        "entry.id_ambiguous": "More than one entry starts with that id; give more characters.",
        "mood.not_found": "No mood log has that id.",
        "mood.id_too_short": "A mood log id needs at least 4 characters.",
        "mood.id_ambiguous": "More than one mood log starts with that id; give more characters.",
        "peer.not_found": "There is no such peer.",
        "peer.not_found_named": "There is no peer called {name!r}.",
        "item.id_too_short": "Give at least 4 characters of the item id.",
        "item.not_found": "There is no single shared item starting with {prefix!r}.",
    }


class InvalidInput(PeerJournalError):
    """A value given by the user is not acceptable."""

    messages = {
        "input.invalid": "That value is not valid.",
        # values any writer gives (checked by the domain and the services)
        "text.not_text": "The {field} must be text.",
        "text.nul": "The {field} contains a NUL character.",
        "text.unstorable": "The {field} contains characters that cannot be stored.",
        "text.too_long": "The {field} is longer than {limit:,} characters; nothing was saved.",
        "tag.too_long": "A tag may be at most 100 characters long.",
        "tags.too_many": "An entry may have at most {limit} tags; nothing was saved.",
        "name.too_long": "An {field} name may be at most 100 characters long.",
        "names.too_many": "A check-in may have at most {limit:,} names of each kind "
        "({field}); nothing was saved.",
        "time.not_datetime": "A time must be a date and time.",
        "time.no_zone": "A time must carry its time zone.",
        "time.implausible": "The time {value} is outside the years {low} to {high} that "
        "PeerJournal keeps; nothing was saved.",
        "entry.time_no_zone": "An entry's times must carry a time zone.",
        "entry.purge_live": "Only entries in the trash can be deleted for good.",
        "mood.level": "The mood level must be a whole number from 1 to 5.",
        "mood.time_no_zone": "A mood log's time must carry a time zone.",
        "mood.label": "A mood label must be 1 to 50 characters of text.",
        "list.offset": "The offset must be zero or more.",
        "list.limit": "The limit must be between 0 and {limit}.",
        "list.limit_negative": "The limit must be zero or more.",
        "list.not_days": "Date filters must be calendar days.",
        "calendar.month": "That is not a valid month.",
        "setting.no_name": "A setting needs a name.",
        "setting.unstorable": "That setting value cannot be stored.",
        "passphrase.empty": "The passphrase must not be empty.",
        "passphrase.new_empty": "The new passphrase must not be empty.",
        "passphrase.unusable": "The passphrase contains characters that cannot be used.",
        "passphrase.mismatch": "The two passphrases differ; nothing was changed.",
        # sharing with peers
        "share.no_such_tag": "The entry has no tag {tag!r}.",
        "share.tags": "Too many or too long tags.",
        "share.too_long": "The {field} is too long to share (at most {limit} characters).",
        "share.mood_level": "A mood level is 1 to 5.",
        "share.empty_reply": "A reply needs some text.",
        "share.reaction": "A reaction is one of: {reactions}.",
        "share.no_such_finding": "There is no finding {number}: the preview numbers its "
        "findings 1 to {count}; nothing was shared.",
        "share.no_findings": "There is no finding {number}: the preview found nothing to "
        "number; nothing was shared.",
        "share.kept_and_redacted": "Finding {number} cannot be both kept and redacted; "
        "nothing was shared.",
        "share.word_kept_and_redacted": "{word!r} cannot be both kept and redacted; "
        "nothing was shared.",
        "share.word_not_found": "{word!r} is not in the entry; nothing was shared.",
        "share.word_inside_finding": "{word!r} is part of the finding {finding!r} and cannot "
        "be kept alone: keep that finding by its number; nothing was shared.",
        "share.word_empty": "A word to keep or redact needs at least one letter or digit.",
        "share.word_too_long": "A word to keep or redact is at most {limit} characters.",
        "share.too_many_words": "A keep or redact list holds at most {limit} words.",
        "share.text_empty": "The text to share is empty (an empty pipe often means the "
        "command before it failed); nothing was shared.",
        "share.always_without_words": "--always remembers the words of --keep-word and "
        "--redact-word; give at least one.",
        "share.edited_empty": "The text saved in the editor is empty; nothing was shared.",
        "peer.not_active": "{name} is not paired yet; sync first to finish pairing.",
        "peer.not_paired": "That peer is not paired (yet).",
        "peer.unpaired": "That peer is no longer paired.",
        "peer.not_verifiable": "{name} is not paired yet, so there is no safety code to "
        "compare; sync first to finish pairing.",
        "pairing.pseudonym": "A pseudonym is at most {limit} printable characters.",
        "pairing.relay_url": "That relay address is not usable: it must start with "
        "http:// or https:// and name a host, with no spaces.",
        "pairing.relay_url_extras": "That relay address is not usable: "
        "it must not carry a query, a fragment or a user name.",
        "pairing.relay_url_port": "That relay address is not usable: its port is not valid.",
        # the command line
        "cli.secret_file_missing": "The {field} file {path} does not exist.",
        "cli.secret_file_folder": "The {field} file {path} is a folder.",
        "cli.secret_file_unreadable": "The {field} file {path} cannot be read ({reason}).",
        "cli.secret_file_too_large": "The {field} file {path} is too large to hold a {field}.",
        "cli.secret_file_not_utf8": "The {field} file {path} is not UTF-8 text.",
        "cli.secret_file_empty": "The {field} file {path} is empty.",
        "cli.no_terminal": "A {field} is needed but there is no terminal to ask for it: "
        "use {flag} FILE or set {env}.",
        "cli.no_terminal_new_passphrase": "A new passphrase is needed but there is no "
        "terminal to ask for it: use {flag} FILE or set {env}.",
        "cli.nothing_typed": "Nothing was typed; nothing was changed.",
        "cli.argument_not_utf8": "The {option} given on the command line is not UTF-8 text; "
        "nothing was changed.",
        "cli.path_too_long": "The name given for {option} is too long for any file system (a "
        "part of it is over {limit} bytes); nothing was changed.",
        "cli.path_empty": "The name given for {option} is empty (an unset variable?); give a "
        "file or folder name. Nothing was changed.",
        "cli.body_empty": "The new body is empty, so the entry was left as it was (an empty "
        "pipe often means the command before it failed). To clear the body on purpose, "
        "use --clear-body.",
        "cli.purge_needs_yes": "Entry {id} is not in the trash, and deleting it for good "
        "cannot be undone: add --yes to do it, or leave out --purge to move it to the trash.",
        "cli.not_confirmed": "Not confirmed; nothing was changed.",
        # a count stands after a label, so it reads right for 1 as for 2 in every language
        "cli.bulk_needs_yes": "Entries that match: {count}. No one is at a terminal to "
        "confirm: add --yes to change them. Nothing was changed.",
        "cli.bulk_needs_filter": "Give an entry ID, or a filter (--tag, --since, --until, "
        "--on, --starred) to act on every entry it selects.",
        "cli.bulk_filter_with_id": "Give either an entry ID or a filter (--since, --until, "
        "--on, --starred), not both.",
        "cli.bulk_one_tag": "Filter by one tag at a time.",
        "cli.bulk_no_purge": "Deleting for good works on one entry at a time (--purge ID); "
        "a filter moves its entries to the trash.",
        "cli.bulk_edit_fields": "With a filter, edit changes tags and stars only (--add-tag, "
        "--untag, --star, --unstar); give an ID to change a title, body or date.",
        "cli.bulk_nothing_to_change": "Nothing to change: give --add-tag, --untag, --star or "
        "--unstar.",
        "cli.mood_delete_needs_yes": "Deleting mood log {id} cannot be undone: add --yes to do it.",
        "cli.stdin_not_utf8": "Standard input is not UTF-8 text (bad byte at position {position}).",
        "cli.stdin_too_long": "The text on standard input is longer than {limit:,} chars.",
        "cli.text_needed": 'Give the entry text as an argument, or "-" to read standard input.',
        "cli.entry_empty": "The entry is empty; nothing was saved.",
        "cli.nothing_to_change": "Nothing to change: give --title, --body, --clear-body, "
        "--tag, --untag, --star, --unstar or --date.",
        "cli.mood_nothing_to_change": "Nothing to change: give a level, --emotion, --activity, "
        "--note, --at, --clear-emotions or --clear-activities.",
        "cli.already_in_trash": "Entry {id} is already in the trash "
        "(delete it for good with --purge).",
        "cli.not_in_trash": "Entry {id} is not in the trash.",
        "cli.agent_folder_not_private": "{folder} is not private to you; "
        "refusing to keep a session there.",
        "cli.agent_folder_foreign": "Nothing was sent to the unlocked session: its folder "
        "{folder} belongs to another user (uid {owner}), who may be posing as it. Remove that "
        "folder, or set XDG_RUNTIME_DIR to a folder of your own.",
        "cli.agent_folder_open": "Nothing was sent to the unlocked session: its folder "
        "{folder} can be used by other users (mode {mode}). Make it private "
        "(chmod 700) or remove it.",
        "cli.agent_folder_not_folder": "Nothing was sent to the unlocked session: {folder} "
        "is not a folder (or is a link). Remove it.",
        "cli.agent_socket_foreign": "Nothing was sent to the unlocked session: its socket "
        "{socket} belongs to another user (uid {owner}), who may be posing as it.",
        "cli.agent_socket_not_socket": "Nothing was sent to the unlocked session: {socket} "
        "is not a socket. Remove it.",
        "cli.agent_peer_foreign": "Nothing was sent to the unlocked session: the process "
        "answering at {socket} runs as another user (uid {uid}), who may be posing as it.",
        "cli.agent_path_too_long": "The folder {folder} is too deep for the session's socket; "
        "set XDG_RUNTIME_DIR to a shorter folder of your own.",
        "cli.agent_unsupported": "Unlocked sessions need Unix sockets, which this system lacks.",
        "cli.agent_not_started": "The session could not be started.",
        "cli.file_unreadable": "The {field} file {path} cannot be read ({reason}).",
        "cli.file_too_large": "The {field} file {path} is larger than 1 MiB.",
        "cli.file_not_utf8": "The {field} file {path} is not UTF-8 text.",
        "cli.template_unusable": "A template must hold some text and at most {limit:,} characters.",
        "cli.query_needed": "Give the words to search for, e.g. "
        "peerjournal search 'walk OR river'.",
        "cli.on_with_since": "--on names one day; leave out --since and --until with it.",
        "cli.agent_gone": "The unlocked session ended before it answered; nothing was changed.",
        "cli.agent_stopped": "The unlocked session is not answering: its process {pid} is "
        "stopped. Nothing was sent. Run `peerjournal lock` to end it (or resume the process), "
        "then try again.",
        "cli.agent_lock_no_answer": "The unlocked session did not answer, and its process "
        "could not be told to be PeerJournal's agent, so it was left running: end it yourself "
        "(it runs as python -c … agent_main), then try again.",
        "cli.agent_no_answer": "The unlocked session did not answer within {seconds} seconds. "
        "The command may or may not have been carried out (check, e.g. with `peerjournal "
        "list`); run `peerjournal lock` to end the session, or `peerjournal unlock` again.",
        "cli.editor_empty": "The text saved in the editor is empty, so the entry was left as "
        "it was. To clear the body on purpose, use --clear-body.",
        "cli.editor_none": "No editor is set: set $VISUAL or $EDITOR "
        "(for example `export EDITOR=nano`), or give the text as an argument or with -.",
        "cli.editor_unusable": "${name} does not name an editor that can be started.",
        "cli.editor_not_started": "The editor {editor} could not be started ({reason}); "
        "nothing was saved.",
        "cli.editor_failed": "The editor {editor} ended with status {status}; nothing was saved.",
        "cli.editor_no_memory_folder": "This system has no private in-memory folder for the "
        "editor's file ($XDG_RUNTIME_DIR or /dev/shm), and a file in {folder} would put the "
        "text on the disk unencrypted. Add --allow-disk-temp to accept that, or give the "
        "text with - (standard input) instead.",
        "cli.editor_file_gone": "The editor's file was removed before it was read back; "
        "nothing was saved.",
        "cli.editor_not_utf8": "The editor saved text that is not UTF-8 (bad byte at "
        "position {position}); nothing was saved.",
    }
