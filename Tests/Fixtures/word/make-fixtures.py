#!/usr/bin/env python3
"""Makes the Word fixtures of Tests/Fixtures/word from outline.md (the version they are copies of).

- canada-tracked.docx (python-docx, raw w:ins/w:del XML): Canada's copy with tracked changes by two
  reviewers and three Word comments, and what Word does on its own: curly quotes, a non-breaking
  space, a non-breaking hyphen, a soft line break.
- usa-numbered.docx (python-docx): a copy with no tracked changes, numbered by Word (w:numPr, a
  SEQ field, a w:fldSimple) instead of literal numbers, curly quotes, one real edit.
- china-libreoffice.docx: made by LibreOffice (headless) from china-libreoffice.fodt, a copy with
  tracked changes and a comment as LibreOffice writes them.
- pandoc-tracked.docx: made by pandoc from pandoc-tracked.md, tracked changes and a comment as
  pandoc's docx writer makes them (what `compile --format docx` writes).

Run from this folder: python3 make-fixtures.py   (needs python-docx 1.2, soffice and pandoc)
The .docx files are committed, so the tests need neither.
"""
import os, shutil, subprocess, tempfile, zipfile
import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

W = nsdecls("w")
HERE = os.path.dirname(os.path.abspath(__file__))


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def run(text, deleted=False):
    tag = "w:delText" if deleted else "w:t"
    return f'<w:r><{tag} xml:space="preserve">{esc(text)}</{tag}></w:r>'


def paragraph(pieces, style=None, numbered=None, mark=None):
    """pieces: text, or tuples ("ins"|"del", id, author, date, text), ("br",), ("nbh",), ("cs"|"ce", id),
    ("seq", instr, result), ("fld", instr, result)."""
    ppr = ""
    if style or numbered or mark:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if numbered:
            level, num = numbered
            ppr += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
        if mark:
            rid, author, date = mark
            ppr += f'<w:rPr><w:ins w:id="{rid}" w:author="{author}" w:date="{date}"/></w:rPr>'
        ppr += "</w:pPr>"
    body = ""
    for piece in pieces:
        if isinstance(piece, str):
            body += run(piece)
        elif piece[0] in ("ins", "del"):
            kind, rid, author, date, text = piece
            body += f'<w:{kind} w:id="{rid}" w:author="{author}" w:date="{date}">{run(text, kind == "del")}</w:{kind}>'
        elif piece[0] == "br":
            body += "<w:r><w:br/></w:r>"
        elif piece[0] == "nbh":
            body += "<w:r><w:noBreakHyphen/></w:r>"
        elif piece[0] == "cs":
            body += f'<w:commentRangeStart w:id="{piece[1]}"/>'
        elif piece[0] == "ce":
            body += (f'<w:commentRangeEnd w:id="{piece[1]}"/>'
                     f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="{piece[1]}"/></w:r>')
        elif piece[0] == "seq":
            _, instr, result = piece
            body += (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">{instr}</w:instrText></w:r>'
                     f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{run(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        elif piece[0] == "fld":
            _, instr, result = piece
            body += f'<w:fldSimple w:instr="{instr}">{run(result)}</w:fldSimple>'
    return parse_xml(f"<w:p {W}>{ppr}{body}</w:p>")


def italic(text):
    return parse_xml(f'<w:p {W}><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">{esc(text)}</w:t></w:r></w:p>')


def new_document():
    document = docx.Document()
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def append(document, element):
    body = document.element.body
    body.insert(len(body) - 1, element)


def add_comment(document, text, author, date):
    comment = document.comments.add_comment(text, author=author, initials=author[:2].upper())
    comment._comment_elm.set(qn("w:date"), date)
    return comment.comment_id


def fixed_zip(path):
    """Rewrites the zip with fixed entry times, so the script makes the same bytes each run."""
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2020, 2, 27, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)


def canada():
    document = new_document()
    ca, md = "Canada", "Marie Dubois"
    d1, d2 = "2020-02-27T09:30:00Z", "2020-02-27T11:05:00Z"
    c1 = add_comment(document, "ed: name the forum in full", ca, d1)
    c2 = add_comment(document, "Who was consulted?", ca, d1)
    c3 = add_comment(document, "technical – a paragraph on follow-up is needed", md, d2)
    append(document, paragraph(["Outline of the input"], style="Title"))
    append(document, italic("Illustrative text for the Word fixtures."))
    append(document, paragraph(["1 Introduction"], style="Heading2"))
    append(document, paragraph([
        "1.1 The Council welcomes the invitation to provide a \u201cfocused input\u201d to the 2020\u00a0session of the ",
        ("cs", c1), "High", ("nbh",), "Level Political Forum", ("ce", c1),
        ("ins", 1, ca, d1, " on Sustainable Development"), "."]))
    append(document, paragraph([
        "1.2 This input was prepared by the working group,", ("br",), "in consultation with ", ("cs", c2), "the membership", ("ce", c2), "."]))
    append(document, paragraph(["2 Contribution"], style="Heading2"))
    append(document, paragraph([
        "2.1 ITU contributes to the SDGs through its work in radiocommunication, ",
        ("del", 2, ca, d1, "standardization and development"),
        ("ins", 3, ca, d1, "standardization, development and capacity building"), "."]))
    append(document, paragraph([
        "2.2 Connectivity remains a challenge: nearly half of the world\u2019s population remains offline."],
        mark=(4, md, d2)))
    append(document, paragraph([("cs", c3), ("ins", 5, md, d2, "2.3 ITU will report on progress in 2021."), ("ce", c3)]))
    path = os.path.join(HERE, "canada-tracked.docx")
    document.core_properties.author = "Canada"
    document.save(path)
    fixed_zip(path)


def usa():
    document = new_document()
    append(document, paragraph(["Outline of the input"], style="Title"))
    append(document, italic("Illustrative text for the Word fixtures."))
    append(document, paragraph(["Introduction"], style="Heading2", numbered=(0, 1)))
    append(document, paragraph([
        "The Council welcomes the invitation to provide a \u201cfocused input\u201d to the 2020 session of the High-Level Political Forum."],
        numbered=(1, 1)))
    append(document, paragraph(["This input was prepared by the working group, in  consultation with the membership."], numbered=(1, 1)))
    append(document, paragraph(["Contribution"], style="Heading2", numbered=(0, 1)))
    append(document, paragraph([("seq", " SEQ para \\* MERGEFORMAT ", "2.1"),
                                " ITU contributes to the SDGs through its work in radiocommunication, standardization and development."]))
    append(document, paragraph([("fld", " LISTNUM ", "2.2"),
                                " Connectivity remains a major challenge: nearly half of the world\u2019s population remains offline."]))
    path = os.path.join(HERE, "usa-numbered.docx")
    document.save(path)
    fixed_zip(path)


def china():
    with tempfile.TemporaryDirectory() as folder:
        source = os.path.join(folder, "china-libreoffice.fodt")
        shutil.copy(os.path.join(HERE, "china-libreoffice.fodt"), source)
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{folder}/profile",
                        "--convert-to", "docx:MS Word 2007 XML", "--outdir", folder, source],
                       check=True, stdout=subprocess.DEVNULL)
        shutil.copy(os.path.join(folder, "china-libreoffice.docx"), os.path.join(HERE, "china-libreoffice.docx"))


def pandoc():
    subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", "-o", os.path.join(HERE, "pandoc-tracked.docx"),
                    os.path.join(HERE, "pandoc-tracked.md")], check=True)


if __name__ == "__main__":
    canada()
    usa()
    china()
    pandoc()
