import Foundation

/// The compilation text as negotiators read it: the base draft with every proposal shown inline
/// and attributed, e.g. `~~notes~~ **welcomes** (Canada)`, and each collision as bracketed
/// alternatives, `[Alt 1 (Canada): …] [Alt 2 (United States): …]`.
public enum Compilation {

    /// One piece of a rendered block.
    enum Piece {
        case plain(String)
        case change(deleted: String, inserted: String, by: String)
        case alternatives([(label: String, by: String, text: String?)], base: String)  // nil text: the alternative deletes; base: the version's wording
    }

    struct RenderedBlock {
        var kind: DraftDocument.BlockKind
        var pieces: [Piece]
        /// The version's block this one shows (nil: a paragraph a member inserts).
        var baseIndex: Int? = nil
    }

    /// How a collision was resolved, for the decided text: the whole paragraph as chosen and whose
    /// wording it is (empty: the version's text was kept).
    public struct Resolved: Sendable, Equatable {
        public var text: String
        public var by: [String]

        public init(text: String, by: [String]) {
            self.text = text
            self.by = by
        }
    }

    /// The compilation as Markdown. `memberNames` maps member codes to names ("CAN" → "Canada");
    /// codes without a name are shown as they are. Collisions in `resolved` (by id) show the chosen
    /// wording as a change of whoever proposed it, not as alternatives.
    public static func markdown(base: String, result: MergeResult, memberNames: [String: String],
                                resolved: [String: Resolved] = [:]) -> String {
        let blocks = renderedBlocks(result: result, memberNames: memberNames, resolved: resolved)
        return DraftDocument.render(blockTexts: blocks.map { markdownBlock($0) })
    }

    /// The compilation as an HTML fragment: one `<p dir="auto">` or `<hN dir="auto">` per block,
    /// `<del>`, `<ins>` and `<span class="by">` inline, text escaped.
    public static func html(base: String, result: MergeResult, memberNames: [String: String],
                            resolved: [String: Resolved] = [:]) -> String {
        renderedBlocks(result: result, memberNames: memberNames, resolved: resolved).map { htmlBlock($0) }.joined(separator: "\n") + "\n"
    }

    static func names(_ members: [String], _ memberNames: [String: String]) -> String {
        members.map { memberNames[$0] ?? $0 }.joined(separator: ", ")
    }

    static func renderedBlocks(result: MergeResult, memberNames: [String: String], resolved: [String: Resolved] = [:]) -> [RenderedBlock] {
        let base = result.base
        var insertionsAtGap: [Int: [AttributedChange]] = [:]
        var changesInBlock: [Int: [AttributedChange]] = [:]
        for change in result.changes {
            if change.kind == .insertedParagraphs {
                insertionsAtGap[change.blockIndex, default: []].append(change)
            } else {
                changesInBlock[change.blockIndex, default: []].append(change)
            }
        }
        var insertionCollisions: [Int: Collision] = [:]
        var blockCollisions: [Int: Collision] = [:]
        for collision in result.collisions {
            if collision.isInsertion { insertionCollisions[collision.blockIndex] = collision }
            else { blockCollisions[collision.blockIndex] = collision }
        }

        func alternativesPiece(_ collision: Collision, skipUnchanged: Bool) -> Piece {
            var shown: [(label: String, by: String, text: String?)] = []
            for alternative in collision.alternatives {
                if skipUnchanged && !alternative.text.isEmpty && alternative.fragment == collision.baseFragment { continue }
                let by = names(alternative.members, memberNames)
                shown.append(("Alt \(shown.count + 1) (\(by))", by, alternative.text.isEmpty ? nil : alternative.fragment))
            }
            return .alternatives(shown, base: "")
        }

        var blocks: [RenderedBlock] = []
        for gap in 0...base.blocks.count {
            for change in insertionsAtGap[gap] ?? [] {
                for text in DraftDocument.splitBlocks(change.newFragment) {
                    let (kind, _) = DraftDocument.classify(text)
                    let (marker, rest) = InlineMarkup.splitHeadingMarker(text)
                    blocks.append(RenderedBlock(kind: kind, pieces: [
                        .plain(marker), .change(deleted: "", inserted: rest, by: names(change.members, memberNames)),
                    ]))
                }
            }
            if let collision = insertionCollisions[gap] {
                blocks.append(RenderedBlock(kind: .paragraph, pieces: [alternativesPiece(collision, skipUnchanged: false)]))
            }
            guard gap < base.blocks.count else { break }
            let block = base.blocks[gap]
            let changes = changesInBlock[gap] ?? []
            if let deletion = changes.first(where: { $0.kind == .deletedParagraph }) {
                let (marker, rest) = InlineMarkup.splitHeadingMarker(block.text)
                blocks.append(RenderedBlock(kind: block.kind, pieces: [
                    .plain(marker), .change(deleted: rest, inserted: "", by: names(deletion.members, memberNames)),
                ], baseIndex: gap))
                continue
            }
            let tokens = Tokenizer.tokenize(block.text)
            var inline: [(range: Range<Int>, piece: Piece)] = changes.compactMap { change in
                guard let range = change.tokenRange else { return nil }
                // An insertion the diff placed across a bracket pair is shown where it is whole.
                if change.baseFragment.isEmpty, let (slid, text) = BalancedInsertion.slide(change.newFragment, at: range.lowerBound, in: tokens) {
                    return (slid..<slid, .change(deleted: "", inserted: text, by: names(change.members, memberNames)))
                }
                // So is a deletion.
                if change.newFragment.isEmpty, let slid = BalancedInsertion.slideDeletion(range, in: tokens) {
                    return (slid, .change(deleted: WordDiff.join(tokens, slid), inserted: "", by: names(change.members, memberNames)))
                }
                return (range, .change(deleted: change.baseFragment, inserted: change.newFragment, by: names(change.members, memberNames)))
            }
            if let collision = blockCollisions[gap], let span = collision.tokenRange {
                // The colliding passage is shown as whole alternatives: each member's complete
                // wording of the sentence (or of the paragraph, where more than a sentence differs).
                let passage = CollisionPassage(collision, baseTokens: tokens, span: span)
                inline = inline.filter { !passage.covers($0.range) }
                let inAlternatives = Set(collision.alternatives.flatMap(\.members))
                inline += collision.otherChanges.compactMap { change in
                    guard let range = change.tokenRange, !passage.covers(range), !change.members.allSatisfy(inAlternatives.contains) else { return nil }
                    return (range, .change(deleted: change.baseFragment, inserted: change.newFragment, by: names(change.members, memberNames)))
                }
                if let choice = resolved[collision.id] {
                    // The chosen wording, word by word against the version's, attributed to whose it is.
                    if !choice.by.isEmpty, let wording = passage.wording(of: choice.text), wording != passage.baseWording {
                        let by = names(choice.by, memberNames)
                        let newTokens = Tokenizer.tokenize(wording)
                        let offset = passage.range.lowerBound
                        for hunk in WordDiff.hunks(Array(tokens[passage.range]), newTokens) {
                            inline.append(((hunk.a.lowerBound + offset)..<(hunk.a.upperBound + offset),
                                           .change(deleted: WordDiff.join(tokens, (hunk.a.lowerBound + offset)..<(hunk.a.upperBound + offset)),
                                                   inserted: WordDiff.join(newTokens, hunk.b), by: by)))
                        }
                    } else if !choice.by.isEmpty {
                        inline.append((passage.range, .change(deleted: passage.baseWording, inserted: "", by: names(choice.by, memberNames))))
                    }
                } else {
                    inline.append((passage.range, .alternatives(passage.alternatives(memberNames: memberNames), base: passage.baseWording)))
                }
            }
            inline.sort { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
            inline = BalancedInsertion.joiningSplitPairs(inline, tokens: tokens)
            var pieces: [Piece] = []
            var position = 0
            for (range, piece) in inline {
                if position < range.lowerBound { pieces.append(.plain(WordDiff.join(tokens, position..<range.lowerBound))) }
                pieces.append(piece)
                position = max(position, range.upperBound)
            }
            if position < tokens.count { pieces.append(.plain(WordDiff.join(tokens, position..<tokens.count))) }
            blocks.append(RenderedBlock(kind: block.kind, pieces: pieces, baseIndex: gap))
        }
        return blocks
    }

    /// A change's deleted and inserted text without surrounding whitespace, which goes outside
    /// the markup: "~~notes~~ **welcomes** (Canada) " rather than "~~notes ~~**welcomes **(Canada)".
    static func changeParts(deleted: String, inserted: String) -> (lead: String, deleted: String, inserted: String, trail: String) {
        let first = deleted.isEmpty ? inserted : deleted
        let last = inserted.isEmpty ? deleted : inserted
        return (InlineMarkup.splitWhitespace(first).lead, InlineMarkup.splitWhitespace(deleted).core,
                InlineMarkup.splitWhitespace(inserted).core, InlineMarkup.splitWhitespace(last).trail)
    }

    // MARK: - Markdown

    static func markdownBlock(_ block: RenderedBlock) -> String {
        var text = ""
        for piece in block.pieces {
            switch piece {
            case .plain(let plain):
                text += plain
            case .change(let deleted, let inserted, let by):
                let parts = changeParts(deleted: deleted, inserted: inserted)
                // A change of spacing alone (a tab for a space) is not worth a mark.
                if parts.deleted.isEmpty && parts.inserted.isEmpty { text += inserted; continue }
                var marked: [String] = []
                if !parts.deleted.isEmpty { marked.append("~~\(parts.deleted)~~") }
                if !parts.inserted.isEmpty { marked.append("**\(parts.inserted)**") }
                text += parts.lead + marked.joined(separator: " ") + " (\(by))" + parts.trail
            case .alternatives(let alternatives, _):
                text += alternatives.map { label, _, fragment in
                    "[\(label): \(fragment ?? "*delete*")]"
                }.joined(separator: " ")
            }
        }
        return text
    }

    // MARK: - HTML

    static func htmlBlock(_ block: RenderedBlock) -> String {
        var pieces = block.pieces
        if case .heading = block.kind, case .plain(let first)? = pieces.first {
            pieces[0] = .plain(InlineMarkup.splitHeadingMarker(first).rest)
        }
        var body = ""
        for piece in pieces {
            switch piece {
            case .plain(let plain):
                body += HTMLEscaping.escape(plain)
            case .change(let deleted, let inserted, let by):
                let parts = changeParts(deleted: deleted, inserted: inserted)
                if parts.deleted.isEmpty && parts.inserted.isEmpty { body += HTMLEscaping.escape(inserted); continue }
                body += HTMLEscaping.escape(parts.lead)
                if !parts.deleted.isEmpty { body += "<del>\(HTMLEscaping.escape(parts.deleted))</del>" }
                if !parts.inserted.isEmpty { body += "<ins>\(HTMLEscaping.escape(parts.inserted))</ins>" }
                body += " <span class=\"by\">(\(HTMLEscaping.escape(by)))</span>" + HTMLEscaping.escape(parts.trail)
            case .alternatives(let alternatives, _):
                body += alternatives.map { label, _, fragment in
                    let content = fragment.map { "<ins>\(HTMLEscaping.escape($0))</ins>" } ?? "<del>delete</del>"
                    return "<span class=\"alt\">[\(HTMLEscaping.escape(label)): \(content)]</span>"
                }.joined(separator: " ")
            }
        }
        let (open, close) = InlineMarkup.htmlTags(block.kind)
        return open + body + close
    }
}
