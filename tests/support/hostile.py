"""Hostile text for the security tests: a coded sheet with markup in every text field.

Every string mixes the kinds of markup Streamlit and plotly would otherwise
render: Markdown bold, a KaTeX formula, a Markdown link and a bare web
address to another host, an HTML link, Streamlit's colour directive and an
e-mail address (GFM autolinks those too).
"""
from __future__ import annotations

from support.sheets import xlsx

EVIL = "evil.example"
CONSULTATION = "Remiss **fet** $x^2$"
RESPONDENTS = ["Region [Klicka här: ny version](https://evil.example/r)", "Kommun <a href='https://evil.example/a'>x</a>",
               "Myndighet :red[röd] https://evil.example/m"]
TOPIC = "Tema **fet** <b>html</b>"
TITLE = "Titel $x^2$ www.evil.example/t"
ADDRESSEE = "Adressat _kursiv_ admin@evil.example"
COUNTY = "Län ~~struken~~ [l](https://evil.example/l)"
COMMENT = "Se https://evil.example/c och [länk](https://evil.example/k) **fet** $y$"
PROPOSAL = "4.2"
#: A proposal id is free text too.
PROPOSAL_ID = "6 **x** <b>y</b> $w$"
DATASET = "Data **fet** [Klicka](https://evil.example/d) $z$"
#: Each hostile field and the markup it must NOT produce (the raw substring that would be live if unescaped).
LIVE_MARKUP = ["**fet**", "**x**", "$w$", "$x^2$", "$y$", "$z$", "](https://", "https://evil", "www.evil",
               "<a href", "<b>", ":red[", "~~struken~~", "_kursiv_", "@evil.example"]
#: Strings that must be visible literally somewhere (after Markdown unescaping) on the page named.
VISIBLE = [CONSULTATION, TOPIC, TITLE, RESPONDENTS[0], DATASET, COMMENT]
#: A URL parameter value that names nothing and carries markup: never echoed.
URL_VALUE = "[Klicka här: ny version](https://evil.example/u) **fet** $q$"


def hostile_workbook() -> bytes:
    svar = [["Remiss", "Remissinstans", "Förslag", "Ställningstagande", "Kommentar"]]
    stances = ["Tillstyrker", "Avstyrker", "Tillstyrker delvis"]
    for i, resp in enumerate(RESPONDENTS):
        svar.append([CONSULTATION, resp, PROPOSAL, stances[i], COMMENT])
        svar.append([CONSULTATION, resp, "5.1", stances[(i + 1) % 3], COMMENT])
        svar.append([CONSULTATION, resp, PROPOSAL_ID, stances[(i + 2) % 3], None])
    forslag = [["Förslag", "Rubrik", "Tema", "Adressat"], [PROPOSAL, TITLE, TOPIC, ADDRESSEE],
               ["5.1", "Andra förslaget", TOPIC, ADDRESSEE], [PROPOSAL_ID, "Tredje", TOPIC, ADDRESSEE]]
    inst = [["Remissinstans", "Typ", "Län", "Folkmängd"], [RESPONDENTS[0], "Region", COUNTY, 250000],
            [RESPONDENTS[1], "Kommun", COUNTY, 26000], [RESPONDENTS[2], "Statlig myndighet", COUNTY, None]]
    return xlsx({"Svar": svar, "Förslag": forslag, "Instanser": inst})
