import Foundation

/// The language versions of the document: `Drafts/<name>.<lang>.md` beside `Drafts/<name>.md`, for
/// the six UN languages, aligned with the original paragraph by paragraph id. A paragraph of a
/// language version needs re-translation when the original's paragraph has changed since the
/// language version's paragraph was last written, as seen at each published version and at the
/// tip (a merge's candidate included).
public struct LanguageVersions {
    let context: DraftingContext

    public init(_ context: DraftingContext) {
        self.context = context
    }

    /// The six UN languages, in the order the UN lists them in English: ar, zh, en, fr, ru, es.
    public static let languages = Language.allCases.map(\.rawValue)

    /// Where one language version stands against the original at the tip.
    public struct Status: Codable, Sendable, Equatable {
        public var language: String
        public var file: String
        /// Paragraphs (and headings) of the language version.
        public var paragraphs: Int
        /// Paragraphs whose original has changed since they were translated.
        public var stale: [Stale]
        /// Paragraphs of the original with no counterpart in the language version.
        public var missing: [String]
        /// Paragraphs of the language version the original no longer has.
        public var removed: [String]
        /// Nothing to re-translate, add or remove.
        public var current: Bool
    }

    public struct Stale: Codable, Sendable, Equatable {
        /// The paragraph id.
        public var paragraph: String
        /// The original's text when the language version's paragraph was last written.
        public var translatedFrom: String
        /// The original's text now.
        public var original: String
    }

    /// The path of the language version of `document` (`Drafts/outline.md`) in `language`.
    public static func path(of document: String, language: String) -> String {
        let stem = document.hasSuffix(".md") ? String(document.dropLast(3)) : document
        return "\(stem).\(language).md"
    }

    /// Every language version at the tip, in the UN's order; empty when the document has none.
    public func status() throws -> [Status] {
        let store = context.store
        let tip = try store.snapshot()
        let document = try RecordReader.workflow(in: tip).document
        // Only the languages the tip has; without any, no version is read (this runs in `status`).
        let present = try Self.languages.compactMap { language -> (String, String, Data)? in
            let path = Self.path(of: document, language: language)
            return try tip.file(path).map { (language, path, $0) }
        }
        guard !present.isEmpty else { return [] }
        // The checkpoints: each published version in order, then the tip.
        var snapshots: [any WorkspaceSnapshot] = []
        for version in try store.versions() {
            if let snapshot = try store.snapshot(atVersion: version.label) { snapshots.append(snapshot) }
        }
        snapshots.append(tip)
        var result: [Status] = []
        for (language, path, tipData) in present {
            // For each paragraph of the language version: the original's text when it was last written.
            var translatedFrom: [String: String] = [:]
            var previous: [String: String] = [:]
            for snapshot in snapshots {
                guard let data = try snapshot.file(path) else { previous = [:]; continue }
                let translation = Self.paragraphs(try TextInput.validate(data, what: path))
                let original = Self.paragraphs(try snapshot.file(document).map { try TextInput.validate($0, what: document) } ?? "")
                for (id, text) in translation where previous[id] != text || translatedFrom[id] == nil {
                    translatedFrom[id] = original[id] ?? ""
                }
                previous = translation
            }
            let translation = Self.paragraphs(try TextInput.validate(tipData, what: path))
            let originalText = try snapshots.last?.file(document).map { try TextInput.validate($0, what: document) } ?? ""
            let originalBlocks = DraftDocument.parse(originalText).blocks
            let original = Self.paragraphs(originalText)
            var stale: [Stale] = []
            var missing: [String] = []
            for block in originalBlocks {
                let now = original[block.anchor] ?? ""
                if translation[block.anchor] == nil {
                    missing.append(block.anchor)
                } else if let from = translatedFrom[block.anchor], from != now {
                    stale.append(Stale(paragraph: block.anchor, translatedFrom: from, original: now))
                }
            }
            let removed = DraftDocument.parse(String(decoding: tipData, as: UTF8.self)).blocks.map(\.anchor).filter { original[$0] == nil }
            result.append(Status(language: language, file: path, paragraphs: translation.count, stale: stale, missing: missing,
                                 removed: removed, current: stale.isEmpty && missing.isEmpty && removed.isEmpty))
        }
        return result
    }

    /// A text's blocks by id: the text of each without its number.
    static func paragraphs(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for block in DraftDocument.parse(text).blocks { result[block.anchor] = block.body }
        return result
    }
}
