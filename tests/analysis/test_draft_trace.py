"""Traceability: every number and name in a generated draft is found in the rows behind it.

The test does not trust :mod:`analysis.draft`: it recomputes each figure
from the raw coded rows of the proposal (and the respondent list) and looks
every name, quoted reason and number of the paragraph up there.
"""
import re

import pytest

from analysis.draft import EXAMPLE_LIMIT, NAME_LIMIT, build_draft
from analysis.filters import Filters
from i18n.draft_sentences import paragraph
from i18n.strings import t
from loaders.load import load_path
from support.draftdata import coded, municipalities, regions, stances

WORDS = {t(f"draft.num.{n}", lang): n for n in range(1, 13) for lang in ("sv", "en")}
QUOTE = re.compile(r": [”“](?P<text>.+?)[”] \((?:blad|sheet) (?P<sheet>[^,]+), (?:rad|row) (?P<row>\d+)\)")
REF = re.compile(r"\((?:blad|sheet) (?P<sheet>[^,]+), (?:rad|row) (?P<row>\d+)\)")
PCT = re.compile(r"(\d+)\xa0?%")


@pytest.fixture(scope="module")
def demo():
    return load_path("data/demo.xlsx").data


def _plain(data):
    r = data.responses
    return r.assign(**{c: r[c].astype("str") for c in ("consultation", "respondent", "respondent_type",
                                                        "proposal_id", "stance", "sheet", "comment")})


def check_paragraph(text, rows, repliers, lang):
    """Every reason, name and number of ``text`` found in ``rows`` (this proposal's coded rows)."""
    # 1. Quoted reasons: the row exists, belongs to this proposal and the named respondent, and its
    #    comment contains the quotation word for word (an ellipsis marks a cut).
    for m in QUOTE.finditer(text):
        hit = rows[(rows["sheet"] == m["sheet"]) & (rows["row"] == int(m["row"]))]
        assert len(hit) == 1, m.group(0)
        row = hit.iloc[0]
        sentence = text[:m.start()].rsplit(". ", 1)[-1]  # "Region X anför" / "Region X avstyrker ... och anför"
        assert sentence.startswith(row["respondent"] + " "), (sentence, row["respondent"])
        quoted = m["text"].removesuffix(" …")
        assert quoted in " ".join(row["comment"].split()), (quoted, row["comment"])
        assert row["stance"] in ("partly", "disagree")
    refs = len(REF.findall(text))
    assert refs == len(QUOTE.findall(text)), text
    rest = QUOTE.sub(" ", REF.sub(" ", text))
    # 2. Names: every respondent named has a coded row on this proposal.
    known = sorted(set(repliers), key=len, reverse=True)
    for name in known:
        pattern = re.compile(re.escape(name) + r"(?![\w\d])")
        if pattern.search(rest):
            assert name in set(rows["respondent"]), name
            rest = pattern.sub(" ", rest)
    # 3. Percentages: the share of agree among the region and the municipality rows.
    shares = set()
    for group in ("Region", "Kommun"):
        g = rows[rows["respondent_type"] == group]
        if len(g):
            shares.add(int((g["stance"] == "agree").sum() / len(g) * 100 + 0.5))
    for pct in PCT.findall(rest):
        assert int(pct) in shares, (pct, shares)
    rest = PCT.sub(" ", rest)
    # 4. Every other number: a count recomputed from the rows.
    by_stance = rows["stance"].value_counts().to_dict()
    figures = {len(rows), len(set(repliers) - set(rows["respondent"]))}
    for n in by_stance.values():
        figures |= {n, n - EXAMPLE_LIMIT, n - NAME_LIMIT}
    for group in ("Region", "Kommun"):
        figures.add(int((rows["respondent_type"] == group).sum()))
    numbers = [int(x.replace("\xa0", "").replace(",", "")) for x in re.findall(r"\d[\d\xa0,]*", rest)]
    # Number words are those counting something: "tre remissinstanser", "fyra respektive fyra svar".
    counted = re.findall(r"\b([A-Za-zåäöÅÄÖ]+) (?=remissinstans|respondent|other |respektive |svar\b|and \w+ answers|"
                         r"answers\b)", rest)
    words = [WORDS[w.lower()] for w in counted if w.lower() in WORDS]
    for n in numbers + words:
        assert n in figures, (n, figures, text)
    return len(numbers) + len(words)


@pytest.mark.parametrize(("lang", "style"), [("sv", "words"), ("sv", "counts"), ("en", "words"), ("en", "counts")])
def test_every_number_and_name_in_the_demo_draft_is_in_the_rows(demo, lang, style):
    plain = _plain(demo)
    listed = demo.respondents
    draft = build_draft(demo, Filters())
    checked = 0
    for p in draft.proposals:
        rows = plain[(plain["consultation"] == p.consultation) & (plain["proposal_id"] == p.proposal_id)]
        repliers = set(listed.loc[(listed["consultation"].astype(str) == p.consultation) & listed["replied"],
                                  "respondent"].astype(str)) | set(plain.loc[plain["consultation"] == p.consultation,
                                                                           "respondent"])
        checked += check_paragraph(paragraph(p, lang, style), rows, repliers, lang)
    assert len(draft.proposals) == 34 and checked > 100


def test_hand_built_draft_traces_including_contrast_shares():
    answers = stances(regions(10), "1", lambda i: "agree") + \
        stances(municipalities(10), "1", lambda i: "agree" if i == 0 else "disagree")
    answers[12] = (*answers[12][:4], "Saknar finansiering. Mer text.")
    data = coded(answers, also_replied=[("Vårdförbundet", "Organisation")])
    plain = _plain(data)
    p = build_draft(data).proposals[0]
    text = paragraph(p, "sv")
    assert "(100\xa0% mot 10\xa0%)" in text and "”Saknar finansiering.” (blad Svar, rad 14)" in text
    repliers = set(data.respondents["respondent"])
    assert check_paragraph(text, plain[plain["proposal_id"] == "1"], repliers, "sv") >= 2
    # A paragraph naming someone without a row on the proposal fails the check.
    with pytest.raises(AssertionError):
        check_paragraph(text.replace("Kommun 2", "Vårdförbundet"), plain[plain["proposal_id"] == "1"], repliers, "sv")
