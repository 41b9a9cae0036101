"""Generate a synthetic corpus of defence-industry news articles, deterministically.

Articles are assembled from templates of this module and names from the package's
gazetteers (companies, platforms, armed forces, agencies, countries with their
capitals). The same ``n`` and ``seed`` always give the same articles, byte for byte.

    python benchmarks/corpus.py --n 1000 --out /tmp/corpus         # one .txt per article
    python benchmarks/corpus.py --n 1000 --out /tmp/corpus.jsonl   # JSON Lines
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from graph.articles import Article

__all__ = ["Names", "generate", "load_names", "write_corpus"]

DATA = Path(__file__).resolve().parent.parent / "graph" / "data"

FIRST_NAMES = ("Ahmad", "Siti", "Min-jun", "Ji-woo", "Emre", "Ayşe", "Rahul", "Priya", "Nguyen", "Thanh", "Maria",
               "José", "Anna", "Piotr", "Lars", "Ingrid", "Kenji", "Yuki", "Budi", "Dewi", "Carlos", "Fatima")
LAST_NAMES = ("Rahman", "Hamid", "Park", "Kim", "Yilmaz", "Demir", "Sharma", "Iyer", "Tran", "Pham", "Santos",
              "Reyes", "Kowalski", "Nowak", "Lindgren", "Berg", "Tanaka", "Sato", "Santoso", "Wijaya", "Silva")
HONORIFICS = ("", "", "", "Datuk ", "Dr ", "General ", "Admiral ")
CURRENCIES = (("US$", 1), ("€", 1), ("RM", 4), ("S$", 1), ("₩", 1300), ("SEK ", 10), ("£", 1))
ORDINALS = ("second", "third", "fourth")
EVENT_KINDS = ("Defence Industry Cooperation Seminar", "Defence Industry Dialogue", "Defence Exhibition",
               "Maritime Security Forum", "Air Power Conference")


@dataclass(frozen=True)
class Names:
    """The names articles are made of, grouped by kind and country."""

    countries: list[str]
    capitals: dict[str, str]
    companies: dict[str, list[str]]  # country -> companies
    platforms: list[tuple[str, str, str]]  # (name, country, kind)
    forces: dict[str, list[str]]  # country -> armed forces
    agencies: dict[str, list[str]]  # country -> agencies


def _rows(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if row and not row[0].startswith("#"):
                yield row


def load_names(data: Path = DATA) -> Names:
    """Read the gazetteers: only countries with a company of their own take part."""
    by_kind: dict[str, dict[str, list[str]]] = {k: defaultdict(list) for k in ("companies", "forces", "agencies")}
    for kind in by_kind:
        for row in _rows(data / "gazetteers" / f"{kind}.tsv"):
            by_kind[kind][row[2]].append(row[0])
    platforms = [(r[0], r[2], r[4] if len(r) > 4 else "system") for r in _rows(data / "gazetteers" / "platforms.tsv")]
    capitals = {}
    for row in _rows(data / "countries.tsv"):
        if row[0] == "alpha2":
            continue
        capitals[row[2]] = (row[5].split("|")[0] if len(row) > 5 and row[5] else row[2]).upper()
    countries = sorted(c for c in by_kind["companies"] if c in capitals)
    return Names(countries, capitals, {k: sorted(v) for k, v in by_kind["companies"].items()}, sorted(platforms),
                 {k: sorted(v) for k, v in by_kind["forces"].items()},
                 {k: sorted(v) for k, v in by_kind["agencies"].items()})


def _person(rng: random.Random) -> str:
    return f"{rng.choice(HONORIFICS)}{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _money(rng: random.Random) -> str:
    symbol, scale = rng.choice(CURRENCIES)
    amount = rng.choice((45, 120, 212, 350, 480, 650, 920)) * scale
    return f"{symbol}{amount:,} million" if amount < 1000 else f"{symbol}{amount / 1000:.1f} billion"


PARAGRAPHS: tuple[str, ...] = (
    "{capital}: {buyer} signed a government-to-government agreement with {seller} on {weekday} for {qty} {platform} "
    "{kind}s worth {money}, the {buyer_adj} defence ministry said.",
    "The contract with {company} was signed by {person} on behalf of the {agency} and witnessed by {minister}, "
    "{buyer}'s defence minister, at the {event}.",
    "{buyer} will become the {ordinal} country after {other} and {other2} to operate the {platform}, which is "
    "manufactured by {company} in {seller}.",
    "The first {kind} is expected to be delivered to the {force} in {year}, with the remaining units to follow by "
    "{year2}, {person2} told reporters.",
    "More than {count} companies from {countries} countries took part in the {event}, which was organised by the "
    "{agency} and drew about {visitors},000 visitors.",
    "{minister} also visited {company}'s plant and inspected the {platform} production line before meeting "
    "{person2}, the company's chief executive.",
    "The two countries signed a memorandum of understanding on technology transfer and joint production in "
    "{year0}, and the new deal is expected to receive Cabinet approval by {month}.",
    "\"This agreement shows that {seller} is a trusted partner,\" {minister} said, adding that local firms would "
    "take a share of the work on maintenance, repair and overhaul.",
    "{company} said the {platform} would be equipped with {company2} sensors and that a second batch of {qty2} "
    "was under negotiation.",
    "Officials of the {agency} said the programme would create about {jobs} jobs and that {pct} per cent of the "
    "components would be made locally under licence.",
    "{buyer} and {seller} have been strategic partners since {year0}, and their armed forces hold joint exercises "
    "every year.",
    "The {force} currently operates {qty2} older {kind}s that entered service in the 1990s and are due to be retired "
    "once the new ones arrive.",
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def _article(i: int, rng: random.Random, names: Names) -> Article:
    platform, maker, kind = rng.choice(names.platforms)
    seller = maker if maker in names.companies else rng.choice(names.countries)
    buyer, other, other2 = rng.sample([c for c in names.countries if c != seller], 3)
    year = rng.choice((2024, 2025, 2026))
    month = rng.randrange(1, 13)
    slots = {
        "capital": names.capitals[buyer], "buyer": buyer, "seller": seller, "other": other, "other2": other2,
        "buyer_adj": buyer, "platform": platform, "kind": kind, "qty": rng.randrange(2, 40),
        "qty2": rng.randrange(2, 12), "money": _money(rng), "company": rng.choice(names.companies[seller]),
        "company2": rng.choice(names.companies[rng.choice(names.countries)]),
        "agency": rng.choice(names.agencies.get(buyer) or [f"Ministry of Defence of {buyer}"]),
        "force": rng.choice(names.forces.get(buyer) or [f"{buyer} Armed Forces"]),
        "person": _person(rng), "person2": _person(rng), "minister": _person(rng),
        "event": f"{buyer}-{seller} {rng.choice(EVENT_KINDS)} {year}", "ordinal": rng.choice(ORDINALS),
        "weekday": rng.choice(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")),
        "year": year + rng.randrange(1, 4), "year2": year + rng.randrange(4, 7), "year0": year - rng.randrange(1, 6),
        "month": MONTHS[month - 1], "count": rng.randrange(20, 400), "countries": rng.randrange(5, 60),
        "visitors": rng.randrange(5, 90), "jobs": rng.randrange(2, 40) * 100, "pct": rng.randrange(10, 60),
    }
    body = [PARAGRAPHS[0], *rng.sample(PARAGRAPHS[1:], rng.randrange(4, len(PARAGRAPHS)))]
    text = "\n\n".join(p.format(**slots) for p in body)
    if rng.random() < 0.5:
        text += f" – {rng.choice(('Bernama', 'PTI', 'Antara', 'Yonhap', 'Anadolu'))}"
    return Article(text=text, key=f"bench-{i:06d}", url=f"https://example.org/bench/{i:06d}",
                   date=f"{year}-{month:02d}-{rng.randrange(1, 29):02d}",
                   title=f"{buyer} orders {platform} from {seller}")


def generate(n: int, seed: int = 20250922, names: Names | None = None) -> list[Article]:
    """Return ``n`` articles; the same ``n`` and ``seed`` give the same articles."""
    names = names or load_names()
    rng = random.Random(seed)
    return [_article(i, rng, names) for i in range(n)]


def write_corpus(articles: list[Article], out: Path) -> list[Path]:
    """Write articles as header-format .txt files into a directory, or as one .jsonl file."""
    if out.suffix == ".jsonl":
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as fh:
            for a in articles:
                fh.write(json.dumps({"text": a.text, "url": a.url, "date": a.date, "title": a.title},
                                    ensure_ascii=False) + "\n")
        return [out]
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for a in articles:
        p = out / f"{a.key}.txt"
        p.write_text(f"url: {a.url}\ndate: {a.date}\ntitle: {a.title}\n\n{a.text}\n", encoding="utf-8")
        paths.append(p)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--seed", type=int, default=20250922)
    parser.add_argument("--out", type=Path, required=True, help="a directory, or a file ending in .jsonl")
    args = parser.parse_args()
    paths = write_corpus(generate(args.n, args.seed), args.out)
    print(f"wrote {args.n} articles to {args.out} ({len(paths)} file(s))")


if __name__ == "__main__":
    main()
