"""Reading replies: PDF, DOCX (with tables) and text, cleaned, with pages kept; bad files get a message."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from documents.clean import clean_pages, join_hyphens
from documents.model import DocumentError
from documents.read import read_document, read_path
from support.replydocs import docx_bytes, to_pdf

HEADER = "Region Testland\tDnr RS 2026/118"
PAGES = [
    ["Yttrande över remissen om kompetensförsörjning", "Regionen har tagit del av underlaget och lämnar "
     "följande synpunkter på förslagen i planen, som helhet ett välkommet initiativ.",
     "Regionen tillstyrker förslag 5.1.1 om gemensam planering av kompetens-försörjningen."],
    ["Regionen avstyrker förslag 6.1.6, eftersom beroendet av inhyrd personal redan minskar."],
    ["Regionen instämmer i förslag 7.2.4 om avsatt tid för klinisk forskning.", "Anna Andersson, regiondirektör"],
]


@pytest.fixture(scope="module")
def office_files(tmp_path_factory):
    out = tmp_path_factory.mktemp("replies")
    paras, breaks = [], set()
    for page in PAGES:
        if paras:
            breaks.add(len(paras))
        paras += page
    src = out / "yttrande.docx"
    src.write_bytes(docx_bytes(paras, header=HEADER, page_break_before=breaks))
    enc_src = out / "hemligt.docx"
    enc_src.write_bytes(docx_bytes(["Regionen tillstyrker samtliga förslag."]))
    (pdf,) = to_pdf([src], out / "pdf")
    (enc,) = to_pdf([enc_src], out / "enc", filter_options='{"EncryptFile":{"type":"boolean","value":"true"},'
                    '"DocumentOpenPassword":{"type":"string","value":"hemligt"}}')
    return {"docx": src, "pdf": pdf, "encrypted": enc}


def test_pdf_pages_with_running_header_removed(office_files):
    doc = read_path(office_files["pdf"])
    assert doc.kind == "pdf" and len(doc.pages) == 3
    assert all("Dnr RS 2026/118" not in p.text for p in doc.pages)  # the header repeats on every page
    assert "Region Testland" not in doc.text
    assert doc.text.count("Regionen avstyrker förslag 6.1.6") == 1
    assert doc.page_at(doc.text.index("avstyrker förslag 6.1.6")) == 2
    assert doc.page_at(doc.text.index("klinisk forskning")) == 3
    assert doc.page_at(doc.text.index("välkommet initiativ")) == 1


def test_docx_reads_paragraphs_tables_and_pages(office_files):
    doc = read_path(office_files["docx"])
    assert doc.kind == "docx" and len(doc.pages) == 3
    assert doc.page_at(doc.text.index("instämmer i förslag 7.2.4")) == 3
    assert "kompetens-försörjningen" in doc.text  # a hyphen inside a line is the writer's, kept
    data = docx_bytes(["Region Testland lämnar svar i tabellform."],
                      table=[["Förslag", "Ställningstagande", "Kommentar"],
                             ["5.2.1", "Tillstyrker delvis", "Mandaten behöver förtydligas"],
                             ["6.1.4", "Tillstyrker", ""]])
    t = read_document(data, "tabell.docx")
    assert "Förslag | Ställningstagande | Kommentar." in t.text
    assert "5.2.1 | Tillstyrker delvis | Mandaten behöver förtydligas." in t.text
    assert "\n6.1.4 | Tillstyrker." in t.text


def test_encrypted_pdf_gets_a_message(office_files):
    with pytest.raises(DocumentError) as err:
        read_path(office_files["encrypted"])
    assert err.value.key == "coding.doc.encrypted"
    assert err.value.message("sv") == ("hemligt.pdf: PDF-filen är lösenordsskyddad. Ta bort skyddet och ladda "
                                       "upp den igen.")
    assert err.value.message("en").startswith("hemligt.pdf: the PDF is password-protected.")


def test_pdf_without_text_layer_is_named_as_scanned():
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    pdf.new_page(595, 842)
    import io
    buf = io.BytesIO()
    pdf.save(buf)
    with pytest.raises(DocumentError) as err:
        read_document(buf.getvalue(), "skannad.pdf")
    assert err.value.key == "coding.doc.no_text_layer"
    assert "saknar textlager" in err.value.message("sv") and "(2 sidor)" in err.value.message("sv")
    assert "has no text layer" in err.value.message("en")


@pytest.mark.parametrize(("data", "name", "key"), [
    (b"%PDF-1.7\n1 0 obj garbage", "trasig.pdf", "coding.doc.damaged"),
    (b"PK\x03\x04 not really a zip", "trasig.docx", "coding.doc.damaged"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "skyddad.docx", "coding.doc.encrypted_or_doc"),
    (b"", "tom.txt", "coding.doc.empty"),
    (b"\x00\x01\x02binary", "bild.png", "coding.doc.unknown_format"),
    (b"garbage that is not a pdf", "falsk.pdf", "coding.doc.damaged"),
])
def test_bad_files_get_messages(data, name, key):
    with pytest.raises(DocumentError) as err:
        read_document(data, name)
    assert err.value.key == key
    assert err.value.message("sv").startswith(name + ":")
    assert err.value.message("en").startswith(name + ":")


def test_text_in_windows_1252():
    doc = read_document("Kommunen tillstyrker förslaget.".encode("cp1252"), "svar.txt")
    assert doc.text == "Kommunen tillstyrker förslaget." and doc.kind == "text"


def test_cleaning_repeated_lines_page_numbers_and_hyphens():
    bodies = ["Inledning om remissen.", "Kommunen ser behov av kompetens-\nförsörjning i hälso-\noch sjukvård.",
              "Avslutning."]
    pages = [f"Kommun X\nDnr KS 2026/{i}\n{body}\nSida {i} (3)\nStorgatan 1, 123 45 Ort"
             for i, body in enumerate(bodies, 1)]
    out = clean_pages(pages)
    assert out == ["Inledning om remissen.", "Kommunen ser behov av kompetensförsörjning i hälso- och sjukvård.",
                   "Avslutning."]
    assert join_hyphens("Region-\nStockholm") == "Region-Stockholm"
    assert clean_pages(["Bara en sida\n2 (3)\nmed text"]) == ["Bara en sida\nmed text"]
