#!/usr/bin/env python3
"""Writes the seed inputs of the fuzz targets from the repository's real inputs into a folder
(default Fuzzing/Seeds, not committed); scripts/fuzz.sh --merge merges them into Fuzzing/Corpus with
libFuzzer's -merge=1, which keeps only the inputs that add coverage.

Usage: python3 Fuzzing/make-seeds.py [FOLDER [WORKFLOW.md ...]]: further Workflow.md files (of a
demo workspace, say) become seeds of FuzzWorkflowFile.

Sources: the embedded example (Workflow.md, Drafts/, Comments/), the seed report fixture cut into
pieces, and a few hand-written inputs for the forms the example does not use."""
import os
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "Fuzzing", "Seeds")


def read(path):
    with open(os.path.join(root, path), "rb") as f:
        return f.read()


def write(target, name, data):
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def pieces(data, lines_per_piece):
    lines = data.split(b"\n")
    for start in range(0, len(lines), lines_per_piece):
        yield b"\n".join(lines[start:start + lines_per_piece]) + b"\n"


report = read("Tests/Fixtures/itu-cwg-wsis-sdg-2020-report.zh.txt")
draft = read("Drafts/hlpf-2020-input.md")

# Markdown comments.
for name in ["CAN.md", "CAN.proposal.md", "README.md"]:
    path = "Comments/README.md" if name == "README.md" else "Comments/draft-1/" + name
    write("FuzzCommentMarkdown", name, read(path))
write("FuzzCommentMarkdown", "forms.md", """# Comments of Canada on Draft 1

## 2.3 (technical)
The paragraph should mention broadband.

Proposed change: ITU will promote affordable broadband
for all.

## Para. 4 [ed]
Proposed text: "sustainable" instead of "sustainible".
## § 5 (TE)
D.
## ¶7
E.
## 9 [technical] ##
G.
## 段落 3（编辑性）
修改。
## الفقرة 2 (تقني)
نص.

```
## not a heading
```
Note: a note.
""".encode())
for index, piece in enumerate(pieces(report, 12)):
    write("FuzzCommentMarkdown", "report-%02d.md" % index, b"## %d (ed)\n" % (index + 1) + piece)

# The ISO commenting template.
usa = read("Comments/draft-1/USA.csv")
write("FuzzCommentISOTemplate", "USA.csv", usa)
header, _, rows = usa.partition(b"\n")
for index, row in enumerate(rows.split(b"\n")[:6]):
    if row.strip():
        write("FuzzCommentISOTemplate", "USA-row-%d.csv" % index, header + b"\r\n" + row + b"\r\n")
write("FuzzCommentISOTemplate", "semicolons.csv", b"\n;;;\nComments;Paragraph;TYPE\n\"A; still A\";\xc2\xa7 1.2;ge\nB;all;technical\n")
write("FuzzCommentISOTemplate", "chinese.csv", "Clause,Type of comment,Comments,Proposed change\n2,te,\"修改\",\"\"\"引号\"\"\"\n".encode())

# Workflow.md.
write("FuzzWorkflowFile", "example-Workflow.md", read("Workflow.md"))
for extra in sys.argv[2:]:
    write("FuzzWorkflowFile", os.path.basename(os.path.dirname(extra)) + "-Workflow.md", open(extra, "rb").read())

# Drafts: the first byte picks the format (even: .md, odd: .txt).
write("FuzzDocumentReader", "draft.md", b"\x00" + draft)
write("FuzzDocumentReader", "report.txt", b"\x01" + report)
for index, piece in enumerate(pieces(report, 40)):
    write("FuzzDocumentReader", "report-%02d.txt" % index, b"\x01" + piece)
    write("FuzzDocumentReader", "report-%02d.md" % index, b"\x00" + piece)
