"""Builds assets/detector/first_names.txt, the detector's list of first names, from the INSEE
"fichier des prénoms" (births in France 1900-2018, Licence Ouverte) as the `prenoms` package
(MIT) ships it, ordered by frequency: python scripts/first_names.py PRENOMS_DATA_DIR

Kept: the most given names (`--top` of each sex), of three letters or more. A name that is also a
common word is marked `word` (the rules take it for a name only in a context that makes it one,
"Rose a dit", "Rose Dubois", never alone, "la rose", "Pierre par pierre"): one of
`words.COMMON_WORD_NAMES`, a form in spaCy's French lemma table, a stop word of spaCy's French or
English, or a lower-case word of Debian's English word list (wamerican, /usr/share/dict) where it
is installed, except `words.NAMES_MORE_THAN_WORDS` (wfrench is not read: it lists "jacques",
"julien" or "richard" as words). Run by hand when the list is renewed; nothing is downloaded, and
the server only reads the file it writes."""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from facilitation.detector.words import (  # noqa: E402
    COMMON_WORD_NAMES,
    ENGLISH_FIRST_NAMES,
    FRENCH_FIRST_NAMES,
    NAMES_MORE_THAN_WORDS,
)

DICTIONARIES = (Path("/usr/share/dict/american-english"),)
OUT = ROOT / "assets" / "detector" / "first_names.txt"


def names(path: Path, top: int) -> list[str]:
    listed = path.read_text(encoding="utf-8").splitlines()[1].split(",")
    return [unicodedata.normalize("NFC", n.strip()).lower() for n in listed[:top] if n.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path, help="the prenoms package's data folder")
    parser.add_argument("--top", type=int, default=2500)
    args = parser.parse_args()
    import spacy

    french = spacy.load("fr_core_news_sm", exclude=["parser", "senter", "morphologizer", "ner", "tok2vec"])
    table = french.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
    from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP

    words = set(EN_STOP) | set(FR_STOP)
    for dictionary in DICTIONARIES:
        if dictionary.exists():
            words |= {w for w in dictionary.read_text(encoding="utf-8").split() if w.islower()}
    found: dict[str, None] = {}
    for sex in ("f", "m"):
        for name in names(args.data / f"dist.prenoms.{sex}.all.txt", args.top):
            found[name] = None
    for name in [*FRENCH_FIRST_NAMES, *ENGLISH_FIRST_NAMES]:
        found[name] = None
    lines = []
    for name in sorted(found):
        if len(name) < 3 or not all(ch.isalpha() or ch in "-'" for ch in name):
            continue
        word = name in COMMON_WORD_NAMES or (
            (name in table or name in words) and name not in NAMES_MORE_THAN_WORDS
        )
        lines.append(f"{name}\tword" if word else name)
    header = (
        "# First names for the personal-data detector: INSEE, fichier des prénoms (Licence Ouverte),\n"
        "# as shipped by the prenoms package (MIT), plus facilitation/detector/words.py's lists.\n"
        "# Built by scripts/first_names.py; `word`: also a common word, a name only in context.\n"
    )
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} first names, {sum(line.endswith('word') for line in lines)} also words -> {OUT}")


if __name__ == "__main__":
    main()
