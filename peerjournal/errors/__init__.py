"""The exception tree of PeerJournal, and the one catalogue of what users read.

Every error the program raises on purpose is a :class:`PeerJournalError`: a *known error*.
It carries a stable ``code`` and ``params``; the sentence the user reads comes from the
catalogue, never from the place that raised it. The command line prints the English
sentence (``error.message``); the desktop app renders ``error.text`` through Qt's
translator, so a German window shows the same error in German. Anything that is *not* a
``PeerJournalError`` is a bug: it is recorded as types and frames only (peerjournal.buglog)
and reported as a bug, never shown raw. Code never recognises an error by its text: it
catches a class, or compares ``code`` (and ``relay_code`` for relay answers).

The tree, with the codes each class declares (a class may also carry its bases' codes)::

    PeerJournalError            error
    ├── ImportExportError       import.failed, import.dayone_not, import.dayone_no_entries,
    │   │                       import.dayone_zip_empty, import.dayone_no_journal, import.zip_bad,
    │   │                       import.zip_member_bad, import.zip_too_many, import.zip_encrypted,
    │   │                       import.zip_member_too_large, import.zip_unsafe_name,
    │   │                       import.daylio_header, import.daylio_empty, import.csv_bad,
    │   │                       import.csv_quote_open, import.csv_too_long, import.jrnl_unknown,
    │   │                       import.jrnl_line_too_long, import.jrnl_text_start,
    │   │                       import.jrnl_text_empty, import.cancelled, import.mood_map_bad,
    │   │                       import.unmapped_moods, import.invalid, import.invalid_anywhere,
    │   │                       import.record_refused, import.vocabulary_refused,
    │   │                       import.unknown_format, import.dangling_mood, import.no_file,
    │   │                       import.stdin, import.option_not_for_format, import.not_a_file,
    │   │                       import.is_folder, import.md_single_file_export, import.permission,
    │   │                       import.unreadable, import.too_large_mib, import.too_large,
    │   │                       import.data_too_large, import.not_utf8, import.not_json,
    │   │                       import.too_deep, import.json_constant, import.json_value,
    │   │                       import.json_key_twice, import.jrnl_list, import.jrnl_no_entries,
    │   │                       import.not_peerjournal, import.not_peerjournal_jrnl,
    │   │                       import.newer_format, export.inside_vault, export.is_folder,
    │   │                       export.no_folder, export.permission, export.unwritable
    │   └── ExportError         export.failed, export.cancelled, export.unknown_format,
    │                           export.needs_file, export.target_exists, export.replace_needs_yes,
    │                           export.not_a_file, export.pipe_use_stdout, export.pipe_needs_file,
    │                           export.stream_full, export.stream_failed, export.range_reversed,
    │                           export.not_confirmed, export.no_pdf
    ├── InvalidInput            input.invalid, text.not_text, text.nul, text.unstorable,
    │                           text.too_long, tag.too_long, tags.too_many, name.too_long,
    │                           names.too_many, time.not_datetime, time.no_zone, time.implausible,
    │                           entry.time_no_zone, entry.purge_live, mood.level, mood.time_no_zone,
    │                           mood.label, list.offset, list.limit, list.limit_negative,
    │                           list.not_days, calendar.month, setting.no_name, setting.unstorable,
    │                           passphrase.empty, passphrase.new_empty, passphrase.unusable,
    │                           passphrase.mismatch, share.no_such_tag, share.tags, share.too_long,
    │                           share.mood_level, share.empty_reply, share.reaction,
    │                           share.no_such_finding, share.no_findings, share.kept_and_redacted,
    │                           share.word_kept_and_redacted, share.word_not_found,
    │                           share.word_inside_finding, share.word_empty, share.word_too_long,
    │                           share.too_many_words, share.text_empty, share.always_without_words,
    │                           share.edited_empty, peer.not_active, peer.not_paired, peer.unpaired,
    │                           peer.not_verifiable, pairing.pseudonym, pairing.relay_url,
    │                           pairing.relay_url_extras, pairing.relay_url_port,
    │                           cli.secret_file_missing, cli.secret_file_folder,
    │                           cli.secret_file_unreadable, cli.secret_file_too_large,
    │                           cli.secret_file_not_utf8, cli.secret_file_empty, cli.no_terminal,
    │                           cli.no_terminal_new_passphrase, cli.nothing_typed,
    │                           cli.argument_not_utf8, cli.path_too_long, cli.path_empty,
    │                           cli.body_empty, cli.purge_needs_yes, cli.not_confirmed,
    │                           cli.bulk_needs_yes, cli.bulk_needs_filter, cli.bulk_filter_with_id,
    │                           cli.bulk_one_tag, cli.bulk_no_purge, cli.bulk_edit_fields,
    │                           cli.bulk_nothing_to_change, cli.mood_delete_needs_yes,
    │                           cli.stdin_not_utf8, cli.stdin_too_long, cli.text_needed,
    │                           cli.entry_empty, cli.nothing_to_change, cli.mood_nothing_to_change,
    │                           cli.already_in_trash, cli.not_in_trash,
    │                           cli.agent_folder_not_private, cli.agent_folder_foreign,
    │                           cli.agent_folder_open, cli.agent_folder_not_folder,
    │                           cli.agent_socket_foreign, cli.agent_socket_not_socket,
    │                           cli.agent_peer_foreign, cli.agent_path_too_long,
    │                           cli.agent_unsupported, cli.agent_not_started, cli.file_unreadable,
    │                           cli.file_too_large, cli.file_not_utf8, cli.template_unusable,
    │                           cli.query_needed, cli.on_with_since, cli.agent_gone,
    │                           cli.agent_stopped, cli.agent_lock_no_answer, cli.agent_no_answer,
    │                           cli.editor_empty, cli.editor_none, cli.editor_unusable,
    │                           cli.editor_not_started, cli.editor_failed,
    │                           cli.editor_no_memory_folder, cli.editor_file_gone,
    │                           cli.editor_not_utf8
    ├── NotFound                not_found, entry.not_found, entry.id_too_short, entry.id_ambiguous,
    │                           mood.not_found, mood.id_too_short, mood.id_ambiguous,
    │                           peer.not_found, peer.not_found_named, item.id_too_short,
    │                           item.not_found
    ├── OutputFailed            output.failed, output.failed_after_change,
    │                           output.init_code_not_shown, output.new_code_not_shown
    ├── SyncError               sync.failed
    │   ├── InvalidInvite       invite.invalid, invite.expired, invite.already_accepted, invite.used
    │   ├── ProtocolError       protocol.invalid, protocol.version, protocol.no_message_list,
    │   │                       protocol.bad_ack, protocol.cut_short, protocol.not_json,
    │   │                       protocol.wrong_shape, protocol.too_large, protocol.id_not_text,
    │   │                       protocol.bad_id, protocol.unexpected_status
    │   ├── RelayRejected       relay.rejected, relay.refused, relay.auth_failed,
    │   │   │                   relay.stale_request, relay.replayed_request, relay.already_secured,
    │   │   │                   relay.message_conflict, relay.mailbox_full, relay.payload_too_large,
    │   │   │                   relay.relay_full, relay.bad_envelope_size, relay.bad_request,
    │   │   │                   relay.not_found
    │   │   └── RateLimited     relay.rate_limited
    │   └── RelayUnreachable    relay.unreachable, relay.down, relay.unreachable_invite,
    │                           relay.unreachable_accept
    └── VaultError              vault.error, vault.no_wal, vault.cannot_create, vault.kdf_memory
        ├── BackupError         backup.failed, backup.no_file, backup.is_folder, backup.empty,
        │                       backup.not_a_file, backup.unrecognised, backup.damaged,
        │                       backup.truncated, backup.modified, backup.too_new, backup.integrity,
        │                       backup.target_not_file, backup.file_exists, backup.unwritable,
        │                       backup.target_not_empty, backup.keep
        ├── StorageFull         vault.disk_full
        ├── VaultCorrupt        vault.corrupt, vault.database_missing, vault.lock_not_file,
        │                       vault.database_empty, vault.header_damaged, vault.header_foreign,
        │                       vault.header_no_version, vault.header_too_large,
        │                       vault.recovery_slot_damaged, vault.integrity
        ├── VaultExists         vault.exists, vault.exists_in, vault.exists_database_only
        ├── VaultHeaderModified vault.header_modified, vault.header_weakened,
        │                       vault.recovery_weakened
        ├── VaultInUse          vault.in_use, vault.in_use_agent
        ├── VaultLocked         vault.locked
        ├── VaultNotFound       vault.not_found, vault.not_found_in
        ├── VaultReadOnly       vault.read_only
        ├── VaultTooNew         vault.too_new
        └── WrongPassphrase     vault.wrong_passphrase, vault.bad_recovery_code,
                                vault.wrong_recovery_code, vault.wrong_backup_passphrase,
                                vault.wrong_backup_recovery_code

How to add a known error (one place):

1. In the module of its subsystem (``vault.py``, ``input.py``, ``files.py``, ``sync.py``),
   add ``"area.what": "English sentence with {named} fields."`` to the ``messages`` of the
   class it belongs to, or declare a new class there with its own ``messages`` (its first
   code is its default) and export it below. Parameters are plain values or other
   :class:`Text` objects (a field name, where in a file), which are translated too.
2. Raise it: ``raise VaultReadOnly("vault.read_only", folder=str(path))``.
3. Run ``resources/translations/update.sh`` and translate the new German entries.

The tests say what is missing: this tree (``tests/unit/test_errors.py`` prints the expected
drawing), a German translation with the same fields, a code raised that no class declares.
Codes are never reused for another meaning; retire one by deleting it.
"""

from __future__ import annotations

from peerjournal.errors.base import Param, PeerJournalError, Text, catalogue, register_texts
from peerjournal.errors.exports import ExportError, OutputFailed
from peerjournal.errors.files import ImportExportError
from peerjournal.errors.input import InvalidInput, NotFound
from peerjournal.errors.sync import (
    InvalidInvite,
    ProtocolError,
    RateLimited,
    RelayRejected,
    RelayUnreachable,
    SyncError,
)
from peerjournal.errors.vault import (
    BackupError,
    StorageFull,
    VaultCorrupt,
    VaultError,
    VaultExists,
    VaultHeaderModified,
    VaultInUse,
    VaultLocked,
    VaultNotFound,
    VaultReadOnly,
    VaultTooNew,
    WrongPassphrase,
)

__all__ = [
    "BackupError",
    "ExportError",
    "ImportExportError",
    "InvalidInput",
    "InvalidInvite",
    "NotFound",
    "OutputFailed",
    "Param",
    "PeerJournalError",
    "ProtocolError",
    "RateLimited",
    "RelayRejected",
    "RelayUnreachable",
    "StorageFull",
    "SyncError",
    "Text",
    "VaultCorrupt",
    "VaultError",
    "VaultExists",
    "VaultHeaderModified",
    "VaultInUse",
    "VaultLocked",
    "VaultNotFound",
    "VaultReadOnly",
    "VaultTooNew",
    "WrongPassphrase",
    "catalogue",
    "register_texts",
]
