import DraftFlow
import Foundation
import ZIPFoundation

/// A Word document or a spreadsheet opened for reading: an Office Open XML package (a zip of XML
/// parts), read in memory with ZIPFoundation. Every part read is bounded, so a zip bomb is refused
/// instead of filling memory.
public struct OOXMLPackage {
    /// The largest part DraftFlow inflates (a 10 MiB file of comments holds far less XML).
    public static let maximumPartSize = 64 << 20
    /// The most entries a package may have.
    public static let maximumEntries = 10_000

    private let archive: Archive
    /// The file's name, for messages.
    public let name: String

    /// Opens `data`, refusing what is not a zip or holds too much.
    public init(_ data: Data, name: String) throws {
        self.name = name
        let display = SafeName.display(name)
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw DraftFlowError(.invalidInput, "\(display) is not an Office Open XML file (it does not open as a zip archive)",
                                 fix: "save it again from Word or Excel as .docx or .xlsx, or send the comments as Markdown or CSV")
        }
        var count = 0
        for entry in archive {
            count += 1
            if count > Self.maximumEntries {
                throw DraftFlowError(.invalidInput, "\(display) holds more than \(Self.maximumEntries) parts",
                                     fix: "save it again from Word or Excel without embedded objects")
            }
            if entry.uncompressedSize > UInt64(Self.maximumPartSize) {
                throw DraftFlowError(.invalidInput, "\(display): its part \(SafeName.display(entry.path)) inflates to \(entry.uncompressedSize) bytes; the limit is \(Self.maximumPartSize)",
                                     fix: "save it again from Word or Excel without embedded images or objects")
            }
        }
    }

    /// The paths of the package's parts.
    public var parts: [String] { archive.map(\.path) }

    /// The bytes of part `path` (`word/document.xml`), nil when the package has none.
    public func part(_ path: String) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= Self.maximumPartSize else { throw PartTooLarge() }
                data.append(chunk)
            }
        } catch is PartTooLarge {
            throw DraftFlowError(.invalidInput, "\(SafeName.display(name)): its part \(SafeName.display(path)) inflates to more than \(Self.maximumPartSize) bytes",
                                 fix: "save it again from Word or Excel without embedded images or objects")
        } catch {
            throw DraftFlowError(.invalidInput, "\(SafeName.display(name)): its part \(SafeName.display(path)) does not inflate (\(error))",
                                 fix: "save it again from Word or Excel; the file is damaged")
        }
        return data
    }

    private struct PartTooLarge: Error {}
}
