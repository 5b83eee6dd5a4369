import DraftFlow
import Foundation
import ZIPFoundation

extension Pandoc {
    /// The placeholder in `reference.docx`'s header that `writeDocx` replaces with the document's header.
    static let headerPlaceholder = "DRAFTFLOW-HEADER"

    /// Writes `document` as a Word document at `output` (replacing any file there), in DraftFlow's
    /// ITU style (`Resources/reference.docx`: A4, its styles, header and footer), with `header` in the
    /// header of every page. A document larger than `ExportLimits.docxDocument` is refused before
    /// pandoc starts; one of more than `blocksPerPiece` blocks is given to pandoc in pieces
    /// (`WordPieces`), each within `ExportLimits.docx`, so that pandoc's memory is bounded by a
    /// piece. Nothing is written at `output` when the conversion fails.
    public static func writeDocx(_ document: PandocDocument, header: String, output: URL,
                                 blocksPerPiece: Int = WordPieces.blocksPerPiece) async throws {
        try ExportSize(document: document, jsonBytes: 0).check(ExportLimits.docxDocument, for: .docx)
        let pieces = WordPieces.split(document, blocksPerPiece: blocksPerPiece)
        var inputs: [Data] = []
        for piece in pieces {
            let json: Data
            do {
                json = try piece.json()
            } catch {
                throw DraftFlowError(.storage, "cannot write the document for pandoc: \(error.localizedDescription)")
            }
            try ExportSize(document: piece, jsonBytes: json.count).check(ExportLimits.limits(for: .docx), for: .docx)
            inputs.append(json)
        }
        guard let pandoc = locate() else { throw missingPandoc }
        try await inWorkFolder(format: .docx, output: output) { work, result in
            let reference = work.appendingPathComponent("reference.docx")
            var files: [(json: URL, docx: URL)] = []
            do {
                try referenceDocument(header: header).write(to: reference)
                for (index, json) in inputs.enumerated() {
                    let input = work.appendingPathComponent("input-\(index + 1).json")
                    try json.write(to: input)
                    files.append((input, inputs.count == 1 ? result : work.appendingPathComponent("piece-\(index + 1).docx")))
                }
                inputs = []
            } catch let error as DraftFlowError {
                throw error
            } catch {
                throw DraftFlowError(.storage, "cannot write the temporary files for pandoc: \(error.localizedDescription)")
            }
            for file in files {
                try await run(pandoc, ["-f", "json", "-t", "docx", "--reference-doc", reference.path, "-o", file.docx.path, file.json.path],
                              name: "pandoc", in: work, boundedMemory: true)
                try? FileManager.default.removeItem(at: file.json)
            }
            guard files.count > 1 else { return }
            do {
                try WordPieces.join(files.map(\.docx), into: result, work: work)
            } catch let error as DraftFlowError {
                throw error
            } catch {
                throw DraftFlowError(.storage, "cannot join the \(files.count) pieces of the Word document: \(error)")
            }
        }
    }

    /// `reference.docx` with `header` (XML-escaped) in place of the header's placeholder.
    static func referenceDocument(header: String) throws -> Data {
        let original = try ExportResources.data("reference", "docx")
        do {
            let archive = try Archive(data: original, accessMode: .update)
            guard let entry = archive["word/header1.xml"] else {
                throw DraftFlowError(.workspace, "reference.docx has no header (word/header1.xml)", fix: "rebuild it with scripts/make-reference-docx.py")
            }
            var xml = Data()
            _ = try archive.extract(entry, skipCRC32: false) { xml.append($0) }
            let escaped = header.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
            let replaced = Data(String(decoding: xml, as: UTF8.self).replacingOccurrences(of: headerPlaceholder, with: escaped).utf8)
            try archive.remove(entry)
            try archive.addEntry(with: "word/header1.xml", type: .file, uncompressedSize: Int64(replaced.count),
                                 modificationDate: Date(timeIntervalSince1970: 1_577_836_800), compressionMethod: .deflate) { position, size in
                replaced.subdata(in: Int(position)..<Int(position) + size)
            }
            guard let data = archive.data else { throw DraftFlowError(.storage, "cannot write the reference document in memory") }
            return data
        } catch let error as DraftFlowError {
            throw error
        } catch {
            throw DraftFlowError(.workspace, "reference.docx cannot be read: \(error)", fix: "rebuild it with scripts/make-reference-docx.py")
        }
    }
}
