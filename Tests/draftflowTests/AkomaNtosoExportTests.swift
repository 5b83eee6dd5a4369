import Foundation
import Testing
import TestSupport

/// `export VERSION --format akn`: the version as Akoma Ntoso 3.0, validated with xmllint against the
/// committed OASIS schema (Tests/Fixtures/akn).
@Suite struct AkomaNtosoExportTests {
    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/akn/akomantoso30.xsd")

    func validate(_ file: URL) throws -> CLI.Result {
        try runProgram("/usr/bin/xmllint", ["--noout", "--nonet", "--schema", Self.schema.path, file.path], in: file.deletingLastPathComponent())
    }

    /// The `eId` attributes of the paragraphs and sections, in order.
    func eIds(_ xml: String) -> [String] {
        xml.components(separatedBy: "eId=\"para_").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func aVersionValidatesWithItsParagraphIdsAsEIds() throws {
        let scratch = try ScratchDirectory()
        let cli = try makeRoundWorkspace(scratch)
        let file = scratch.url.appendingPathComponent("draft-1.akn.xml")
        let exported = try cli.run(["export", "draft-1", "--format", "akn", "-o", file.path])
        #expect(exported.status == 0, "\(exported.error)")
        #expect(exported.output == "Wrote draft-1 (akn, 7 blocks) to \(file.path)\n")
        let validated = try validate(file)
        #expect(validated.status == 0, "\(validated.error)")
        #expect(validated.error == "\(file.path) validates\n")
        let xml = try String(contentsOf: file, encoding: .utf8)
        let outline = try #require(try JSONSerialization.jsonObject(with: Data(try cli.run(["outline", "draft-1", "--json"]).output.utf8)) as? [String: Any])
        let ids = try #require(outline["paragraphs"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(eIds(xml) == ids)
        #expect(xml.contains("<paragraph eId=\"para_2.2\"><num>2.2</num><content><p>Connectivity remains a challenge.</p></content></paragraph>"))
        #expect(xml.contains("<FRBRlanguage language=\"eng\"/>"))
        #expect(xml.contains("<FRBRthis value=\"/akn/un/doc/report/2020-02-14/ws/eng@draft-1/!main\"/>"))
    }

    @Test func theChineseSeedReportValidates() throws {
        let scratch = try ScratchDirectory()
        let report = scratch.url.appendingPathComponent("report.txt")
        try FileManager.default.copyItem(at: DocumentCommandTests.seedReport, to: report)
        let created = try CLI.run(["init", "ws", "--title", "理事会工作组的报告", "--document", report.path], now: "2020-02-07T17:00:00+01:00", in: scratch.url)
        #expect(created.status == 0, "\(created.error)")
        let cli = CLI(folder: scratch.url.appendingPathComponent("ws"), now: "2020-02-14T10:00:00+01:00")
        #expect(try cli.run(["publish", "draft-1"]).status == 0)
        let file = scratch.url.appendingPathComponent("report.akn.xml")
        #expect(try cli.run(["export", "--format", "akn", "-o", file.path]).status == 0)
        let validated = try validate(file)
        #expect(validated.status == 0, "\(validated.error)")
        let xml = try String(contentsOf: file, encoding: .utf8)
        #expect(xml.contains("<FRBRlanguage language=\"zho\"/>"))
        #expect(xml.contains("<docTitle>理事会工作组的报告</docTitle>"))
        // 157 paragraphs, each with its id; an id with a space ("3.3 b)") has "_" instead.
        let ids = eIds(xml)
        #expect(ids.count == 157)
        #expect(Set(ids).count == 157)
        #expect(!ids.contains { $0.contains(" ") })
    }
}
