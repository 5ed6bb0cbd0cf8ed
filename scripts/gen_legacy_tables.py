"""Generate normalize/_legacy_tables.py (TCVN3, VISCII and VNI to Unicode maps).

TCVN3 and VISCII come from glibc iconv's charmaps; VNI (which glibc lacks) is built from its
scheme: an ASCII base letter followed by a mark byte. Every table maps the text a legacy-font
page shows after a cp1252 or latin-1 decode to the Unicode letter the font draws.

Usage: python scripts/gen_legacy_tables.py [--charmaps /usr/share/i18n/charmaps] [--out PATH]
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import re
import unicodedata
from pathlib import Path

CHARMAP_LINE = re.compile(r"^<U([0-9A-F]{4,8})>\s+/x([0-9a-f]{2})\s", re.MULTILINE)
ROOT = Path(__file__).resolve().parent.parent
TONES = {"sac": "\u0301", "huyen": "\u0300", "hoi": "\u0309", "nga": "\u0303", "nang": "\u0323"}
# TCVN3 (VN3) keeps only these capitals; toned capitals need the all-caps .VnTimeH font.
TCVN3_CAPITALS = frozenset("ĂÂÊÔƠƯĐ")
PAIRS_PER_LINE = 4
FIRST_TCVN3_LETTER = 0xA1


def read_charmap(path: Path) -> dict[int, str]:
    """Read the single-byte entries of a glibc charmap: byte -> Unicode character."""
    text = gzip.decompress(path.read_bytes()).decode("ascii", errors="replace")
    return {int(byte, 16): chr(int(code, 16)) for code, byte in CHARMAP_LINE.findall(text)}


def byte_views(byte: int) -> list[str]:
    """Return the characters a byte turns into under latin-1 and then cp1252 decoding."""
    views = [chr(byte)]
    with contextlib.suppress(UnicodeDecodeError):
        cp1252 = bytes([byte]).decode("cp1252")
        if cp1252 != views[0]:
            views.append(cp1252)
    return views


def tcvn3_table(charmap: dict[int, str]) -> dict[str, str]:
    """VN3 repertoire: lowercase Vietnamese letters plus seven base capitals, bytes 0xA1-0xFF."""
    table: dict[str, str] = {}
    for byte, char in charmap.items():
        if byte < FIRST_TCVN3_LETTER or not char.isalpha():
            continue
        if char.islower() or char in TCVN3_CAPITALS:
            table[chr(byte)] = char
    return table


def viscii_table(charmap: dict[int, str]) -> dict[str, str]:
    """Every byte VISCII uses for a letter that latin-1/cp1252 shows as something else."""
    table: dict[str, str] = {}
    for byte, char in charmap.items():
        if not char.isalpha() or (char.isascii() and char == chr(byte)):
            continue
        for view in byte_views(byte):
            if view != char:
                table[view] = char
    return table


def with_tone(base: str, tone: str) -> str:
    """Compose a base letter (possibly with a vowel mark) and a tone mark."""
    return unicodedata.normalize("NFC", base + tone)


def vni_lower_table() -> dict[str, str]:
    """Lowercase VNI sequences: base letter + mark characters (cp1252 view of the bytes)."""
    tone_bytes = {"sac": "ù", "huyen": "ø", "hoi": "û", "nga": "õ", "nang": "ï"}
    circumflex = {"": "â", "sac": "á", "huyen": "à", "hoi": "å", "nga": "ã", "nang": "ä"}
    breve = {"": "ê", "sac": "é", "huyen": "è", "hoi": "ú", "nga": "ü", "nang": "ë"}
    table: dict[str, str] = {"ô": "ơ", "ö": "ư", "ñ": "đ"}
    table |= {"í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}
    for base in "aeouy":
        for tone, mark in tone_bytes.items():
            if not (base == "y" and tone == "nang"):
                table[base + mark] = with_tone(base, TONES[tone])
    for vowel, mark_base in (("ơ", "ô"), ("ư", "ö")):
        for tone, mark in tone_bytes.items():
            table[mark_base + mark] = with_tone(vowel, TONES[tone])
    for base in "aeo":
        for tone, mark in circumflex.items():
            table[base + mark] = with_tone(base + "\u0302", TONES.get(tone, ""))
    for tone, mark in breve.items():
        table["a" + mark] = with_tone("a\u0306", TONES.get(tone, ""))
    return table


def vni_table() -> dict[str, str]:
    """VNI in both cases: capitals take the upper-case mark bytes."""
    lower = vni_lower_table()
    table = dict(lower)
    for sequence, char in lower.items():
        table[sequence.upper()] = char.upper()
    return dict(sorted(table.items(), key=lambda item: (-len(item[0]), item[0])))


def escaped(text: str) -> str:
    """Pure-ASCII escaped form of a string, without quotes."""
    return "".join(
        char if " " < char < "\x7f" and char not in '\\"' else f"\\u{ord(char):04x}"
        for char in text
    )


def render(name: str, table: dict[str, str]) -> list[str]:
    """The table as space-separated ``legacy unicode`` pairs, wrapped to short lines."""
    pairs = [f"{escaped(key)} {escaped(value)}" for key, value in table.items()]
    rows = [" ".join(pairs[i : i + PAIRS_PER_LINE]) for i in range(0, len(pairs), PAIRS_PER_LINE)]
    lines = [f"{name}: Final[dict[str, str]] = _pairs("]
    lines += [f'    "{row} "' for row in rows[:-1]] + [f'    "{rows[-1]}"', ")", ""]
    return lines


def generate(charmaps: Path) -> str:
    """Return the whole module text."""
    header = [
        '"""Legacy Vietnamese font encodings mapped to Unicode (generated, do not edit).',
        "",
        "Regenerate with: python scripts/gen_legacy_tables.py",
        "(TCVN3 and VISCII from glibc's TCVN5712-1 and VISCII charmaps; VNI from its scheme.)",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Final",
        "",
        "",
        "def _pairs(spec: str) -> dict[str, str]:",
        '    """Build a table from space-separated legacy/Unicode pairs."""',
        '    items = spec.split(" ")',
        "    return dict(zip(items[::2], items[1::2], strict=True))",
        "",
        "",
    ]
    body = render("TCVN3_TO_UNICODE", tcvn3_table(read_charmap(charmaps / "TCVN5712-1.gz")))
    body += render("VISCII_TO_UNICODE", viscii_table(read_charmap(charmaps / "VISCII.gz")))
    body += render("VNI_TO_UNICODE", vni_table())
    return "\n".join(header + body[:-1]) + "\n"


def main() -> None:
    """Write the generated module."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--charmaps", type=Path, default=Path("/usr/share/i18n/charmaps"))
    parser.add_argument("--out", type=Path, default=ROOT / "normalize" / "_legacy_tables.py")
    args = parser.parse_args()
    args.out.write_text(generate(args.charmaps), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
