import Foundation
import ZIPFoundation

/// A .docx made in memory from the XML of its body (and comments), for tests of the reader.
enum WordDocx {
    static let namespace = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    static func make(body: String, comments: String? = nil) throws -> Data {
        var parts = [("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(namespace)><w:body>\(body)</w:body></w:document>")]
        if let comments {
            parts.append(("word/comments.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:comments \(namespace)>\(comments)</w:comments>"))
        }
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    /// A paragraph of plain runs.
    static func p(_ text: String, style: String? = nil) -> String {
        (style.map { "<w:p><w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? "<w:p>") + r(text) + "</w:p>"
    }

    static func r(_ text: String) -> String {
        "<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r>"
    }
}

/// A zip that is not a Word document: one part, `xl/workbook.xml`.
enum ZIPArchiveWithOnePart {
    static func make() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let data = Data("<workbook/>".utf8)
        try archive.addEntry(with: "xl/workbook.xml", type: .file, uncompressedSize: Int64(data.count)) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
        return archive.data ?? Data()
    }
}
