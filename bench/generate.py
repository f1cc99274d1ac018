"""Deterministic synthetic coded sheets for the benchmarks.

A coded sheet in the long layout, one row per (respondent, proposal) pair,
with the headers an official would write::

    Remiss | Remissinstans | Typ | Förslag | Tema | Ställningstagande | Kommentar

Cardinalities are those of a large real compilation:

* 300 respondents: 21 regions, 200 municipalities, then government agencies,
  universities and organisations (see :data:`TYPE_COUNTS`);
* 100 proposals with ids such as ``4.10`` and ``5.2.1`` in 8 topics;
* stances as Swedish words, mostly the template's own (``Tillstyrker``,
  ``Tillstyrker delvis``, ``Avstyrker``, ``Ingen synpunkt``) plus about one in
  ten synonyms (``Instämmer``, ``Delvis``, ``Avstyrks``, ``Avstår`` ...);
* a comment of 100 to 300 characters on every row.

A consultation has at most 300 x 100 = 30,000 distinct pairs, so larger
sheets hold several consultations (one per 25,000 rows): 10k rows is one
consultation, 100k four, 1M forty. No (consultation, respondent, proposal)
pair repeats, so the loader sees no duplicates.

Everything is a function of ``(n, seed)`` only: the same arguments give the
same cells. :func:`ensure_xlsx` writes the workbook once (xlsxwriter in
constant-memory mode, row by row) and caches it under ``bench/.cache/``;
:func:`coded_data` builds the loaded dataset directly, without a workbook,
for the interaction and memory benchmarks at 1M rows.

    python -m bench.generate 100000          # writes (or reuses) the cached file
"""
from __future__ import annotations

import math
import os
import sys
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

#: Bump when the output changes, so cached workbooks are not reused.
GENERATOR_VERSION = 1
SEED = 20250101
CACHE_DIR = Path(__file__).resolve().parent / ".cache"
SHEET = "Svar"
HEADERS = ("Remiss", "Remissinstans", "Typ", "Förslag", "Tema", "Ställningstagande", "Kommentar")
#: Excel's row limit, header included.
EXCEL_MAX_ROWS = 1_048_576
#: Rows per consultation (a consultation has at most 300 x 100 distinct pairs).
ROWS_PER_CONSULTATION = 25_000

SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000}


def size_label(n: int) -> str:
    for label, value in SIZES.items():
        if value == n:
            return label
    if n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n % 1_000 == 0:
        return f"{n // 1_000}k"
    return str(n)


# --------------------------------------------------------------------------
# The universe: respondents, proposals, topics, consultations

REGIONS = (
    "Region Stockholm", "Region Uppsala", "Region Sörmland", "Region Östergötland",
    "Region Jönköpings län", "Region Kronoberg", "Region Kalmar län", "Region Gotland",
    "Region Blekinge", "Region Skåne", "Region Halland", "Västra Götalandsregionen",
    "Region Värmland", "Region Örebro län", "Region Västmanland", "Region Dalarna",
    "Region Gävleborg", "Region Västernorrland", "Region Jämtland Härjedalen",
    "Region Västerbotten", "Region Norrbotten",
)
# Fictional municipality names: stem + ending, e.g. "Björkfors kommun".
_STEMS = ("Alm", "Björk", "Ek", "Gran", "Lind", "Sjö", "Berg", "Dal", "Strand", "Vik",
          "Holm", "Ljung", "Mal", "Sol", "Sten", "Tall", "Ulv", "Väster", "Öster", "Norr",
          "Söder", "Ör")
_ENDINGS = ("by", "köping", "hamn", "torp", "sund", "vik", "berga", "fors", "ås", "näs")
AGENCIES = (
    "Socialstyrelsen", "Folkhälsomyndigheten", "Inspektionen för vård och omsorg",
    "Läkemedelsverket", "Tandvårds- och läkemedelsförmånsverket", "E-hälsomyndigheten",
    "Myndigheten för vård- och omsorgsanalys",
    "Statens beredning för medicinsk och social utvärdering", "Skolverket",
    "Universitetskanslersämbetet", "Universitets- och högskolerådet", "Vetenskapsrådet",
    "Forskningsrådet för hälsa, arbetsliv och välfärd", "Arbetsmiljöverket",
    "Arbetsförmedlingen", "Försäkringskassan", "Skatteverket", "Statskontoret",
    "Ekonomistyrningsverket", "Kammarkollegiet", "Länsstyrelsen i Stockholms län",
    "Länsstyrelsen i Skåne län", "Länsstyrelsen i Västra Götalands län",
    "Myndigheten för samhällsskydd och beredskap", "Polismyndigheten", "Domstolsverket",
    "Justitiekanslern", "Riksdagens ombudsmän", "Diskrimineringsombudsmannen",
    "Integritetsskyddsmyndigheten", "Statistiska centralbyrån", "Boverket",
    "Myndigheten för digital förvaltning", "Jämställdhetsmyndigheten",
    "Myndigheten för delaktighet", "Barnombudsmannen",
)
UNIVERSITIES = (
    "Uppsala universitet", "Lunds universitet", "Göteborgs universitet",
    "Stockholms universitet", "Umeå universitet", "Linköpings universitet",
    "Karolinska institutet", "Örebro universitet", "Linnéuniversitetet",
    "Mittuniversitetet", "Malmö universitet", "Karlstads universitet",
    "Mälardalens universitet", "Högskolan Dalarna", "Sophiahemmet högskola",
)
ORGANISATIONS = (
    "Sveriges Kommuner och Regioner", "Vårdförbundet", "Sveriges läkarförbund", "Kommunal",
    "Vision", "Akademikerförbundet SSR", "Fysioterapeuterna", "Sveriges Arbetsterapeuter",
    "Funktionsrätt Sverige", "Svensk sjuksköterskeförening", "Famna", "Vårdföretagarna",
    "Sveriges Tandläkarförbund", "Sveriges Psykologförbund", "Unionen", "TCO", "Saco",
    "Landsorganisationen i Sverige", "Svenskt Näringsliv", "Pensionärernas riksorganisation",
    "SPF Seniorerna", "Riksförbundet för social och mental hälsa", "Sveriges Farmaceuter",
    "Svenska Barnmorskeförbundet", "Dietisternas riksförbund", "Svenska Logopedförbundet",
    "Sveriges förenade studentkårer", "Svenska Läkaresällskapet",
)
N_MUNICIPALITIES = 200
N_RESPONDENTS = 300
#: Respondents per type (sums to 300).
TYPE_COUNTS = {
    "Region": len(REGIONS),
    "Kommun": N_MUNICIPALITIES,
    "Statlig myndighet": len(AGENCIES),
    "Lärosäte": len(UNIVERSITIES),
    "Organisation": N_RESPONDENTS - len(REGIONS) - N_MUNICIPALITIES - len(AGENCIES) - len(UNIVERSITIES),
}
assert TYPE_COUNTS["Organisation"] <= len(ORGANISATIONS)

TOPICS = (
    "Organisation och styrning", "Finansiering", "Kompetensförsörjning", "Digitalisering",
    "Patientsäkerhet", "Tillsyn och uppföljning", "Forskning och utbildning",
    "Jämlik vård",
)
N_PROPOSALS = 100
_CONSULTATION_TITLES = (
    "Stärkt medicinsk kompetens i kommunal hälso- och sjukvård",
    "En nationell plan för kompetensförsörjning",
    "Framtidens läkemedelsförsörjning",
    "En sammanhållen god och nära vård",
    "Digitala vårdtjänster för alla",
    "Ökad patientsäkerhet i primärvården",
    "En tydligare tillsyn över vård och omsorg",
    "Forskning och utbildning i hälso- och sjukvården",
    "Jämlik tandvård",
    "En hållbar finansiering av regionernas hälso- och sjukvård",
)

#: Canonical stance -> (word as written, weight); the first word is the template's.
STANCE_WORDS = {
    "agree": (("Tillstyrker", 0.85), ("Instämmer", 0.05), ("Ingen erinran", 0.05), ("tillstyrker", 0.05)),
    "partly": (("Tillstyrker delvis", 0.85), ("Delvis", 0.10), ("Tillstyrker med reservation", 0.05)),
    "disagree": (("Avstyrker", 0.90), ("Avstyrks", 0.10)),
    "no_position": (("Ingen synpunkt", 0.80), ("Inga synpunkter", 0.10), ("Avstår", 0.10)),
}
STANCE_ORDER = tuple(STANCE_WORDS)
STANCE_SHARES = np.array([0.55, 0.20, 0.12, 0.13])

_OPENERS = {
    "agree": ("{who} tillstyrker förslaget i avsnitt {pid}.",
              "Vi ställer oss bakom förslag {pid} i sin helhet.",
              "Förslaget i {pid} är välmotiverat och {who} tillstyrker det."),
    "partly": ("{who} tillstyrker förslag {pid} men med reservationer.",
               "Vi delar i huvudsak bedömningen i avsnitt {pid}, men inte fullt ut.",
               "Förslag {pid} är ett steg i rätt riktning men behöver kompletteras."),
    "disagree": ("{who} avstyrker förslaget i avsnitt {pid}.",
                 "Vi kan inte ställa oss bakom förslag {pid}.",
                 "Förslaget i {pid} bör inte genomföras i sin nuvarande form."),
    "no_position": ("{who} har inga synpunkter på förslag {pid}.",
                    "Förslaget i avsnitt {pid} berör inte vår verksamhet.",
                    "Vi avstår från att yttra oss om {pid}."),
}
_BODY = (
    "Konsekvenserna för kommunernas ekonomi behöver utredas närmare.",
    "Finansieringen är inte tillräckligt beskriven i betänkandet.",
    "Det saknas en analys av hur förslaget påverkar små kommuner.",
    "Vi ser positivt på att ansvarsfördelningen tydliggörs.",
    "Tidplanen för genomförandet är för kort.",
    "Förslaget riskerar att öka den administrativa bördan för vårdgivarna.",
    "Samverkan mellan region och kommun behöver stärkas ytterligare.",
    "Det är angeläget att patientens perspektiv får större utrymme.",
    "Kompetensförsörjningen är redan i dag ett stort problem i glesbygd.",
    "Vi efterfrågar en tydligare uppföljning av de ekonomiska effekterna.",
    "Den föreslagna regleringen är alltför detaljerad.",
    "Det finns en risk för undanträngning av annan angelägen verksamhet.",
    "Förslaget ligger väl i linje med omställningen till en god och nära vård.",
    "Vi delar utredningens problembeskrivning men inte dess slutsatser.",
    "Digitala lösningar måste utformas så att de är tillgängliga för alla.",
    "Informationssäkerheten behöver analyseras innan förslaget genomförs.",
    "Det är oklart hur förslaget förhåller sig till gällande lagstiftning.",
    "Vi vill understryka vikten av långsiktiga förutsättningar för forskning.",
    "Staten bör ta ett större ansvar för finansieringen.",
    "Ett tydligt nationellt stöd till huvudmännen är en förutsättning.",
    "Förslaget kan bidra till en mer jämlik vård över hela landet.",
    "Vi saknar en konsekvensanalys ur ett barnrättsperspektiv.",
    "Arbetsmiljön för medarbetarna måste beaktas i det fortsatta arbetet.",
    "Erfarenheterna från tidigare satsningar bör tas till vara.",
    "Det behövs en övergångsperiod för att anpassa verksamheten.",
    "Tillsynsmyndighetens roll bör förtydligas i den fortsatta beredningen.",
    "Vi bedömer att kostnaderna är underskattade.",
    "Uppdraget bör ges till en befintlig myndighet i stället för en ny.",
    "Det är viktigt att den kommunala självstyrelsen respekteras.",
    "Förslaget bör följas upp och utvärderas efter tre år.",
    "Lärosätenas möjligheter att dimensionera utbildningen behöver stärkas.",
    "Vi instämmer i att behovet av specialistkompetens är stort.",
)


@dataclass(frozen=True)
class Universe:
    """Who can answer what: fixed for a seed, whatever the number of rows."""

    respondents: tuple[str, ...]
    types: tuple[str, ...]  # canonical type per respondent
    proposals: tuple[str, ...]  # ids in document order
    topics: tuple[str, ...]  # topic per proposal
    stance_cum: np.ndarray  # (N_PROPOSALS, 4) cumulative stance probabilities


def _proposal_ids(rng: np.random.Generator) -> list[str]:
    """100 ids in document order: chapter 4 is flat (has 4.10), chapter 5 nested (has 5.2.1)."""
    ids: list[str] = []
    chapter = 3
    while len(ids) < N_PROPOSALS:
        section = 1
        per_chapter = 12 if chapter == 4 else int(rng.integers(6, 11))
        start = len(ids)
        while len(ids) - start < per_chapter and len(ids) < N_PROPOSALS:
            nested = chapter == 5 and section in (2, 3) or chapter not in (4, 5) and rng.random() < 0.2
            if nested:
                for sub in range(1, int(rng.integers(2, 4)) + 1):
                    ids.append(f"{chapter}.{section}.{sub}")
            else:
                ids.append(f"{chapter}.{section}")
            section += 1
        chapter += 1
    return ids[:N_PROPOSALS]


@lru_cache(maxsize=8)
def universe(seed: int = SEED) -> Universe:
    rng = np.random.default_rng([seed, 1])
    municipalities = [f"{s}{e} kommun" for s in _STEMS for e in _ENDINGS]
    municipalities = [municipalities[i] for i in sorted(rng.choice(len(municipalities), N_MUNICIPALITIES,
                                                                   replace=False))]
    names = (list(REGIONS) + municipalities + list(AGENCIES) + list(UNIVERSITIES)
             + list(ORGANISATIONS[:TYPE_COUNTS["Organisation"]]))
    types = [t for t, k in TYPE_COUNTS.items() for _ in range(k)]
    assert len(names) == len(set(names)) == len(types) == N_RESPONDENTS

    ids = _proposal_ids(rng)
    chapters = sorted({p.split(".")[0] for p in ids}, key=int)
    chapter_topic = {c: TOPICS[i % len(TOPICS)] for i, c in enumerate(chapters)}
    topics = [chapter_topic[p.split(".")[0]] if rng.random() < 0.8 else TOPICS[int(rng.integers(len(TOPICS)))]
              for p in ids]
    for i, topic in enumerate(TOPICS):  # every topic is used
        if topic not in topics:
            topics[i * 7] = topic
    probs = rng.dirichlet(STANCE_SHARES * 20, size=N_PROPOSALS)
    cum = np.cumsum(probs, axis=1)
    cum[:, -1] = 1.0
    return Universe(tuple(names), tuple(types), tuple(ids), tuple(topics), cum)


def consultation_names(count: int) -> list[str]:
    kinds = ("SOU", "Ds")
    return [f"{kinds[k % 2]} {2021 + k % 5}:{11 + 3 * k} {_CONSULTATION_TITLES[k % len(_CONSULTATION_TITLES)]}"
            for k in range(count)]


# --------------------------------------------------------------------------
# Rows

@dataclass
class Rows:
    """The cells of a generated sheet, as indices into the universe plus comment text."""

    n: int
    seed: int
    consultations: list[str]
    consultation: np.ndarray  # index into consultations
    respondent: np.ndarray  # index into universe.respondents
    proposal: np.ndarray  # index into universe.proposals
    stance: np.ndarray  # index into STANCE_ORDER
    word: np.ndarray  # index into STANCE_WORDS[stance]
    comments: list[str]


def _comment_texts(rng, u: Universe, resp: np.ndarray, prop: np.ndarray, stance: np.ndarray) -> list[str]:
    n = len(resp)
    opener = rng.integers(0, 3, n)
    body = rng.integers(0, len(_BODY), (n, 5))
    target = rng.integers(100, 300, n)  # length in [100, 300] after the final full stop
    who = [name if len(name) < 40 else "Vi" for name in u.respondents]
    openers = [[o for o in _OPENERS[s]] for s in STANCE_ORDER]
    out = []
    for i in range(n):
        b = body[i]
        text = (openers[stance[i]][opener[i]].format(who=who[resp[i]], pid=u.proposals[prop[i]])
                + " " + _BODY[b[0]] + " " + _BODY[b[1]] + " " + _BODY[b[2]] + " " + _BODY[b[3]]
                + " " + _BODY[b[4]])
        t = int(target[i])
        cut = text.rfind(" ", 101, t)
        text = text[:cut if cut != -1 else t]
        out.append(text if text.endswith(".") else text.rstrip(",;:") + ".")
    return out


@lru_cache(maxsize=2)
def rows(n: int, seed: int = SEED) -> Rows:
    """The generated sheet of ``n`` data rows (cached per process: treat as read-only)."""
    if not 1 <= n <= EXCEL_MAX_ROWS - 1:
        raise ValueError(f"n must be between 1 and {EXCEL_MAX_ROWS - 1:,} (Excel's row limit)")
    u = universe(seed)
    rng = np.random.default_rng([seed, 2, n])
    n_cons = max(1, math.ceil(n / ROWS_PER_CONSULTATION))
    counts = np.full(n_cons, n // n_cons)
    counts[: n % n_cons] += 1
    pairs = N_RESPONDENTS * N_PROPOSALS
    chunks = [np.sort(rng.choice(pairs, size=int(k), replace=False)) for k in counts]
    flat = np.concatenate(chunks)
    cons = np.repeat(np.arange(n_cons), counts)
    resp, prop = flat // N_PROPOSALS, flat % N_PROPOSALS
    stance = (rng.random(n)[:, None] > u.stance_cum[prop]).sum(axis=1)
    stance = np.minimum(stance, 3)
    word = np.zeros(n, dtype=np.int64)
    for s, name in enumerate(STANCE_ORDER):
        weights = np.array([w for _, w in STANCE_WORDS[name]])
        hit = stance == s
        word[hit] = rng.choice(len(weights), size=int(hit.sum()), p=weights / weights.sum())
    comments = _comment_texts(rng, u, resp, prop, stance)
    return Rows(n, seed, consultation_names(n_cons), cons, resp, prop, stance, word, comments)


def _words(r: Rows) -> np.ndarray:
    """Stance cells as written."""
    table = [w for s in STANCE_ORDER for w, _ in STANCE_WORDS[s]]
    offset = np.cumsum([0] + [len(STANCE_WORDS[s]) for s in STANCE_ORDER])[:-1]
    return np.array(table, dtype=object)[offset[r.stance] + r.word]


def sheet_columns(n: int, seed: int = SEED) -> dict[str, np.ndarray | list[str]]:
    """The sheet's cells, one array per header (text exactly as written to the workbook)."""
    r, u = rows(n, seed), universe(seed)
    obj = lambda seq: np.array(seq, dtype=object)  # noqa: E731
    return {
        "Remiss": obj(r.consultations)[r.consultation],
        "Remissinstans": obj(u.respondents)[r.respondent],
        "Typ": obj(u.types)[r.respondent],
        "Förslag": obj(u.proposals)[r.proposal],
        "Tema": obj(u.topics)[r.proposal],
        "Ställningstagande": _words(r),
        "Kommentar": r.comments,
    }


def sheet_frame(n: int, seed: int = SEED) -> pd.DataFrame:
    """The sheet as a text frame with the Swedish headers."""
    return pd.DataFrame(sheet_columns(n, seed), dtype="str")


# --------------------------------------------------------------------------
# Workbook

FIXED_TIME = datetime(2025, 1, 1, 12, 0, 0)


def write_xlsx(path: str | Path, n: int, seed: int = SEED) -> Path:
    """Write the sheet with xlsxwriter in constant-memory mode, row by row."""
    import xlsxwriter

    path = Path(path)
    cols = sheet_columns(n, seed)
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False,
                                         "strings_to_formulas": False, "strings_to_urls": False})
    wb.set_properties({"created": FIXED_TIME, "author": "bench.generate"})
    ws = wb.add_worksheet(SHEET)
    bold = wb.add_format({"bold": True})
    for c, h in enumerate(HEADERS):
        ws.write_string(0, c, h, bold)
    write = ws.write_string
    for i, cells in enumerate(zip(*(cols[h] for h in HEADERS)), start=1):
        write(i, 0, cells[0])
        write(i, 1, cells[1])
        write(i, 2, cells[2])
        write(i, 3, cells[3])
        write(i, 4, cells[4])
        write(i, 5, cells[5])
        write(i, 6, cells[6])
    wb.close()
    return path


def write_csv(path: str | Path, n: int, seed: int = SEED) -> Path:
    """Write the sheet as UTF-8 CSV (the loader reads it like the workbook's sheet)."""
    path = Path(path)
    sheet_frame(n, seed).to_csv(path, index=False, encoding="utf-8")
    return path


def cache_path(n: int, seed: int = SEED, suffix: str = ".xlsx") -> Path:
    return CACHE_DIR / f"coded-{n}-seed{seed}-v{GENERATOR_VERSION}{suffix}"


def ensure_xlsx(n: int, seed: int = SEED) -> Path:
    """The cached workbook for ``(n, seed)``, written first if missing."""
    return _ensure(cache_path(n, seed), write_xlsx, n, seed)


def ensure_csv(n: int, seed: int = SEED) -> Path:
    """The cached CSV file for ``(n, seed)``, written first if missing."""
    return _ensure(cache_path(n, seed, ".csv"), write_csv, n, seed)


def _ensure(path: Path, write, n: int, seed: int) -> Path:
    if path.exists():
        return path
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp, n, seed)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


# --------------------------------------------------------------------------
# The loaded dataset, built directly

def canonical_frame(n: int, seed: int = SEED) -> pd.DataFrame:
    """What the loader makes of :func:`ensure_xlsx`'s workbook, without the workbook.

    Same canonical dtypes (via :func:`loaders.schema.conform`), same values:
    stance words resolved, ``sheet`` = "Svar", ``row`` = the Excel row.
    """
    from loaders.schema import conform

    r = rows(n, seed)
    cols = sheet_columns(n, seed)
    frame = pd.DataFrame({
        "consultation": cols["Remiss"],
        "respondent": cols["Remissinstans"],
        "respondent_type": cols["Typ"],
        "proposal_id": cols["Förslag"],
        "proposal_title": "",
        "topic": cols["Tema"],
        "addressee": "",
        "stance": np.array(STANCE_ORDER, dtype=object)[r.stance],
        "comment": cols["Kommentar"],
        "source": "",
        "sheet": SHEET,
        "row": np.arange(2, n + 2, dtype=np.int64),
    })
    return conform(frame)


def coded_data(n: int, seed: int = SEED):
    """A :class:`loaders.model.CodedData` equal to loading the generated workbook."""
    from loaders.load import _proposal_table, _respondent_table  # the loader's own table builders
    from loaders.model import CodedData

    responses = canonical_frame(n, seed)
    return CodedData(responses=responses, respondents=_respondent_table(responses, None),
                     proposals=_proposal_table(responses, None))


def main(argv: list[str]) -> int:
    sizes = [SIZES.get(a, None) or int(a) for a in argv] or list(SIZES.values())
    for n in sizes:
        print(ensure_xlsx(n))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
