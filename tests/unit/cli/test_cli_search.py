"""`search` and `list` on the command line: operators unquoted, -n, --on, --starred, --after."""

from __future__ import annotations

from tests.unit.cli.test_cli_journal import Cli, cli, runner, vault

__all__ = ["cli", "runner", "vault"]  # fixtures used by the tests below


def _titles(hits: list[dict[str, object]]) -> list[str]:
    return [str(h["entry"]["title"]) for h in hits]  # type: ignore[index]


def test_operators_work_quoted_or_not(cli: Cli) -> None:
    cli.add("by the river", "--title", "A", "--date", "2026-05-01T09:00")
    cli.add("in the park", "--title", "B", "--date", "2026-05-02T09:00", "--star")
    cli.add("中文测试 🙂", "--title", "C", "--date", "2026-05-03T09:00")
    assert sorted(_titles(cli.json("search", "river", "OR", "park"))) == ["A", "B"]
    assert _titles(cli.json("search", "the", "-river")) == ["B"]
    assert _titles(cli.json("search", "the -river")) == ["B"]
    assert _titles(cli.json("search", "(river OR park)", "NOT", "park")) == ["A"]
    assert _titles(cli.json("search", "中文")) == ["C"]
    assert _titles(cli.json("search", "🙂")) == ["C"]
    assert _titles(cli.json("search", "the", "--starred")) == ["B"]
    assert _titles(cli.json("search", "the", "--on", "2026-05-01")) == ["A"]
    assert len(cli.json("search", "the", "-n", "1")) == 1
    status, out, _ = cli.run("search", "中文")
    assert status == 0 and "[中文]测试" in out


def test_search_refuses_what_it_cannot_mean(cli: Cli) -> None:
    status, _, err = cli.run("search")
    assert status == 1 and "words to search" in err
    status, _, err = cli.run("search", "x", "--on", "2026-05-01", "--since", "2026-04-01")
    assert status == 1 and "--on" in err
    status, _, err = cli.run("search", "x", "--limit", "0")
    assert status == 2


def test_list_pages_by_key_and_by_count(cli: Cli) -> None:
    ids = [cli.add(f"entry {i}", "--date", f"2026-05-{i + 1:02d}T09:00")["id"] for i in range(5)]
    newest_first = list(reversed(ids))
    first = cli.json("list", "-n", "2")
    assert [e["id"] for e in first] == newest_first[:2]
    after = cli.json("list", "-n", "2", "--after", first[-1]["id"][:8])
    assert [e["id"] for e in after] == newest_first[2:4]
    assert [e["id"] for e in cli.json("list", "--offset", "4")] == newest_first[4:]
    assert [e["id"] for e in cli.json("list", "--on", "2026-05-03")] == [ids[2]]
    status, _, err = cli.run("list", "--after", "ffffffff")
    assert status == 1 and err.count("\n") == 1
