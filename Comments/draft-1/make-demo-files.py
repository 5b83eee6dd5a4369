#!/usr/bin/env python3
"""Makes the embedded example's Word and e-mail submissions from its text files.

- Comments/draft-1/CAN.docx: Draft 1 as a Word document in which Canada's edits
  (CAN.proposal.md) are tracked changes by "Canada", dated when Canada made them, and Canada's
  comments (CAN.md) are Word comments on their paragraphs.
- Comments/draft-1/USA.eml: the United States' e-mail to the secretariat, as the secretariat's
  server received it, with the ISO commenting template (USA.csv) attached.

Run from the repository root: python3 Comments/draft-1/make-demo-files.py
Needs python-docx 1.2 (pip install python-docx). The files it makes are committed, so the demo
needs neither Python nor python-docx.
"""
import copy
import difflib
import re
import sys
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from datetime import datetime, timezone, timedelta
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.oxml import OxmlElement

ROOT = Path(__file__).resolve().parents[2]
DRAFT = ROOT / "Drafts/hlpf-2020-input.md"
FOLDER = ROOT / "Comments/draft-1"
AUTHOR = "Canada"
WHEN = "2020-02-27T16:30:00Z"


def blocks(text):
    return [b for b in text.split("\n\n") if b.strip()]


def words(text):
    return re.findall(r"\s+|[^\s]+", text)


def run(text, deleted=False):
    r = OxmlElement("w:r")
    t = OxmlElement("w:delText" if deleted else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


def tracked(kind, text, ident):
    element = OxmlElement("w:" + kind)
    element.set(qn("w:id"), str(ident))
    element.set(qn("w:author"), AUTHOR)
    element.set(qn("w:date"), WHEN)
    element.append(run(text, deleted=(kind == "del")))
    return element


def main():
    draft = blocks(DRAFT.read_text(encoding="utf-8"))
    edited = blocks((FOLDER / "CAN.proposal.md").read_text(encoding="utf-8"))
    assert len(draft) == len(edited), "the edited copy keeps the draft's paragraphs"
    comments = {}
    for section in (FOLDER / "CAN.md").read_text(encoding="utf-8").split("\n## ")[1:]:
        heading, _, body = section.partition("\n")
        anchor, kind = heading.split(" (")
        reasoning = body.split("Proposed change:")[0].strip()
        comments[anchor.strip()] = kind.rstrip(")").capitalize() + ": " + reasoning

    document = docx.Document()
    ident = 1
    paragraphs = {}
    for old, new in zip(draft, edited):
        level = len(old) - len(old.lstrip("#"))
        if level:
            paragraph = document.add_heading(old[level:].strip(), level=min(level, 9))
            paragraphs[old[level:].strip().split(" ")[0]] = paragraph
            continue
        paragraph = document.add_paragraph()
        paragraphs[old.split(" ")[0]] = paragraph
        if old.startswith("*") and old.endswith("*"):
            paragraph.add_run(old.strip("*")).italic = True
            continue
        a, b = words(old), words(new)
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
            if op == "equal":
                paragraph._p.append(run("".join(a[i1:i2])))
                continue
            if i2 > i1:
                paragraph._p.append(tracked("del", "".join(a[i1:i2]), ident)); ident += 1
            if j2 > j1:
                paragraph._p.append(tracked("ins", "".join(b[j1:j2]), ident)); ident += 1
    # Word comments: on the paragraph they are about; the general one on the title.
    for anchor, text in comments.items():
        target = paragraphs.get(anchor) if anchor != "general" else document.paragraphs[0]
        runs = [r for r in target.runs] or None
        if runs is None:
            r = target.add_run("")
            runs = [r]
        comment = document.add_comment(runs, text=text, author=AUTHOR, initials="CA")
        comment._comment_elm.set(qn("w:date"), WHEN)
    document.core_properties.author = AUTHOR
    document.core_properties.created = datetime(2020, 2, 27, 16, 30, tzinfo=timezone.utc)
    document.core_properties.modified = datetime(2020, 2, 27, 16, 40, tzinfo=timezone.utc)
    document.core_properties.revision = 1
    document.save(FOLDER / "CAN.docx")

    message = EmailMessage()
    geneva = timezone(timedelta(hours=1))
    sent = datetime(2020, 2, 29, 23, 4, 12, tzinfo=geneva)
    received = datetime(2020, 2, 29, 23, 10, 0, tzinfo=geneva)
    message["Received"] = f"from mail.usmission.example.org (mail.usmission.example.org [192.0.2.25]) by mx.itu.int with ESMTPS id 4Q8ZT1; {format_datetime(received)}"
    message["From"] = "United States Mission Geneva <usa.delegation@example.org>"
    message["To"] = "WSIS secretariat <wsis-info@itu.int>"
    message["Subject"] = "Council input to 2020 HLPF"
    message["Date"] = format_datetime(sent)
    message["Message-ID"] = "<20200229220412.usa-hlpf-draft-1@usmission.example.org>"
    message.set_content("Dear colleagues,\n\nPlease find attached the comments of the United States on Draft 1 of the "
                        "Council input to the 2020 HLPF, in the ISO commenting template.\n\nBest regards,\n\n-- \n"
                        "United States Mission to the United Nations in Geneva\n")
    message.add_attachment((FOLDER / "USA.csv").read_bytes(), maintype="text", subtype="csv", filename="USA.csv")
    message.set_boundary("=-usa-hlpf-2020-draft-1-comments")
    (FOLDER / "USA.eml").write_bytes(bytes(message))


if __name__ == "__main__":
    sys.exit(main())
