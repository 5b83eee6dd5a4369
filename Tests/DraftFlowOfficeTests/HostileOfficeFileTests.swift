import DraftFlow
import DraftFlowOffice
import Foundation
import Testing
import TestSupport

/// Office files are untrusted input: what their XML may try is not done.
@Suite struct HostileOfficeFileTests {
    static let header = "<w:tr><w:tc><w:p><w:r><w:t>MB/NC</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Comments</w:t></w:r></w:p></w:tc></w:tr>"

    private func document(_ doctype: String, row: String) -> String {
        "<?xml version=\"1.0\"?>\n\(doctype)\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:tbl>"
            + Self.header + row + "</w:tbl></w:body></w:document>"
    }

    @Test func anExternalEntityIsNotRead() throws {
        let xml = document("<!DOCTYPE d [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>",
                           row: "<w:tr><w:tc><w:p><w:r><w:t>CAN</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>[&secret;]</w:t></w:r></w:p></w:tc></w:tr>")
        let file = IncomingFile(name: "CAN.docx", data: try zipOf(["word/document.xml": xml]))
        let table = try #require(try ISOTemplateTable.table(of: file))
        // /etc/passwd always names root: none of it may come into the cell.
        let cell = try #require(table.rows.last?.cells.last)
        #expect(cell.hasPrefix("[") && !cell.contains("root"), "\(cell)")
    }

    @Test func anEntityExpansionBombIsRefused() throws {
        var entities = "<!ENTITY a0 \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\">"
        for level in 1...12 { entities += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">" }
        let xml = document("<!DOCTYPE d [\(entities)]>",
                           row: "<w:tr><w:tc><w:p><w:r><w:t>CAN</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>&a12;</w:t></w:r></w:p></w:tc></w:tr>")
        let file = IncomingFile(name: "CAN.docx", data: try zipOf(["word/document.xml": xml]))
        let error = refusal { try ISOTemplateTable.read(docx: file) }
        #expect(error?.message.hasPrefix("CAN.docx: its part word/document.xml is not well-formed XML (line ") == true, "\(String(describing: error))")
    }

    @Test func overlappingMergedCellsAreRefused() throws {
        let merges = String(repeating: "<mergeCell ref=\"A1:A3\"/>", count: 600)
        let sheet = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\"/><row r=\"3\"><c r=\"A3\"><v>1</v></c></row></sheetData>"
            + "<mergeCells>\(merges)</mergeCells></worksheet>"
        let file = IncomingFile(name: "CAN.xlsx", data: try zipOf(["xl/workbook.xml": "<workbook><sheets><sheet name=\"A\"/></sheets></workbook>",
                                                                    "xl/worksheets/sheet1.xml": sheet]))
        #expect(refusal { try ISOTemplateSpreadsheet.table(of: file) }?.message == "CAN.xlsx: its merged cells overlap")
    }

    @Test func cellsFarRightEmptyAndOddReferencesDoNotGrowTheRows() throws {
        let sheet = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>MB/NC</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>Comments</t></is></c></row>"
            + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>CAN</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>Fine.</t></is></c><c r=\"C2\" t=\"s\"/>"
            + "<c r=\"XFD2\" t=\"inlineStr\"><is><t>far</t></is></c><c r=\"AAAAA2\"><v>1</v></c></row></sheetData>"
            + "<mergeCells><mergeCell ref=\"A2:A2147483647\"/><mergeCell ref=\"nonsense\"/></mergeCells></worksheet>"
        let file = IncomingFile(name: "CAN.xlsx", data: try zipOf(["xl/workbook.xml": "<workbook><sheets><sheet name=\"A\"/></sheets></workbook>",
                                                                    "xl/worksheets/sheet1.xml": sheet]))
        let table = try ISOTemplateSpreadsheet.table(of: file)
        #expect(table.rows.map(\.cells) == [["MB/NC", "Comments"], ["CAN", "Fine."]])
    }
}
