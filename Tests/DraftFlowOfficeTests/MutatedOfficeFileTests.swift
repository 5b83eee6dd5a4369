import DraftFlow
import DraftFlowOffice
import Foundation
import Testing
import TestSupport
import ZIPFoundation

/// The readers' answer to damaged XML is a refusal or a reading, never a crash: each fixture's
/// main part is damaged in many seeded ways (bytes changed, cut, repeated) and read again.
@Suite struct MutatedOfficeFileTests {
    /// The parts of a package as text, by path.
    private func parts(of name: String) throws -> [String: Data] {
        let archive = try Archive(data: try ISOFixture.file(name).data, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = data
        }
        return parts
    }

    private func mutated(_ data: Data, _ generator: inout SeededGenerator) -> Data {
        var bytes = [UInt8](data)
        let markup = Array("<>/\"&;=x0 ".utf8)
        switch generator.below(3) {
        case 0:
            for _ in 0..<1 + generator.below(8) where !bytes.isEmpty {
                bytes[generator.below(bytes.count)] = markup[generator.below(markup.count)]
            }
        case 1:
            bytes = Array(bytes.prefix(generator.below(bytes.count + 1)))
        default:
            let start = generator.below(bytes.count), length = generator.below(200)
            bytes.insert(contentsOf: bytes[start..<min(bytes.count, start + length)], at: generator.below(bytes.count + 1))
        }
        return Data(bytes)
    }

    @Test(arguments: [("iso-template.docx", "word/document.xml"), ("iso-template-libreoffice.docx", "word/document.xml"),
                      ("iso-template.xlsx", "xl/worksheets/sheet2.xml"), ("iso-template-libreoffice.xlsx", "xl/sharedStrings.xml"),
                      ("iso-template-rich.xlsx", "xl/workbook.xml")])
    func damagedPartsAreReadOrRefusedNeverCrash(fixture: String, part: String) throws {
        let original = try parts(of: fixture)
        var generator = SeededGenerator(UInt64(fixture.utf8.count), UInt64(part.utf8.count))
        var outcomes = (read: 0, refused: 0)
        for _ in 0..<60 {
            var damaged = original
            damaged[part] = mutated(try #require(original[part]), &generator)
            let data = try zipOf(damaged.mapValues { String(decoding: $0, as: UTF8.self) })
            do {
                _ = try OfficeFiles.read(IncomingFile(name: fixture, data: data))
                outcomes.read += 1
            } catch let error as DraftFlowError {
                #expect(error.kind == .invalidInput && error.fix?.isEmpty == false, "\(error)")
                outcomes.refused += 1
            }
        }
        #expect(outcomes.read + outcomes.refused == 60)
        #expect(outcomes.refused > 0, "no damage was noticed: the mutations did not reach the part")
    }
}
