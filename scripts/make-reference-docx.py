#!/usr/bin/env python3
"""Builds Sources/DraftFlowExport/Resources/reference.docx, the style sheet pandoc uses for every
DOCX DraftFlow writes (`--reference-doc`): A4 paper with ITU margins, Times New Roman 12 pt (a CJK
font for East Asian text), the ITU-style title block, headings, tables and comments styles, and a
header and footer.

The header holds the placeholder DRAFTFLOW-HEADER, which DraftFlow replaces with the document's own
header text (its symbol and title) when it writes a document, and the page number as ITU documents
show it ("- 2 -"); the footer, "Page n of N". A packet's first section (its title page) leaves the
header out itself (a section break with a title page, see PacketWord.swift).

Needs pandoc and python-docx (pip install python-docx). Run from the repository root:
    python3 scripts/make-reference-docx.py
The result is committed, so neither is needed to build or test DraftFlow.
"""
import os
import subprocess
import tempfile

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

OUT = os.path.join(os.path.dirname(__file__), "..", "Sources", "DraftFlowExport", "Resources", "reference.docx")

with tempfile.TemporaryDirectory() as work:
    default = os.path.join(work, "default.docx")
    with open(default, "wb") as f:
        f.write(subprocess.run(["pandoc", "--print-default-data-file", "reference.docx"], check=True,
                               stdout=subprocess.PIPE).stdout)
    doc = Document(default)

# Page: A4 portrait, ITU margins (2.5 cm top and bottom, 2 cm left and right).
section = doc.sections[0]
section.orientation = WD_ORIENT.PORTRAIT
section.page_width, section.page_height = Cm(21.0), Cm(29.7)
section.top_margin = section.bottom_margin = Cm(2.5)
section.left_margin = section.right_margin = Cm(2.0)
section.header_distance = section.footer_distance = Cm(1.25)
section.different_first_page_header_footer = False


def set_fonts(style, size=None, bold=None, color=None):
    font = style.font
    font.name = "Times New Roman"
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), "Times New Roman")
    fonts.set(qn("w:eastAsia"), "SimSun")
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts.get(qn(attribute)) is not None:
            del fonts.attrib[qn(attribute)]
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if color is not None:
        font.color.rgb = color


styles = doc.styles
by_id = {style.style_id: style for style in styles}


def named(name):
    """A style by its name (pandoc's names are capitalised, which python-docx's lookup is not)."""
    return by_id.get(name.replace(" ", "")) or styles[name]


black = RGBColor(0, 0, 0)
for name in ("Normal", "Body Text", "First Paragraph", "Compact", "Block Text"):
    named(name).paragraph_format.space_before = Pt(6)
    named(name).paragraph_format.space_after = Pt(0)
    set_fonts(named(name), 12)
for name, size in (("Title", 16), ("Subtitle", 14), ("Heading 1", 12), ("Heading 2", 12), ("Heading 3", 12),
                   ("Heading 4", 12), ("Heading 5", 12), ("Heading 6", 12)):
    style = named(name)
    set_fonts(style, size, bold=True, color=black)
    style.paragraph_format.space_before = Pt(12)
    style.paragraph_format.space_after = Pt(6)
    style.paragraph_format.keep_with_next = True
    style.font.italic = False
named("Title").paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
named("Subtitle").paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def paragraph_style(name, size=12, bold=False, align=None, before=0, after=0):
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = named("Normal")
    set_fonts(style, size, bold=bold)
    style.paragraph_format.space_before = Pt(before)
    style.paragraph_format.space_after = Pt(after)
    if align is not None:
        style.paragraph_format.alignment = align
    return style


# The title block: the organisation's line, the document's facts on the right, the source.
paragraph_style("Organisation", 14, bold=True, after=12)
paragraph_style("Document Facts", 12, bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
paragraph_style("Document Source", 12, bold=True, before=18)
paragraph_style("Document Title", 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, before=24, after=12)
paragraph_style("Table Text", 9)
paragraph_style("Table Heading", 8, bold=True)
paragraph_style("Header Text", 10, align=WD_ALIGN_PARAGRAPH.CENTER)
paragraph_style("Footer Text", 9, align=WD_ALIGN_PARAGRAPH.CENTER)
set_fonts(named("Compact"), 10)


def field(paragraph, instruction, placeholder):
    """A field (PAGE, NUMPAGES) in its own runs, as Word writes it."""
    def run_with(child):
        run = OxmlElement("w:r")
        run.append(child)
        paragraph._p.append(run)
    begin = OxmlElement("w:fldChar"); begin.set(qn("w:fldCharType"), "begin"); run_with(begin)
    text = OxmlElement("w:instrText"); text.set(qn("xml:space"), "preserve"); text.text = f" {instruction} "; run_with(text)
    separate = OxmlElement("w:fldChar"); separate.set(qn("w:fldCharType"), "separate"); run_with(separate)
    result = OxmlElement("w:t"); result.text = placeholder; run_with(result)
    end = OxmlElement("w:fldChar"); end.set(qn("w:fldCharType"), "end"); run_with(end)


# The document's header text, then "- n -" as ITU documents number pages.
header = section.header.paragraphs[0]
header.style = styles["Header Text"]
header.add_run("DRAFTFLOW-HEADER")
number = section.header.add_paragraph(style=styles["Header Text"])
number.add_run("- ")
field(number, "PAGE", "2")
number.add_run(" -")
footer = section.footer.paragraphs[0]
footer.style = styles["Footer Text"]
footer.add_run("Page ")
field(footer, "PAGE", "1")
footer.add_run(" of ")
field(footer, "NUMPAGES", "1")
# The body holds nothing: pandoc keeps only the styles, the section and the headers and footers.
body = doc.element.body
for child in list(body):
    if child.tag != qn("w:sectPr"):
        body.remove(child)

doc.core_properties.title = ""
doc.core_properties.author = "DraftFlow"
doc.save(OUT)
print("wrote", os.path.normpath(OUT))
