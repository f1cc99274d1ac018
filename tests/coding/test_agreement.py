"""Agreement figures on hand-worked examples."""
from coding.agreement import compare


def test_hand_worked_agreement():
    ref = {("A", "1"): "agree", ("A", "2"): "agree", ("A", "3"): "disagree", ("B", "1"): "partly"}
    sug = {("A", "1"): "agree", ("A", "2"): "partly", ("A", "3"): "disagree", ("B", "2"): "agree"}
    a = compare(sug, ref)
    assert (a.suggested, a.reference, a.matched, a.cells) == (4, 4, 2, 5)
    assert a.precision == 0.5 and a.recall == 0.5 and a.f1 == 0.5
    agree = next(s for s in a.per_stance if s.stance == "agree")
    assert (agree.tp, agree.fp, agree.fn) == (1, 1, 1)
    assert a.kept("agree") == (1, 2) and a.kept("disagree") == (1, 1) and a.kept("partly") == (0, 1)
    # kappa over 5 cells, labels incl. not_addressed: po = 2/5;
    # pe = agree .4*.4 + partly .2*.2 + disagree .2*.2 + none .2*.2 = .28
    assert round(a.kappa, 6) == round((0.4 - 0.28) / 0.72, 6)


def test_perfect_and_empty():
    same = {("A", "1"): "agree", ("A", "2"): "disagree"}
    a = compare(same, same)
    assert a.f1 == 1.0 and a.kappa == 1.0
    e = compare({}, {})
    assert e.f1 is None and e.kappa is None and e.cells == 0
