import Foundation

/// The compilation as structured pieces, for writers that mark each change themselves (a Word
/// document's tracked changes and comments), rather than as Markdown or HTML text.
///
/// It holds what `Compilation.markdown` shows, piece for piece, with the instants each author's
/// proposals were received (a tracked change is dated) and the members' comments, each on the
/// block that holds the paragraph it is about.
public struct CompilationDocument: Sendable, Equatable {

    public enum Piece: Sendable, Equatable {
        case plain(String)
        /// `by` is the proposers' names, "Canada" or "Canada, United States".
        case change(deleted: String, inserted: String, by: String)
        /// A collision's alternatives, each one proposer's wording of the passage; `base` is the
        /// version's wording of it (empty where members insert a paragraph).
        case alternatives([Alternative], base: String)
    }

    /// One wording of a colliding passage: "Alt 1 (Canada)", by "Canada"; nil text deletes it.
    public struct Alternative: Sendable, Equatable {
        public var label: String
        public var by: String
        public var text: String?

        public init(label: String, by: String, text: String?) {
            self.label = label
            self.by = by
            self.text = text
        }
    }

    public struct Block: Sendable, Equatable {
        public var kind: DraftDocument.BlockKind
        /// A heading's text starts with its `#` marker, as in the draft; a paragraph's with its number.
        public var pieces: [Piece]
        /// The version's block this one shows; nil for a paragraph a member inserts.
        public var baseIndex: Int?
        /// For the mark line of an ITU proposal (`compile --marks itu`), the mark it shows.
        public var ituMark: ITUMark?

        public init(kind: DraftDocument.BlockKind, pieces: [Piece], baseIndex: Int?, ituMark: ITUMark? = nil) {
            self.kind = kind
            self.pieces = pieces
            self.baseIndex = baseIndex
            self.ituMark = ituMark
        }
    }

    /// A member's comment, placed on a block of `blocks` (the first block for a general comment, or
    /// one whose paragraph is no longer in the version).
    public struct Note: Sendable, Equatable {
        public var id: String
        /// The member's name, as a tracked change's author.
        public var author: String
        public var received: Date
        public var type: CommentType
        public var text: String
        /// An instruction the member proposes ("delete the second sentence"); proposed text is in the pieces.
        public var proposedChange: String?
        /// The paragraph the member named, "2.3" or "general".
        public var anchor: String
        /// The index in `blocks` of the block it is on.
        public var block: Int

        public init(id: String, author: String, received: Date, type: CommentType, text: String, proposedChange: String?,
                    anchor: String, block: Int) {
            self.id = id
            self.author = author
            self.received = received
            self.type = type
            self.text = text
            self.proposedChange = proposedChange
            self.anchor = anchor
            self.block = block
        }
    }

    public var title: String
    public var blocks: [Block]
    /// When the proposals of each author (as named in the pieces) were received: the latest
    /// submission among the members named.
    public var received: [String: Date]
    public var notes: [Note]

    public init(title: String, blocks: [Block], received: [String: Date], notes: [Note]) {
        self.title = title
        self.blocks = blocks
        self.received = received
        self.notes = notes
    }
}

extension Compilation {
    /// The compilation's blocks as `Compilation.markdown` renders them, as structured pieces.
    static func documentBlocks(result: MergeResult, memberNames: [String: String],
                               resolved: [String: Resolved] = [:]) -> [CompilationDocument.Block] {
        renderedBlocks(result: result, memberNames: memberNames, resolved: resolved).map { block in
            CompilationDocument.Block(kind: block.kind, pieces: block.pieces.map { piece in
                switch piece {
                case .plain(let text): return .plain(text)
                case .change(let deleted, let inserted, let by): return .change(deleted: deleted, inserted: inserted, by: by)
                case .alternatives(let shown, let base):
                    return .alternatives(shown.map { CompilationDocument.Alternative(label: $0.label, by: $0.by, text: $0.text) }, base: base)
                }
            }, baseIndex: block.baseIndex)
        }
    }
}
