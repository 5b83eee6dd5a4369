#!/usr/bin/env python3
"""Makes the ISO commenting template fixtures of Tests/Fixtures/iso (committed, so the tests need
none of these tools). Needs openpyxl, python-docx and LibreOffice (soffice, headless).

    python3 Tests/Fixtures/iso/make-fixtures.py

- iso-template.xlsx (openpyxl): a first sheet of instructions, then the template sheet with its
  title rows ("Date:", "Document:") above the header, rows of Canada (CA) and of the United
  States (United States of America, US), a line number and a paragraph saved as numbers, a cell
  of two lines, the template's footnotes below the rows, Canada's MB/NC cell merged down over
  its two rows (and the title over the sheet's width). openpyxl writes every text as an inline
  string (t="inlineStr").
- usa-hlpf-2020.xlsx (openpyxl): the United States' comments of the embedded example
  (Comments/draft-1/USA.csv) in the spreadsheet, below the template's title rows.
- iso-template-libreoffice.xlsx (LibreOffice Calc, headless, saving iso-template.xlsx again):
  the same sheets with shared strings (xl/sharedStrings.xml), as Excel and Calc write them.
- iso-template-rich.xlsx (Python's zipfile, by hand): shared strings of several formatted runs
  and with a phonetic reading (rPh), a formula's saved text (t="str"), a sheet part named
  other than sheetN.xml reached through an absolute relationship target; rows with the MB/NC
  CHN and 中国 (a name DraftFlow does not map to a member: refused when recorded).
- iso-template.docx (python-docx): the template as a Word table, the title rows inside it (cells
  spanning the table), rows of Canada (CAN) and China (China), an MB/NC cell merged down two
  rows, a cell of two paragraphs, and a tracked deletion and insertion in one comment (raw XML).
- iso-template-libreoffice.docx (LibreOffice Writer from an HTML table): title paragraphs above
  the table, rows of China (CN) and the United States (USA).
- chn-comments.docx (python-docx): China's own template as a Word table, its rows' MB/NC
  written CN, empty and China.
- not-a-template.docx (python-docx): a letter with a table that is not the template.
"""
import datetime, pathlib, subprocess, tempfile, zipfile, shutil
import openpyxl
from openpyxl.styles import Alignment, Font
import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

HERE = pathlib.Path(__file__).resolve().parent
HEADER = ["MB/NC¹", "Line number", "Clause/ Subclause", "Paragraph/ Figure/ Table/ Note", "Type of comment²",
          "Comments", "Proposed change", "Observations of the secretariat"]
FOOTNOTES = ["¹ MB = Member body / NC = National Committee (enter the ISO 3166 two-letter country code, e.g. CN for China)",
             "² Type of comment: ge = general   te = technical   ed = editorial"]


def xlsx():
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "Instructions"
    notes["A1"] = "Fill in the sheet 'Comments'. One comment a row."
    sheet = book.create_sheet("Comments")
    sheet["A1"] = "Template for comments and secretariat observations"
    sheet["A1"].font = Font(bold=True)
    sheet["A2"] = "Date:"
    sheet["B2"] = datetime.date(2020, 2, 28)
    sheet["D2"] = "Document:"
    sheet["E2"] = "Draft 1 of the Council input to the 2020 HLPF"
    sheet.append([])
    sheet.append(HEADER)
    rows = [
        ["CA", 3, 2, 2.2, "te", "Connectivity deserves a stronger word.", "2.2 Connectivity remains a major challenge.", None],
        ["CA", None, "general", None, "ge", "Canada welcomes Draft 1.\nIt supports a concise input.", None, None],
        ["United States of America", 1, 1, "1.1", "ed", "Say which invitation.", None, None],
        ["US", 2, "1", "1.2", "te", "Name the working group.", "1.2 This input was prepared by the Council Working Group on WSIS and SDGs.", None],
    ]
    for row in rows:
        sheet.append(row)
    sheet.append([])
    for note in FOOTNOTES:
        sheet.append([note])
    for cell in sheet[6]:
        cell.alignment = Alignment(wrap_text=True)
    # Canada's MB/NC cell merged down over its two rows; the title over the whole width.
    sheet.merge_cells("A5:A6")
    sheet.merge_cells("A1:H1")
    book.save(HERE / "iso-template.xlsx")


def usa_xlsx():
    """The United States' comments of the embedded example (Comments/draft-1/USA.csv) as the
    template's spreadsheet, with its title rows: the same rows, for a demo's e-mail attachment."""
    import csv
    with open(HERE.parent.parent.parent / "Comments/draft-1/USA.csv", encoding="utf-8", newline="") as source:
        records = list(csv.reader(source))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Comments"
    sheet.append(["Template for comments and secretariat observations"])
    sheet.append(["Date:", "2020-02-29", None, "Document:", "Draft 1 of the ITU Council input to the 2020 HLPF"])
    sheet.append([])
    for record in records:
        sheet.append(record)
    sheet.append([])
    for note in FOOTNOTES:
        sheet.append([note])
    book.save(HERE / "usa-hlpf-2020.xlsx")


def libreoffice_xlsx():
    with tempfile.TemporaryDirectory() as folder:
        source = pathlib.Path(folder) / "iso-template-libreoffice.xlsx"
        shutil.copy(HERE / "iso-template.xlsx", source)
        out = pathlib.Path(folder) / "out"
        subprocess.run(["soffice", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(source)],
                       check=True, capture_output=True)
        shutil.copy(out / "iso-template-libreoffice.xlsx", HERE / "iso-template-libreoffice.xlsx")


def rich_xlsx():
    strings = ["Date:", "Document:", "Draft 1"] + [h.replace("¹", "").replace("²", "") for h in HEADER] + ["CHN", "2.1", "ed", "general"]
    items = "".join(f'<si><t xml:space="preserve">{text}</t></si>' for text in strings)
    # A string of two formatted runs, and one with a phonetic reading (East Asian spreadsheets).
    items += '<si><r><t xml:space="preserve">Two </t></r><r><rPr><b/></rPr><t>runs</t></r></si>'
    items += '<si><t>中国</t><rPh sb="0" eb="2"><t>zhongguo</t></rPh><phoneticPr fontId="1"/></si>'
    shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings) + 2}" uniqueCount="{len(strings) + 2}">{items}</sst>')
    index = {text: i for i, text in enumerate(strings)}
    s = lambda ref, text: f'<c r="{ref}" t="s"><v>{index[text]}</v></c>'
    header = "".join(f'<c r="{chr(65 + i)}3" t="s"><v>{3 + i}</v></c>' for i in range(len(HEADER)))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             f'<row r="1">{s("A1", "Date:")}<c r="B1"><v>43889</v></c></row>'
             f'<row r="2">{s("A2", "Document:")}{s("B2", "Draft 1")}</row>'
             f'<row r="3">{header}</row>'
             f'<row r="4">{s("A4", "CHN")}<c r="B4"><v>7</v></c>{s("D4", "2.1")}{s("E4", "ed")}'
             '<c r="F4" t="str"><f>CONCATENATE("Cite ","the SDGs.")</f><v>Cite the SDGs.</v></c></row>'
             f'<row r="6"><c r="A6" t="s"><v>{len(strings) + 1}</v></c>{s("C6", "general")}<c r="F6" t="s"><v>{len(strings)}</v></c></row>'
             '</sheetData></worksheet>')
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="ISO" sheetId="1" r:id="rId7"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/comments.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/comments.xml": sheet,
        "xl/sharedStrings.xml": shared,
    }
    with zipfile.ZipFile(HERE / "iso-template-rich.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2020, 2, 28, 12, 0, 0)), text, compress_type=zipfile.ZIP_DEFLATED)


def word_docx():
    document = docx.Document()
    document.add_heading("Comments on the Council input to the 2020 HLPF", level=1)
    table = document.add_table(rows=0, cols=len(HEADER))
    table.style = "Table Grid"
    title = table.add_row().cells
    title[0].merge(title[-1]).text = "Date: 2020-02-28"
    title = table.add_row().cells
    title[0].merge(title[-1]).text = "Document: Draft 1"
    for cell, text in zip(table.add_row().cells, HEADER):
        cell.text = text
    rows = [
        ["CAN", "3", "2", "2.2", "te", "Connectivity deserves a stronger word.", "2.2 Connectivity remains a major challenge.", ""],
        ["", "", "1", "1.2", "ed", "PLACEHOLDER", "", ""],
        ["China", "", "general", "", "ge", "China supports the draft.", "", ""],
    ]
    for values in rows:
        for cell, text in zip(table.add_row().cells, values):
            cell.text = text
    # The MB/NC cell of Canada's first row merged down over its second row.
    first, second = table.rows[3].cells[0], table.rows[4].cells[0]
    first._tc.get_or_add_tcPr().append(parse_xml(f'<w:vMerge {nsdecls("w")} w:val="restart"/>'))
    second._tc.get_or_add_tcPr().append(parse_xml(f'<w:vMerge {nsdecls("w")}/>'))
    # A comment of two paragraphs, with a tracked deletion and insertion by its author.
    cell = table.rows[4].cells[5]
    paragraph = cell.paragraphs[0]
    paragraph._p.remove(paragraph.runs[0]._r)
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve">Name the </w:t></w:r>'))
    paragraph._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="Canada" w:date="2020-02-27T10:00:00Z"><w:r><w:delText>group</w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="Canada" w:date="2020-02-27T10:00:00Z"><w:r><w:t>working group</w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t>.</w:t></w:r>'))
    cell.add_paragraph("Its full name is used in 3.1.")
    document.add_paragraph("¹ MB = Member body / NC = National Committee")
    document.core_properties.created = datetime.datetime(2020, 2, 28, 12, 0, 0)
    document.core_properties.modified = datetime.datetime(2020, 2, 28, 12, 0, 0)
    document.save(HERE / "iso-template.docx")


def libreoffice_docx():
    cells = lambda row, tag="td": "<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in row) + "</tr>"
    html = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>ISO template</title></head><body>"
            "<p><b>Template for comments and secretariat observations</b></p>"
            "<p>Date: 2020-02-28</p><p>Document: Draft 1</p>"
            "<table border='1'>" + cells(HEADER, "th")
            + cells(["CN", "5", "2", "2.1", "ed", "Write “Sustainable Development Goals” in full.", "2.1 ITU contributes to the Sustainable Development Goals.", ""])
            + cells(["USA", "", "1", "1.1", "ge", "The United States agrees.", "", ""])
            + "</table></body></html>")
    with tempfile.TemporaryDirectory() as folder:
        source = pathlib.Path(folder) / "iso-template-libreoffice.html"
        source.write_text(html, encoding="utf-8")
        subprocess.run(["soffice", "--headless", "--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML",
                        "--outdir", folder, str(source)], check=True, capture_output=True)
        shutil.copy(pathlib.Path(folder) / "iso-template-libreoffice.docx", HERE / "iso-template-libreoffice.docx")


def china_docx():
    document = docx.Document()
    document.add_paragraph("Template for comments and secretariat observations")
    document.add_paragraph("Date: 2020-02-27\tDocument: Draft 1")
    table = document.add_table(rows=1, cols=len(HEADER))
    for cell, text in zip(table.rows[0].cells, HEADER):
        cell.text = text
    rows = [
        ["CN", "5", "2", "2.1", "ed", "Name the Goals.", "2.1 ITU contributes to the Sustainable Development Goals (SDGs).", ""],
        ["", "", "general", "", "ge", "China thanks the secretariat.", "", ""],
        ["China", "8", "2", "2.2", "te", "Say what the challenge is.", "2.2 Affordable connectivity remains a challenge.", ""],
    ]
    for values in rows:
        for cell, text in zip(table.add_row().cells, values):
            cell.text = text
    document.core_properties.created = datetime.datetime(2020, 2, 27, 12, 0, 0)
    document.core_properties.modified = datetime.datetime(2020, 2, 27, 12, 0, 0)
    document.save(HERE / "chn-comments.docx")


def not_a_template():
    document = docx.Document()
    document.add_paragraph("Dear Secretariat,")
    document.add_paragraph("Please find our comments below.")
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text = "Name"
    table.rows[0].cells[1].text = "Comments welcome"
    table.rows[1].cells[0].text = "Canada"
    table.rows[1].cells[1].text = "Yes"
    document.core_properties.created = datetime.datetime(2020, 2, 28, 12, 0, 0)
    document.core_properties.modified = datetime.datetime(2020, 2, 28, 12, 0, 0)
    document.save(HERE / "not-a-template.docx")


xlsx()
usa_xlsx()
libreoffice_xlsx()
rich_xlsx()
word_docx()
libreoffice_docx()
china_docx()
not_a_template()
print("written:", ", ".join(sorted(p.name for p in HERE.iterdir() if p.suffix in (".xlsx", ".docx"))))
