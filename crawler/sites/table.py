"""The site registry as a text table (``partynews sites``) and as the markdown of docs/sites.md."""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from crawler.sites import known_sites
from crawler.sites.base import SiteProfile
from crawler.sites.catalog.merger import ABSORBED_INTO, MERGER

DOC_PATH = Path(__file__).resolve().parents[2] / "docs" / "sites.md"
REGENERATE = "python -m crawler.sites.table --write"
KINDS = ("central", "provincial_portal", "provincial_newspaper")
STATUSES = ("active", "archive", "unverified")
HEADERS = ("key", "kind", "province", "historical province", "family", "status", "domain")

_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


class UnknownProvinceError(ValueError):
    """A province filter that names no current or absorbed province."""

    def __init__(self, name: str) -> None:
        valid = ", ".join(province_names())
        super().__init__(
            f"unknown province {name!r}; valid provinces (current and absorbed): {valid}"
        )
        self.name = name


def vietnamese_sort_key(text: str) -> tuple[tuple[int, int], ...]:
    """Order Vietnamese words by their letters (a ă â b … đ …), then by tone marks."""
    letters, tones = [], []
    for char in unicodedata.normalize("NFD", text.casefold()):
        if char in _TONE_MARKS:
            tones.append(ord(char))
        else:
            letters.append(char)
    base = unicodedata.normalize("NFC", "".join(letters))
    ranks = [_letter_rank(char) for char in base]
    return (*ranks, (-1, 0), *((3, tone) for tone in tones))


def _letter_rank(char: str) -> tuple[int, int]:
    """Rank a letter: spaces first (so 'Bà Rịa' < 'Bạc Liêu'), then the alphabet, then the rest."""
    if char.isspace():
        return (0, 0)
    if char in _ALPHABET:
        return (1, _ALPHABET.index(char))
    return (2, ord(char))


def province_names() -> list[str]:
    """Return the names a province filter accepts: the 34 current and the absorbed provinces."""
    return sorted([*MERGER, *ABSORBED_INTO], key=vietnamese_sort_key)


def _folded(name: str) -> str:
    """Fold a province name for lenient matching: no diacritics, no case, single spaces."""
    decomposed = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    folded = " ".join(plain.casefold().split())
    for prefix in ("tp. ", "tp ", "thanh pho "):
        folded = folded.removeprefix(prefix)
    return folded


def resolve_province(name: str) -> str:
    """Return the registry spelling of ``name`` ('hai phong' → 'Hải Phòng') or raise."""
    for province in province_names():
        if _folded(province) == _folded(name):
            return province
    raise UnknownProvinceError(name)


def _sort_key(profile: SiteProfile) -> tuple[object, ...]:
    province = profile.province or ""
    historical = profile.province_historical or ""
    return (
        bool(province),
        vietnamese_sort_key(province),
        KINDS.index(profile.kind) if profile.kind in KINDS else len(KINDS),
        bool(historical),
        vietnamese_sort_key(historical),
        profile.key,
    )


def select_sites(
    profiles: Iterable[SiteProfile] | None = None,
    *,
    province: str | None = None,
    kind: str | None = None,
    status: str | None = None,
) -> list[SiteProfile]:
    """Filter the registry and sort it by province (central sites first), then kind.

    A current province selects all its sites, archives included; an absorbed province
    selects the sites whose historical province it is.
    """
    chosen = known_sites() if profiles is None else list(profiles)
    if province is not None:
        wanted = resolve_province(province)
        field = "province" if wanted in MERGER else "province_historical"
        chosen = [profile for profile in chosen if getattr(profile, field) == wanted]
    if kind is not None:
        chosen = [profile for profile in chosen if profile.kind == kind]
    if status is not None:
        chosen = [profile for profile in chosen if profile.status == status]
    return sorted(chosen, key=_sort_key)


def _row(profile: SiteProfile) -> tuple[str, ...]:
    return (
        profile.key,
        profile.kind,
        profile.province or "-",
        profile.province_historical or "-",
        profile.family,
        profile.status,
        profile.domains[0],
    )


def text_table(profiles: Sequence[SiteProfile]) -> str:
    """Format profiles as an aligned plain-text table with a header line."""
    rows = [HEADERS, *(_row(profile) for profile in profiles)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(HEADERS))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _cell(text: str) -> str:
    """Escape the characters that markdown would read as table, HTML or emphasis syntax."""
    for char in ("\\", "|", "<", ">", "*"):
        text = text.replace(char, "\\" + char)
    return text


def markdown_table(profiles: Sequence[SiteProfile]) -> str:
    """Format profiles as a markdown table, with name, every domain and the note."""
    header = (
        "key",
        "name",
        "kind",
        "province",
        "historical province",
        "family",
        "status",
        "domains",
        "note",
    )
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for profile in profiles:
        key, kind, province, historical, family, status, _ = _row(profile)
        domains = ", ".join(profile.domains)
        cells = (
            key,
            profile.name,
            kind,
            province,
            historical,
            family,
            status,
            domains,
            profile.note,
        )
        lines.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
    return "\n".join(lines) + "\n"


def _counts(profiles: Sequence[SiteProfile]) -> str:
    counts: Counter[tuple[str, str]] = Counter(
        (profile.kind, profile.status) for profile in profiles
    )
    lines = ["| kind | " + " | ".join(STATUSES) + " | total |", "|" + "---|" * (len(STATUSES) + 2)]
    for kind in KINDS:
        numbers = [counts[kind, status] for status in STATUSES]
        lines.append(f"| {kind} | " + " | ".join(map(str, numbers)) + f" | {sum(numbers)} |")
    totals = [sum(counts[kind, status] for kind in KINDS) for status in STATUSES]
    lines.append("| all | " + " | ".join(map(str, totals)) + f" | {sum(totals)} |")
    return "\n".join(lines) + "\n"


_INTRO = """\
# Known sites

Generated from the site registry (`crawler/sites/catalog/`) by `{command}`;
do not edit by hand: `tests/crawler/test_sites_table.py` fails when this file is out of date.
The same list, filterable, is printed by `partynews sites [--province P] [--kind K] [--status S]`.
Sites are sorted by province (central organs first), then kind.

* **kind**: `central` (central party organs), `provincial_portal` (the party committee's portal of a
  province or centrally-run city), `provincial_newspaper` (the province's party newspaper, since
  2025 the merged "Báo và Phát thanh, Truyền hình").
* **province** is the province today, after the merger of 63 provinces into 34 on 1 Jul 2025;
  **historical province** is the absorbed province a site belonged to (empty where it is the same).
* **status**: `active` — the research saw the site itself (stored pages or public code) and it
  belongs to a current province; `archive` — the site of an absorbed province: it may redirect
  to the new province's site or vanish, and its old articles keep their historical province;
  `unverified` — the domain or the site's activity has not been confirmed (the note says what is
  known).
* **family**: the CMS family whose URL shapes and selectors the site uses (`generic` when unknown).

## Counts

{counts}
## Sites

{table}"""


def sites_markdown(profiles: Sequence[SiteProfile] | None = None) -> str:
    """Return the full text of docs/sites.md for ``profiles`` (default: the whole registry)."""
    chosen = select_sites(profiles)
    return _INTRO.format(command=REGENERATE, counts=_counts(chosen), table=markdown_table(chosen))


def main(argv: Sequence[str] | None = None) -> int:
    """Print docs/sites.md, or write it with ``--write``."""
    parser = argparse.ArgumentParser(prog="python -m crawler.sites.table", description=__doc__)
    parser.add_argument("--write", action="store_true", help=f"write {DOC_PATH.name} in docs/")
    args = parser.parse_args(argv)
    text = sites_markdown()
    if args.write:
        DOC_PATH.write_text(text, encoding="utf-8")
        print(f"wrote {DOC_PATH}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
