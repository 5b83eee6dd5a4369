import DraftFlow
import DraftFlowOffice
import Foundation
import Testing
import TestSupport

/// The ISO template as a Word table: found among the document's tables, read as Word shows it.
@Suite struct ISOTemplateTableTests {
    @Test func aPythonDocxTableWithTitleRowsAMergedMemberCellAndTrackedChanges() throws {
        let read = try #require(try ISOTemplateTable.read(docx: try ISOFixture.file("iso-template.docx")))
        #expect(ISOFixture.summary(try #require(read.read?.comments)) == [
            "CAN|4|3|2|2.2|2.2|technical|Connectivity deserves a stronger word.|2.2 Connectivity remains a major challenge.",
            "CAN|5|-|1|1.2|1.2|editorial|Name the working group.\nIts full name is used in 3.1.|-",
            "China|6|-|general|-|general|general|China supports the draft.|-",
        ])
    }

    @Test func aLibreOfficeTableBelowTitleParagraphs() throws {
        let read = try #require(try ISOTemplateTable.read(docx: try ISOFixture.file("iso-template-libreoffice.docx")))
        #expect(ISOFixture.summary(try #require(read.read?.comments)) == [
            "CN|2|5|2|2.1|2.1|editorial|Write “Sustainable Development Goals” in full.|2.1 ITU contributes to the Sustainable Development Goals.",
            "USA|3|-|1|1.1|1.1|general|The United States agrees.|-",
        ])
    }

    @Test func aDocumentWithoutTheTemplateTableIsNoTemplate() throws {
        #expect(try ISOTemplateTable.read(docx: try ISOFixture.file("not-a-template.docx")) == nil)
    }

    @Test func aDocumentWithoutAnyTableIsNoTemplateAndNotAWordDocumentIsRefused() throws {
        let paragraphs = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + "<w:p><w:r><w:t>MB/NC Comments Type of comment</w:t></w:r></w:p></w:body></w:document>"
        #expect(try ISOTemplateTable.read(docx: IncomingFile(name: "CAN.docx", data: try zipOf(["word/document.xml": paragraphs]))) == nil)
        let workbook = refusal { try ISOTemplateTable.read(docx: try ISOFixture.file("iso-template.xlsx")) }
        #expect(workbook?.message == "iso-template.xlsx is not a Word document (it has no word/document.xml)")
    }

    @Test func theOfficeDispatchReadsTheTableAndKeepsTheBytes() throws {
        let file = try ISOFixture.file("iso-template.docx")
        let read = try OfficeFiles.read(file)
        #expect(read.data == file.data)
        #expect(read.read?.comments.count == 3)
    }

    @Test func aTemplateRowWithAnUnknownTypeIsRefusedWithItsTableRow() throws {
        let document = """
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl>
            <w:tr><w:tc><w:p><w:r><w:t>MB/NC</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Type of comment</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Comments</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:trPr><w:del w:id="1" w:author="Canada"/></w:trPr><w:tc><w:p><w:r><w:t>CAN</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>xx</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Deleted row.</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>CAN</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>urgent</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>A</w:t><w:tab/><w:t>B</w:t></w:r></w:p></w:tc></w:tr>
            </w:tbl></w:body></w:document>
            """
        let file = IncomingFile(name: "CAN.docx", data: try zipOf(["word/document.xml": document]))
        let table = try #require(try ISOTemplateTable.table(of: file))
        #expect(table.rows.map(\.cells) == [["MB/NC", "Type of comment", "Comments"], ["CAN", "urgent", "A\tB"]])
        let error = refusal { try ISOTemplateTable.read(docx: file) }
        #expect(error?.message == "CAN.docx, table row 2: the type of comment 'urgent' is not ge, te or ed")
    }
}
