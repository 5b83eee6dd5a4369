import DraftFlow
import DraftFlowOffice
import Foundation
import Testing
import TestSupport
import ZIPFoundation

/// The ISO template as a spreadsheet: read in process, title rows above the header skipped.
@Suite struct ISOTemplateSpreadsheetTests {
    /// openpyxl's workbook: an instructions sheet first, title rows, numbers, a two-line cell, footnotes.
    static let openpyxlRows = [
        "CA|5|3|2|2.2|2.2|technical|Connectivity deserves a stronger word.|2.2 Connectivity remains a major challenge.",
        "CA|6|-|general|-|general|general|Canada welcomes Draft 1.\nIt supports a concise input.|-",
        "United States of America|7|1|1|1.1|1.1|editorial|Say which invitation.|-",
        "US|8|2|1|1.2|1.2|technical|Name the working group.|1.2 This input was prepared by the Council Working Group on WSIS and SDGs.",
    ]

    @Test func theTemplateSheetOfAnOpenpyxlWorkbookGivesItsRowsAsTheSpreadsheetNumbersThem() throws {
        let read = try OfficeFiles.read(try ISOFixture.file("iso-template.xlsx"))
        let comments = try #require(read.read?.comments)
        #expect(ISOFixture.summary(comments) == Self.openpyxlRows)
    }

    @Test func libreOfficeSharedStringsReadTheSame() throws {
        let read = try OfficeFiles.read(try ISOFixture.file("iso-template-libreoffice.xlsx"))
        #expect(ISOFixture.summary(try #require(read.read?.comments)) == Self.openpyxlRows)
    }

    @Test func richRunsPhoneticReadingsAndFormulaResults() throws {
        let read = try OfficeFiles.read(try ISOFixture.file("iso-template-rich.xlsx"))
        #expect(ISOFixture.summary(try #require(read.read?.comments)) == [
            "CHN|4|7|-|2.1|2.1|editorial|Cite the SDGs.|-",
            "中国|6|-|general|-|general|general|Two runs|-",
        ])
    }

    /// The embedded example's United States comments, as CSV and as the spreadsheet with title
    /// rows: the same comments, only the rows' numbers differ (three title rows and a blank one).
    @Test func theSameTemplateAsCSVAndAsASpreadsheetReadsTheSame() throws {
        let csvURL = ISOFixture.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Comments/draft-1/USA.csv")
        var fromCSV = try CommentParser.parse(data: try Data(contentsOf: csvURL), fileName: "USA.csv")
        for index in fromCSV.indices { fromCSV[index].template?.row += 3 }
        let fromSpreadsheet = try #require(try OfficeFiles.read(try ISOFixture.file("usa-hlpf-2020.xlsx")).read?.comments)
        #expect(fromSpreadsheet.count == 3)
        #expect(fromSpreadsheet == fromCSV)
    }

    @Test func theOriginalBytesAreKept() throws {
        let file = try ISOFixture.file("iso-template.xlsx")
        #expect(try OfficeFiles.read(file).data == file.data)
    }

    @Test func theTemplateSheetIsTheOneWithTheHeaderAndWithoutOneTheFirstSheetsFirstRowIsNamed() throws {
        let table = try ISOTemplateSpreadsheet.table(of: try ISOFixture.file("iso-template.xlsx"))
        #expect(table.rows.first?.cells.first == "Template for comments and secretariat observations")
        let file = IncomingFile(name: "CAN.xlsx", data: try zipOf(["xl/workbook.xml": "<workbook><sheets><sheet name=\"A\"/></sheets></workbook>",
                               "xl/worksheets/sheet1.xml": "<worksheet><sheetData><row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>Remarks</t></is></c></row></sheetData></worksheet>"]))
        let error = refusal { try OfficeFiles.read(file) }
        #expect(error?.message == "CAN.xlsx: the header (row 2) has no 'Comments' column; it has '', 'Remarks'")
    }

    @Test func whatIsNotAWorkbookIsRefusedNamingTheFile() throws {
        let notZip = refusal { try OfficeFiles.read(IncomingFile(name: "CAN.xlsx", data: Data("MB/NC,Comments\n".utf8))) }
        #expect(notZip?.message == "CAN.xlsx is not an Office Open XML file (it does not open as a zip archive)")
        let word = refusal { try OfficeFiles.read(IncomingFile(name: "CAN.xlsx", data: try ISOFixture.file("not-a-template.docx").data)) }
        #expect(word?.message == "CAN.xlsx is not a spreadsheet (it has no xl/workbook.xml)")
        let broken = refusal {
            try OfficeFiles.read(IncomingFile(name: "CAN.xlsx", data: try zipOf(["xl/workbook.xml": "<workbook><sheets><sheet name=\"A\"/></sheets>"])))
        }
        #expect(broken?.message.hasPrefix("CAN.xlsx: its part xl/workbook.xml is not well-formed XML (line 1: ") == true, "\(String(describing: broken))")
    }

    @Test func aSharedStringTheWorkbookDoesNotHaveIsRefusedWithItsRow() throws {
        let data = try zipOf(["xl/workbook.xml": "<workbook><sheets><sheet name=\"A\"/></sheets></workbook>",
                              "xl/worksheets/sheet1.xml": "<worksheet><sheetData><row r=\"3\"><c r=\"A3\" t=\"s\"><v>9</v></c></row></sheetData></worksheet>"])
        let error = refusal { try OfficeFiles.read(IncomingFile(name: "CAN.xlsx", data: data)) }
        #expect(error?.message == "CAN.xlsx, row 3: a cell refers to a shared string the workbook does not have")
    }

}

/// A zip of `parts` made in memory with ZIPFoundation, for packages no Office program would write.
func zipOf(_ parts: [String: String]) throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
        let data = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }
    return try #require(archive.data)
}
