"""Generate the demo workbook ``data/demo.xlsx`` and the blank ``data/template.xlsx``.

Run from the repository root::

    .venv/bin/python data/make_demo.py            # writes into data/
    .venv/bin/python data/make_demo.py OUT_DIR    # writes into OUT_DIR

The output is deterministic: a fixed random seed, fixed workbook timestamps
and fixed zip entry dates, so two runs give byte-identical files.

What is real and what is not:

* Two replies are real and coded by hand from the published documents:
  Stockholms stad (socialförvaltningen) on the national competence-supply plan
  and Ludvika kommun on SOU 2024:72. Comments on those rows are short
  paraphrases, not quotes.
* The national plan has 25 proposals in five topics (5/11/1/5/3) as the
  Stockholm reply describes them. Only 5.2.1 and 5.2.2 are taken from that
  reply; every other id and title there is illustrative.
* SOU 2024:72's proposals are the ones the Ludvika reply discusses; their ids
  are illustrative and their titles are our own short wording.
* Every other respondent, stance and comment is fictional
  (``Källa`` = "Fiktiv exempeldata"). Populations are rounded approximations.
"""
from __future__ import annotations

import io
import random
import re
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

SEED = 20241004
FIXED_TIME = datetime(2024, 11, 1, 12, 0, 0)
FIXED_ZIP_TIME = (2024, 11, 1, 12, 0, 0)

FICTIONAL = "Fiktiv exempeldata"

PLAN = "Förslag till nationell plan för hälso- och sjukvårdens kompetensförsörjning (2024)"
SOU = "SOU 2024:72 Stärkt medicinsk kompetens i kommunal hälso- och sjukvård"

SRC_STOCKHOLM = "Remissvar: Socialförvaltningen, Stockholms stad, Dnr SOF 2024/634"
SRC_LUDVIKA = "Remissvar: Ludvika kommun, SOU 2024:72"

STANCE_WORDS = {
    "agree": "Tillstyrker",
    "partly": "Tillstyrker delvis",
    "disagree": "Avstyrker",
    "no_position": "Ingen synpunkt",
}
STANCE_VALUES = list(STANCE_WORDS.values())
TYPES = ["Region", "Kommun", "Statlig myndighet", "Lärosäte", "Organisation", "Övrig"]
ADDRESSEES = ["Region", "Kommun", "Region och kommun", "Lärosäte", "Staten"]

SVAR_HEADERS = ["Remiss", "Remissinstans", "Typ", "Förslag", "Ställningstagande", "Kommentar", "Källa"]
FORSLAG_HEADERS = ["Remiss", "Förslag", "Rubrik", "Tema", "Adressat"]
INSTANS_HEADERS = ["Remiss", "Remissinstans", "Typ", "Län", "Folkmängd"]

SVAR_WIDTHS = [48, 34, 18, 10, 20, 70, 44]
FORSLAG_WIDTHS = [48, 10, 70, 38, 20]
INSTANS_WIDTHS = [48, 40, 18, 24, 12]

TITLE = ("Remisskollen – exempeldata (fiktiv) utom två verkliga remissvar: "
         "Stockholms stad och Ludvika kommun. Se bladet Om.")

# ---------------------------------------------------------------------------
# Proposals
# ---------------------------------------------------------------------------
T_ORG = "Organisation, verksamhet och ledning"
T_ARB = "Arbetsmiljö, attrahera och behålla"
T_LAR = "Lärosätenas verksamhet"
T_UTB = "Utbildning och forskning"
T_PROF = "Professorer och lärare"
PLAN_TOPICS = [T_ORG, T_ARB, T_LAR, T_UTB, T_PROF]
EDU_TOPICS = {T_LAR, T_UTB, T_PROF}

# (id, title, topic, addressee). Only 5.2.1 and 5.2.2 come from the real
# material; the rest are illustrative stand-ins.
PLAN_PROPOSALS = [
    ("5.1.1", "Gemensam regional och kommunal planering av kompetensförsörjningen", T_ORG, "Region och kommun"),
    ("5.1.2", "Uppgiftsväxling mellan yrkesgrupper", T_ORG, "Region och kommun"),
    ("5.1.3", "Nationell uppföljning av personalförsörjningen", T_ORG, "Staten"),
    ("5.2.1", "Medicinsk kompetens på alla ledningsnivåer i kommunal hälso- och sjukvård", T_ORG, "Kommun"),
    ("5.2.2", "Vetenskapligt meriterade verksamhetschefer vid universitetssjukvårdsenheter", T_ORG, "Region"),
    ("6.1.1", "Hållbar schemaläggning och arbetstider", T_ARB, "Region och kommun"),
    ("6.1.2", "Introduktionsprogram för nyanställda", T_ARB, "Region och kommun"),
    ("6.1.3", "Karriärvägar för specialistsjuksköterskor", T_ARB, "Region och kommun"),
    ("6.1.4", "Minskad administrativ belastning", T_ARB, "Region och kommun"),
    ("6.1.5", "Insatser för att locka tillbaka tidigare medarbetare", T_ARB, "Region och kommun"),
    ("6.1.6", "Minskat beroende av inhyrd personal", T_ARB, "Region"),
    ("6.1.7", "Rimligt antal medarbetare per chef", T_ARB, "Region och kommun"),
    ("6.1.8", "Kompetensutveckling på arbetstid", T_ARB, "Region och kommun"),
    ("6.1.9", "Lönestruktur som belönar kompetens", T_ARB, "Region och kommun"),
    ("6.1.10", "Nationell uppföljning av arbetsmiljön i vården", T_ARB, "Staten"),
    ("6.1.11", "Bättre arbetsmiljö i kommunal hälso- och sjukvård", T_ARB, "Kommun"),
    ("7.1.1", "Dimensionering av vårdutbildningarna efter behov", T_LAR, "Lärosäte"),
    ("7.2.1", "Fler platser för verksamhetsförlagd utbildning", T_UTB, "Region och kommun"),
    ("7.2.2", "Utbyggd specialistsjuksköterskeutbildning", T_UTB, "Staten"),
    ("7.2.3", "Forskning i kommunal hälso- och sjukvård", T_UTB, "Lärosäte"),
    ("7.2.4", "Avsatt tid för klinisk forskning", T_UTB, "Region"),
    ("7.2.5", "Snabbare validering av utländsk vårdutbildning", T_UTB, "Staten"),
    ("7.3.1", "Fler kombinationstjänster mellan lärosäte och vård", T_PROF, "Lärosäte"),
    ("7.3.2", "Fler kliniska lektorer inom vårdprofessionerna", T_PROF, "Lärosäte"),
    ("7.3.3", "Tydliga meriteringsvägar för lärare", T_PROF, "Lärosäte"),
]

S_BED = "Medicinsk bedömning och läkarmedverkan"
S_LED = "Ledning och ansvar"
S_KOMP = "Kompetensförsörjning"

# The proposals the Ludvika reply discusses. Ids are illustrative,
# chapter-style (so "10.1" must sort after "9.3").
SOU_PROPOSALS = [
    ("8.1", "Lagkrav på tillgång till medicinsk bedömning dygnet runt", S_BED, "Region och kommun"),
    ("8.2", "Föreskriftsrätt om avtal om läkarmedverkan", S_BED, "Staten"),
    ("9.1", "Utsedd ledningsansvarig i regionen för insatser i kommunal hälso- och sjukvård", S_LED, "Region"),
    ("9.2", "Ledningsansvarig för kommunal hälso- och sjukvård i varje kommun", S_LED, "Kommun"),
    ("9.3", "Kommuner får anställa läkare", S_LED, "Kommun"),
    ("10.1", "Nationell ledarskapsutbildning för chefer i kommunal hälso- och sjukvård", S_KOMP, "Staten"),
    ("10.2", "Försöksverksamhet med Magnetmodellen", S_KOMP, "Staten"),
    ("10.3", "Särskilda medel för vidareutbildning till specialistsjuksköterska", S_KOMP, "Staten"),
    ("10.4", "Nationellt avtal för vårdvetenskaplig utbildning, lärande och forskning (VULF)", S_KOMP, "Staten"),
]
SOU_EDU = {"10.1", "10.3", "10.4"}

PROPOSALS = {PLAN: PLAN_PROPOSALS, SOU: SOU_PROPOSALS}

# ---------------------------------------------------------------------------
# Respondents. Populations are rounded approximations (around 2023).
# Participation codes: "A" replied to the plan, "B" replied to SOU 2024:72,
# lower case = invited but did not reply.
# ---------------------------------------------------------------------------
REGIONS = [
    ("Region Stockholm", "Stockholms län", 2_454_000, "AB"),
    ("Region Uppsala", "Uppsala län", 404_000, "AB"),
    ("Region Sörmland", "Södermanlands län", 301_000, "Ab"),
    ("Region Östergötland", "Östergötlands län", 471_000, "AB"),
    ("Region Jönköpings län", "Jönköpings län", 369_000, "AB"),
    ("Region Kronoberg", "Kronobergs län", 204_000, "AB"),
    ("Region Kalmar län", "Kalmar län", 247_000, "AB"),
    ("Region Gotland", "Gotlands län", 61_000, "Ab"),
    ("Region Blekinge", "Blekinge län", 157_000, "AB"),
    ("Region Skåne", "Skåne län", 1_415_000, "AB"),
    ("Region Halland", "Hallands län", 345_000, "AB"),
    ("Västra Götalandsregionen", "Västra Götalands län", 1_745_000, "AB"),
    ("Region Värmland", "Värmlands län", 284_000, "AB"),
    ("Region Örebro län", "Örebro län", 307_000, "AB"),
    ("Region Västmanland", "Västmanlands län", 280_000, "Ab"),
    ("Region Dalarna", "Dalarnas län", 288_000, "AB"),
    ("Region Gävleborg", "Gävleborgs län", 287_000, "AB"),
    ("Region Västernorrland", "Västernorrlands län", 243_000, "AB"),
    ("Region Jämtland Härjedalen", "Jämtlands län", 132_000, "AB"),
    ("Region Västerbotten", "Västerbottens län", 278_000, "AB"),
    ("Region Norrbotten", "Norrbottens län", 249_000, "AB"),
]

MUNICIPALITIES = [
    ("Stockholms stad", "Stockholms län", 984_700, "A"),  # real reply (plan)
    ("Ludvika kommun", "Dalarnas län", 25_700, "B"),  # real reply (SOU)
    ("Göteborgs stad", "Västra Götalands län", 604_600, "AB"),
    ("Malmö stad", "Skåne län", 362_100, "AB"),
    ("Uppsala kommun", "Uppsala län", 245_200, "A"),
    ("Linköpings kommun", "Östergötlands län", 166_700, "AB"),
    ("Örebro kommun", "Örebro län", 158_000, "AB"),
    ("Västerås stad", "Västmanlands län", 157_500, "Ab"),
    ("Helsingborgs stad", "Skåne län", 151_300, "A"),
    ("Norrköpings kommun", "Östergötlands län", 145_000, "AB"),
    ("Jönköpings kommun", "Jönköpings län", 144_700, "AB"),
    ("Umeå kommun", "Västerbottens län", 132_200, "AB"),
    ("Lunds kommun", "Skåne län", 128_400, "A"),
    ("Huddinge kommun", "Stockholms län", 115_300, "AB"),
    ("Borås stad", "Västra Götalands län", 114_800, "B"),
    ("Eskilstuna kommun", "Södermanlands län", 107_400, "AB"),
    ("Nacka kommun", "Stockholms län", 108_400, "a"),
    ("Halmstads kommun", "Hallands län", 104_800, "AB"),
    ("Gävle kommun", "Gävleborgs län", 103_600, "AB"),
    ("Södertälje kommun", "Stockholms län", 101_900, "A"),
    ("Sundsvalls kommun", "Västernorrlands län", 99_700, "AB"),
    ("Växjö kommun", "Kronobergs län", 97_100, "AB"),
    ("Karlstads kommun", "Värmlands län", 95_900, "Ab"),
    ("Luleå kommun", "Norrbottens län", 80_200, "AB"),
    ("Skellefteå kommun", "Västerbottens län", 76_400, "A"),
    ("Kalmar kommun", "Kalmar län", 72_000, "AB"),
    ("Karlskrona kommun", "Blekinge län", 66_900, "B"),
    ("Östersunds kommun", "Jämtlands län", 64_400, "AB"),
    ("Falu kommun", "Dalarnas län", 59_600, "AB"),
    ("Ystads kommun", "Skåne län", 31_000, "aB"),
    ("Arvika kommun", "Värmlands län", 26_000, "AB"),
    ("Kiruna kommun", "Norrbottens län", 22_400, "AB"),
    ("Mora kommun", "Dalarnas län", 20_400, "A"),
    ("Ljusdals kommun", "Gävleborgs län", 19_000, "AB"),
    ("Tranås kommun", "Jönköpings län", 19_200, "A"),
    ("Vimmerby kommun", "Kalmar län", 15_700, "AB"),
    ("Åre kommun", "Jämtlands län", 12_000, "aB"),
    ("Strömsunds kommun", "Jämtlands län", 11_500, "AB"),
    ("Hylte kommun", "Hallands län", 11_000, "Ab"),
    ("Sorsele kommun", "Västerbottens län", 2_400, "A"),
]

AGENCIES = [
    ("Socialstyrelsen", "AB"),
    ("Inspektionen för vård och omsorg", "AB"),
    ("Universitetskanslersämbetet", "A"),
    ("Arbetsmiljöverket", "AB"),
    ("Myndigheten för vård- och omsorgsanalys", "AB"),
    ("Statskontoret", "a"),
    ("Ekonomistyrningsverket", "b"),
]

UNIVERSITIES = [
    ("Karolinska institutet", "AB"),
    ("Uppsala universitet", "A"),
    ("Lunds universitet", "A"),
    ("Göteborgs universitet", "AB"),
    ("Umeå universitet", "AB"),
    ("Linköpings universitet", "A"),
    ("Högskolan Dalarna", "B"),
]

ORGANISATIONS = [
    ("Sveriges Kommuner och Regioner", "AB"),
    ("Vårdförbundet", "AB"),
    ("Sveriges läkarförbund", "AB"),
    ("Fysioterapeuterna", "AB"),
    ("Vision", "A"),
    ("Sveriges Arbetsterapeuter", "B"),
]

OTHERS = [
    ("Nätverket för medicinskt ansvariga sjuksköterskor", "B"),
    ("Kommunala pensionärsrådet i Gävle", "A"),
]

# ---------------------------------------------------------------------------
# The two real replies (paraphrased comments only).
# ---------------------------------------------------------------------------
STOCKHOLM_COMMENTS = {
    "5.2.1": ("Behöver förtydligas, bland annat vilket mandat och syfte "
              "respektive ledningsnivå ska ha."),
    "6.1.11": ("Allmänt: planen saknar ett samlat åtgärdspaket för kommunal "
               "primärvård. Kommunal hälso- och sjukvård bör bli en egen "
               "verksamhetsgren med egna nyckeltal."),
}
LUDVIKA_COMMENTS = {
    "8.2": "Mer enhetliga avtal kan stärka samarbetet mellan kommun och region.",
    "9.2": "Rollen behöver ligga på chefsnivå, i regionen som i kommunen.",
    "9.3": "Ger flexibilitet vid behov, t.ex. vid kris; regionens läkaransvar kvarstår.",
    "10.4": "Avtalet bör även omfatta arbetsterapeut- och fysioterapeututbildningarna.",
}

# ---------------------------------------------------------------------------
# Fictional comment templates, one short sentence each.
# ---------------------------------------------------------------------------
COMMENTS = {
    "agree": [
        "Ställer sig bakom förslaget.",
        "Positivt, men finansieringen behöver säkras.",
        "Förslaget ligger i linje med vårt eget utvecklingsarbete.",
        "Bör genomföras skyndsamt.",
        "Instämmer; uppföljningen bör ske nationellt.",
        "Bra förslag som kan öka attraktiviteten för vårdyrkena.",
    ],
    "partly": [
        "Delvis positiv; konsekvenserna för kommunerna är inte analyserade.",
        "Förslaget saknar finansiering för huvudmännen.",
        "Bör kompletteras med åtgärder för kommunal primärvård.",
        "Oklart hur förslaget ska följas upp.",
        "Ansvarsfördelningen mellan region och kommun behöver förtydligas.",
        "Tanken är god men tidplanen är orealistisk.",
    ],
    "disagree": [
        "Förslaget ökar administrationen utan tydlig nytta.",
        "Avstyrks eftersom finansiering saknas.",
        "Inkräktar på det kommunala självstyret.",
        "Förslaget tar inte hänsyn till små kommuners förutsättningar.",
    ],
    "no_position": [
        "Berör inte vårt ansvarsområde.",
        "Avstår från att ta ställning.",
    ],
}
COMMENT_RATE = {"agree": 0.12, "partly": 0.7, "disagree": 0.8, "no_position": 0.3}


def _respondents() -> list[tuple[str, str, str, int | None, str]]:
    """All respondents as (name, type, county, population, participation)."""
    out = [(n, "Region", c, p, part) for n, c, p, part in REGIONS]
    out += [(n, "Kommun", c, p, part) for n, c, p, part in MUNICIPALITIES]
    out += [(n, "Statlig myndighet", "", None, part) for n, part in AGENCIES]
    out += [(n, "Lärosäte", "", None, part) for n, part in UNIVERSITIES]
    out += [(n, "Organisation", "", None, part) for n, part in ORGANISATIONS]
    out += [(n, "Övrig", "", None, part) for n, part in OTHERS]
    return out


def _status(part: str, consultation: str) -> str | None:
    """'replied', 'invited' or None for a participation code."""
    letter = "A" if consultation == PLAN else "B"
    if letter in part:
        return "replied"
    if letter.lower() in part:
        return "invited"
    return None


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    x = rng.random() * sum(weights.values())
    for key, w in weights.items():
        x -= w
        if x < 0:
            return key
    return key


def _addressed_prob(rtype: str, consultation: str, pid: str, topic: str, addressee: str) -> float:
    if consultation == PLAN:
        edu = topic in EDU_TOPICS
        return {
            "Region": 0.85 if edu else 0.95,
            "Kommun": 0.35 if edu and addressee != "Region och kommun" else 0.9,
            "Statlig myndighet": 0.45,
            "Lärosäte": 0.95 if edu else 0.12,
            "Organisation": 0.75,
            "Övrig": 0.3,
        }[rtype]
    edu = pid in SOU_EDU
    return {
        "Region": 0.95,
        "Kommun": 0.95,
        "Statlig myndighet": 0.6,
        "Lärosäte": 0.95 if edu else 0.1,
        "Organisation": 0.8,
        "Övrig": 0.7,
    }[rtype]


def _stance_weights(rtype: str, consultation: str, addressee: str) -> dict[str, float]:
    """Plausible, deliberately uneven stance mixes per type.

    Municipalities are the critical group on the plan's proposals that land
    on them (the Stockholm reply's point that municipal primary care lacks
    measures); regions are mostly positive, except where SOU 2024:72 puts new
    duties on the region.
    """
    on_kommun = addressee in ("Kommun", "Region och kommun")
    if rtype == "Region":
        if consultation == SOU and addressee in ("Region", "Region och kommun"):
            return {"agree": 0.55, "partly": 0.3, "disagree": 0.12, "no_position": 0.03}
        return {"agree": 0.82, "partly": 0.12, "disagree": 0.02, "no_position": 0.04}
    if rtype == "Kommun":
        if consultation == PLAN:
            if on_kommun:
                return {"agree": 0.38, "partly": 0.37, "disagree": 0.2, "no_position": 0.05}
            return {"agree": 0.62, "partly": 0.2, "disagree": 0.06, "no_position": 0.12}
        if addressee == "Kommun":
            return {"agree": 0.55, "partly": 0.3, "disagree": 0.12, "no_position": 0.03}
        return {"agree": 0.78, "partly": 0.15, "disagree": 0.03, "no_position": 0.04}
    if rtype == "Statlig myndighet":
        return {"agree": 0.55, "partly": 0.15, "disagree": 0.03, "no_position": 0.27}
    if rtype == "Lärosäte":
        return {"agree": 0.7, "partly": 0.22, "disagree": 0.05, "no_position": 0.03}
    if rtype == "Organisation":
        return {"agree": 0.58, "partly": 0.27, "disagree": 0.12, "no_position": 0.03}
    return {"agree": 0.5, "partly": 0.3, "disagree": 0.1, "no_position": 0.1}


def build_data() -> dict[str, list[list]]:
    """Rows (without headers) for the Svar, Förslag and Instanser sheets."""
    rng = random.Random(SEED)
    svar: list[list] = []
    forslag: list[list] = []
    instanser: list[list] = []

    for consultation in (PLAN, SOU):
        proposals = PROPOSALS[consultation]
        for pid, title, topic, addressee in proposals:
            forslag.append([consultation, pid, title, topic, addressee])

        for name, rtype, county, pop, part in _respondents():
            status = _status(part, consultation)
            if status is None:
                continue
            instanser.append([consultation, name, rtype, county or None, pop])
            if status != "replied":
                continue

            if name == "Stockholms stad":
                for pid, *_ in proposals:
                    stance = "partly" if pid == "5.2.1" else "agree"
                    svar.append([consultation, name, rtype, pid, STANCE_WORDS[stance],
                                 STOCKHOLM_COMMENTS.get(pid), SRC_STOCKHOLM])
                continue
            if name == "Ludvika kommun":
                for pid, *_ in proposals:
                    stance = "partly" if pid == "10.4" else "agree"
                    svar.append([consultation, name, rtype, pid, STANCE_WORDS[stance],
                                 LUDVIKA_COMMENTS.get(pid), SRC_LUDVIKA])
                continue

            rows = []
            for pid, _title, topic, addressee in proposals:
                if rng.random() >= _addressed_prob(rtype, consultation, pid, topic, addressee):
                    continue
                stance = _pick(rng, _stance_weights(rtype, consultation, addressee))
                comment = None
                if rng.random() < COMMENT_RATE[stance]:
                    templates = COMMENTS[stance]
                    comment = templates[int(rng.random() * len(templates))]
                rows.append([consultation, name, rtype, pid, STANCE_WORDS[stance], comment, FICTIONAL])
            if not rows:  # a respondent that replied addresses at least one proposal
                pid = proposals[0][0]
                rows.append([consultation, name, rtype, pid, STANCE_WORDS["no_position"], None, FICTIONAL])
            svar.extend(rows)

    return {"Svar": svar, "Förslag": forslag, "Instanser": instanser}


# ---------------------------------------------------------------------------
# Workbook writing
# ---------------------------------------------------------------------------
OM_TEXT = [
    "Om exempeldata",
    "",
    "Detta är exempeldata för Remisskollen. Nästan allt är påhittat.",
    "",
    "Verkliga remissvar (kodade för hand, kommentarerna är sammanfattningar i egna ord):",
    f"• Stockholms stad om den nationella planen – {SRC_STOCKHOLM}.",
    f"• Ludvika kommun om SOU 2024:72 – {SRC_LUDVIKA}.",
    "",
    "Fiktivt (kolumnen Källa = \"Fiktiv exempeldata\"):",
    "• Alla övriga remissinstanser, ställningstaganden och kommentarer.",
    "• Förslagsnummer och rubriker i den nationella planen är illustrativa, utom 5.2.1 och 5.2.2.",
    "  Antalet förslag per tema (5/11/1/5/3, totalt 25) följer Stockholms stads svar.",
    "• Förslagsnumren i SOU 2024:72 är illustrativa; rubrikerna är korta egna formuleringar",
    "  av de förslag som Ludvika kommuns svar tar upp.",
    "• Folkmängd är avrundade ungefärliga värden.",
    "",
    "Instanser utan rader i bladet Svar var inbjudna men svarade inte.",
    "Allmänna synpunkter har lagts på det förslag de ligger närmast och börjar med \"Allmänt:\".",
]

INSTRUCTIONS = [
    "Instruktioner – mall för kodade remissvar (Remisskollen)",
    "",
    "Bladet Svar: en rad per remissinstans och förslag som instansen har tagit ställning till.",
    "• Remiss: remissens namn (samma text på alla rader för samma remiss).",
    "• Remissinstans: instansens namn, t.ex. \"Region Dalarna\" eller \"Falu kommun\".",
    "• Typ: Region, Kommun, Statlig myndighet, Lärosäte, Organisation eller Övrig.",
    "• Förslag: förslagets nummer, t.ex. 5.2.1. Skrivs som text (kolumnen är formaterad som text).",
    "• Ställningstagande: Tillstyrker, Tillstyrker delvis, Avstyrker eller Ingen synpunkt.",
    "• Kommentar: valfri kort sammanfattning eller citat.",
    "• Källa: var svaret kommer ifrån, t.ex. diarienummer.",
    "Har instansen inte berört ett förslag: lägg ingen rad för det förslaget.",
    "",
    "Bladet Förslag (valfritt): Remiss, Förslag, Rubrik, Tema, Adressat",
    "(Adressat: Region, Kommun, Region och kommun, Lärosäte eller Staten).",
    "",
    "Bladet Instanser (valfritt): Remiss, Remissinstans, Typ, Län, Folkmängd (heltal).",
    "Lista även inbjudna instanser som inte svarat: de får inga rader i bladet Svar.",
    "",
    "Rubrikraden ska stå kvar. Samma instans och förslag får inte förekomma två gånger",
    "med olika ställningstaganden.",
]


def _style_table(ws, headers: list[str], widths: list[int], header_row: int = 1) -> None:
    bold = Font(bold=True)
    for col, (text, width) in enumerate(zip(headers, widths), start=1):
        cell = ws.cell(row=header_row, column=col, value=text)
        cell.font = bold
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)


def _text_column(ws, header: str, headers: list[str]) -> str:
    letter = get_column_letter(headers.index(header) + 1)
    ws.column_dimensions[letter].number_format = "@"
    return letter


def _new_workbook(title: str) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    props = wb.properties
    props.creator = "Remisskollen"
    props.lastModifiedBy = "Remisskollen"
    props.title = title
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    return wb


def _save_deterministic(wb: Workbook, path: Path) -> None:
    """Save with a fixed modification time and fixed zip entry dates.

    openpyxl stamps ``docProps/core.xml`` with the current time on save and
    the zip entries with the current local time; both are normalised here.
    """
    buf = io.BytesIO()
    wb.save(buf)
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:modified|created)[^>]*>)[^<]*(<)",
                              rb"\g<1>" + stamp.encode() + rb"\g<2>", data)
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, data)
    path.write_bytes(out.getvalue())


def write_demo(path: Path) -> None:
    data = build_data()
    wb = _new_workbook("Remisskollen – exempeldata")

    ws = wb.create_sheet("Svar")
    ws.cell(row=1, column=1, value=TITLE).font = Font(bold=True, size=13)
    # row 2 stays blank; headers on row 3 (exercises header detection)
    _style_table(ws, SVAR_HEADERS, SVAR_WIDTHS, header_row=3)
    _text_column(ws, "Förslag", SVAR_HEADERS)
    for r, row in enumerate(data["Svar"], start=4):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            if c == 4:
                cell.number_format = "@"
    ws.auto_filter.ref = f"A3:{get_column_letter(len(SVAR_HEADERS))}{3 + len(data['Svar'])}"

    ws = wb.create_sheet("Förslag")
    _style_table(ws, FORSLAG_HEADERS, FORSLAG_WIDTHS)
    _text_column(ws, "Förslag", FORSLAG_HEADERS)
    for r, row in enumerate(data["Förslag"], start=2):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            if c == 2:
                cell.number_format = "@"

    ws = wb.create_sheet("Instanser")
    _style_table(ws, INSTANS_HEADERS, INSTANS_WIDTHS)
    for r, row in enumerate(data["Instanser"], start=2):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            if c == 5 and value is not None:
                cell.number_format = "#,##0"

    ws = wb.create_sheet("Om")
    ws.column_dimensions["A"].width = 110
    for r, line in enumerate(OM_TEXT, start=1):
        cell = ws.cell(row=r, column=1, value=line or None)
        if r == 1:
            cell.font = Font(bold=True, size=13)

    _save_deterministic(wb, path)


def _list_validation(values: list[str], *, strict: bool) -> DataValidation:
    dv = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True)
    dv.showDropDown = False  # openpyxl's inverted flag: False shows the arrow
    dv.showErrorMessage = True
    dv.errorStyle = "stop" if strict else "warning"
    dv.errorTitle = "Ogiltigt värde"
    dv.error = "Välj ett av värdena i listan: " + ", ".join(values)
    dv.showInputMessage = False
    return dv


def write_template(path: Path, last_row: int = 5000) -> None:
    wb = _new_workbook("Remisskollen – mall")

    ws = wb.create_sheet("Instruktioner")
    ws.column_dimensions["A"].width = 110
    for r, line in enumerate(INSTRUCTIONS, start=1):
        cell = ws.cell(row=r, column=1, value=line or None)
        cell.alignment = Alignment(wrap_text=False)
        if r == 1:
            cell.font = Font(bold=True, size=13)

    def add_dv(ws, values, headers, header, strict=True):
        col = get_column_letter(headers.index(header) + 1)
        dv = _list_validation(values, strict=strict)
        dv.add(f"{col}2:{col}{last_row}")
        ws.add_data_validation(dv)

    ws = wb.create_sheet("Svar")
    _style_table(ws, SVAR_HEADERS, SVAR_WIDTHS)
    _text_column(ws, "Förslag", SVAR_HEADERS)
    add_dv(ws, TYPES, SVAR_HEADERS, "Typ")
    add_dv(ws, STANCE_VALUES, SVAR_HEADERS, "Ställningstagande")

    ws = wb.create_sheet("Förslag")
    _style_table(ws, FORSLAG_HEADERS, FORSLAG_WIDTHS)
    _text_column(ws, "Förslag", FORSLAG_HEADERS)
    add_dv(ws, ADDRESSEES, FORSLAG_HEADERS, "Adressat", strict=False)

    ws = wb.create_sheet("Instanser")
    _style_table(ws, INSTANS_HEADERS, INSTANS_WIDTHS)
    add_dv(ws, TYPES, INSTANS_HEADERS, "Typ")

    _save_deterministic(wb, path)


def build(out_dir: Path | str) -> tuple[Path, Path]:
    """Write ``demo.xlsx`` and ``template.xlsx`` into ``out_dir``; return their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    demo, template = out / "demo.xlsx", out / "template.xlsx"
    write_demo(demo)
    write_template(template)
    return demo, template


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    for p in build(target):
        print(p)
