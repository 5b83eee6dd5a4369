import DraftFlow
import Foundation
import ZIPFoundation

/// A large Word document given to pandoc in pieces, so that no pandoc run holds more than a piece:
/// pandoc's memory grows with the blocks it is given (about 80 KB each; a 100,000-paragraph draft
/// needed 6.5 GB in one run). The document is cut between top-level blocks, before a heading, so
/// that each piece starts the way its part of the whole starts (pandoc styles the paragraph after a
/// heading "First Paragraph"); each piece is converted with the same reference document, and the
/// pieces' bodies are joined into the first piece's package: the tracked changes renumbered (pandoc
/// numbers `w:ins` and `w:del` from 1 in each run, separately), the Word comments (whose ids are
/// DraftFlow's, unique in the document) gathered into one `comments.xml`. The result is the Word
/// document one pandoc run of the whole would write (WordPiecesTests compares the two).
public enum WordPieces {
    /// Blocks (paragraphs, headings, table rows) in a piece: about 320 MB of pandoc at 80 KB a block.
    public static let blocksPerPiece = 4_000

    /// `document` cut into pieces of about `blocksPerPiece` blocks: a piece ends before a top-level
    /// heading once it has that many, or anywhere once it has twice that many (a document with no
    /// heading for so long; there the next piece's first paragraph is styled "First Paragraph").
    /// Only the first piece has the document's properties: pandoc writes a title block from them at
    /// the start of the body, and the joined package keeps the first piece's `docProps`.
    static func split(_ document: PandocDocument, blocksPerPiece: Int = blocksPerPiece) -> [PandocDocument] {
        var pieces: [PandocDocument] = []
        var current: [PandocBlock] = []
        var count = 0
        for block in document.blocks {
            let isHeading: Bool
            if case .header = block { isHeading = true } else { isHeading = false }
            if !current.isEmpty, (count >= blocksPerPiece && isHeading) || count >= 2 * blocksPerPiece {
                pieces.append(PandocDocument(blocks: current, meta: pieces.isEmpty ? document.meta : [:]))
                current = []
                count = 0
            }
            current.append(block)
            count += ExportSize(document: PandocDocument(blocks: [block]), jsonBytes: 0).blocks
        }
        if !current.isEmpty || pieces.isEmpty { pieces.append(PandocDocument(blocks: current, meta: pieces.isEmpty ? document.meta : [:])) }
        return pieces
    }

    /// Joins the Word documents `pieces` (pandoc's, in order) into one at `output`, in `work`.
    static func join(_ pieces: [URL], into output: URL, work: URL) throws {
        let folder = work.appendingPathComponent("joined", isDirectory: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("word"), withIntermediateDirectories: true)
        let documentURL = folder.appendingPathComponent("word/document.xml")
        let commentsURL = folder.appendingPathComponent("word/comments.xml")
        guard FileManager.default.createFile(atPath: documentURL.path, contents: nil),
              FileManager.default.createFile(atPath: commentsURL.path, contents: nil) else {
            throw DraftFlowError(.storage, "cannot create the files joining the pieces of the Word document in \(work.path)")
        }
        let document = try FileHandle(forWritingTo: documentURL)
        let comments = try FileHandle(forWritingTo: commentsURL)
        defer {
            try? document.close()
            try? comments.close()
        }
        var insertions = 0, deletions = 0
        var ending = Data()
        var commentsEnd = Data()
        var firstComments = Data(), gathered = false
        for (index, piece) in pieces.enumerated() {
            let archive = try Archive(url: piece, accessMode: .read)
            var xml = try part(archive, "word/document.xml")
            guard let body = xml.range(of: Data("<w:body>".utf8)), let last = xml.range(of: Data("<w:sectPr".utf8), options: .backwards),
                  body.upperBound <= last.lowerBound else {
                throw DraftFlowError(.storage, "pandoc wrote a Word document without a body (piece \(index + 1) of \(pieces.count))")
            }
            if index == 0 { try document.write(contentsOf: xml[..<body.upperBound]) }
            ending = xml[last.lowerBound...]
            xml = xml[body.upperBound..<last.lowerBound]
            let (renumbered, lastInsertion, lastDeletion) = renumber(xml, insertionsAfter: insertions, deletionsAfter: deletions)
            insertions = lastInsertion
            deletions = lastDeletion
            try document.write(contentsOf: renumbered)

            let list = try part(archive, "word/comments.xml")
            if index == 0 {
                firstComments = list
                gathered = list.suffix(2) != Data("/>".utf8)
                // The root element's start, and its end (none when the root is empty: `<w:comments … />`).
                if list.suffix(2) == Data("/>".utf8) {
                    var end = list.index(list.endIndex, offsetBy: -2)
                    while end > list.startIndex, list[list.index(before: end)] == UInt8(ascii: " ") { end = list.index(before: end) }
                    try comments.write(contentsOf: list[..<end])
                    try comments.write(contentsOf: Data(">".utf8))
                } else if let close = list.range(of: Data("</w:comments>".utf8), options: .backwards) {
                    try comments.write(contentsOf: list[..<close.lowerBound])
                }
                commentsEnd = Data("</w:comments>".utf8)
            } else if let open = list.range(of: Data("<w:comments".utf8)), let start = list[open.upperBound...].firstIndex(of: UInt8(ascii: ">")),
                      let close = list.range(of: Data("</w:comments>".utf8), options: .backwards) {
                try comments.write(contentsOf: list[list.index(after: start)..<close.lowerBound])
                gathered = true
            }
        }
        try document.write(contentsOf: ending)
        try comments.write(contentsOf: commentsEnd)
        try document.close()
        try comments.close()
        // No piece had a comment: the first piece's empty list, as one run writes it.
        if !gathered { try firstComments.write(to: commentsURL) }

        // The package: the first piece's parts in their order, its document and comments replaced.
        let first = try Archive(url: pieces[0], accessMode: .read)
        let joined = try Archive(url: output, accessMode: .create)
        for entry in first {
            switch entry.path {
            case "word/document.xml": try joined.addEntry(with: entry.path, fileURL: documentURL, compressionMethod: .deflate)
            case "word/comments.xml": try joined.addEntry(with: entry.path, fileURL: commentsURL, compressionMethod: .deflate)
            default:
                let data = try part(first, entry.path)
                try joined.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count),
                                    modificationDate: entry.fileAttributes[.modificationDate] as? Date ?? Date(timeIntervalSince1970: 0),
                                    compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        }
    }

    /// A part of a Word package, whole.
    static func part(_ archive: Archive, _ path: String) throws -> Data {
        guard let entry = archive[path] else { throw DraftFlowError(.storage, "pandoc wrote a Word document without \(path)") }
        var data = Data()
        _ = try archive.extract(entry, skipCRC32: true) { data.append($0) }
        return data
    }

    /// `xml` with the id of every `<w:ins w:id="N"` raised by `insertionsAfter` and of every
    /// `<w:del w:id="N"` by `deletionsAfter`, and the largest ids it then holds.
    static func renumber(_ xml: Data, insertionsAfter: Int, deletionsAfter: Int) -> (Data, Int, Int) {
        let bytes = [UInt8](xml)
        let insertion = Array("<w:ins w:id=\"".utf8), deletion = Array("<w:del w:id=\"".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 50)
        var lastInsertion = insertionsAfter, lastDeletion = deletionsAfter
        var index = 0
        func matches(_ pattern: [UInt8], at position: Int) -> Bool {
            guard position + pattern.count <= bytes.count else { return false }
            for offset in 0..<pattern.count where bytes[position + offset] != pattern[offset] { return false }
            return true
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<"), index + 6 < bytes.count, bytes[index + 1] == UInt8(ascii: "w"), bytes[index + 2] == UInt8(ascii: ":") {
                let isInsertion = matches(insertion, at: index)
                if isInsertion || matches(deletion, at: index) {
                    out.append(contentsOf: isInsertion ? insertion : deletion)
                    var position = index + insertion.count
                    var number = 0
                    while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
                        number = number * 10 + Int(bytes[position] - UInt8(ascii: "0"))
                        position += 1
                    }
                    let raised = number + (isInsertion ? insertionsAfter : deletionsAfter)
                    if isInsertion { lastInsertion = max(lastInsertion, raised) } else { lastDeletion = max(lastDeletion, raised) }
                    out.append(contentsOf: Array(String(raised).utf8))
                    index = position
                    continue
                }
            }
            out.append(byte)
            index += 1
        }
        return (Data(out), lastInsertion, lastDeletion)
    }
}
