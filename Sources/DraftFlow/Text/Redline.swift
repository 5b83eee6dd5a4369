import Foundation

/// A piece of a paragraph in a redline.
public enum RedlineSegment: Sendable, Equatable, Hashable {
    case equal(String)
    case inserted(String)
    case deleted(String)
}

/// One paragraph of a redline.
public struct RedlineBlock: Sendable, Equatable, Hashable {
    public enum Status: Sendable, Equatable, Hashable {
        case unchanged
        case modified
        case inserted
        case deleted
        /// The paragraph was taken out at `from` (old anchor) and put back, identical or nearly so,
        /// at `to` (new anchor). Its segments show any differences.
        case moved(from: String, to: String)
    }

    public var status: Status
    public var kind: DraftDocument.BlockKind
    /// Anchor in the old version (nil for inserted paragraphs).
    public var oldAnchor: String?
    /// Anchor in the new version (nil for deleted paragraphs).
    public var newAnchor: String?
    public var segments: [RedlineSegment]

    public init(status: Status, kind: DraftDocument.BlockKind, oldAnchor: String?, newAnchor: String?,
                segments: [RedlineSegment]) {
        self.status = status
        self.kind = kind
        self.oldAnchor = oldAnchor
        self.newAnchor = newAnchor
        self.segments = segments
    }
}

/// Word-level differences between two versions of a draft (character-level in Chinese and
/// Japanese text), aligned paragraph by paragraph, with moved paragraphs recognised.
public enum Redline {

    /// Lowest token similarity for a deleted and an inserted paragraph to count as a move.
    public static let moveThreshold = 0.9

    /// Compares two versions. Blocks come in the order of the new version, deleted blocks where
    /// they stood; a moved paragraph appears once, at its new place.
    public static func compare(old: String, new: String) -> [RedlineBlock] {
        compare(old: old, new: new, tokenizingOnce: true)
    }

    /// `compare`; with `tokenizingOnce`, each block is tokenized once (`BlockTokens`) for pairing
    /// blocks, finding moves and comparing words. Without it, the general code: token bags of
    /// strings for every pair weighed and each compared pair tokenized again (what tests compare
    /// the fast path with).
    static func compare(old: String, new: String, tokenizingOnce: Bool) -> [RedlineBlock] {
        let oldDocument = DraftDocument.parse(old)
        let newDocument = DraftDocument.parse(new)
        let oldTexts = oldDocument.blockTexts
        let newTexts = newDocument.blockTexts
        let tokens = tokenizingOnce ? BlockTokens(old: oldTexts, new: newTexts) : nil
        let steps = tokens.map { BlockAlignment.align(oldTexts, newTexts, tokens: $0) }
            ?? BlockAlignment.align(oldTexts, newTexts, pairScore: { BlockAlignment.pairScore(oldTexts[$0], newTexts[$1]) })
        func similarity(old i: Int, new j: Int) -> Double {
            if let tokens { return tokens.similarity(old: i, new: j) }
            return BlockAlignment.similarity(BlockAlignment.TokenBag(body: oldTexts[i]), BlockAlignment.TokenBag(body: newTexts[j]))
        }
        func segments(old i: Int, new j: Int) -> [RedlineSegment] {
            if let tokens { return Redline.segments(tokens, old: i, new: j) }
            return Redline.segments(old: oldTexts[i], new: newTexts[j])
        }

        // Moves: a deleted paragraph inserted elsewhere, identical or nearly so.
        var deleted: [Int] = []
        var inserted: [Int] = []
        for step in steps {
            if case .deleted(let i) = step { deleted.append(i) }
            if case .inserted(let j) = step { inserted.append(j) }
        }
        var moveTarget: [Int: Int] = [:]  // new index → old index
        var movedOld = Set<Int>()
        if !deleted.isEmpty && !inserted.isEmpty {
            if deleted.count * inserted.count <= 250_000 {
                for j in inserted {
                    var best = moveThreshold, bestOld = -1
                    for i in deleted where !movedOld.contains(i) {
                        let score = oldTexts[i] == newTexts[j] ? 1.0 : similarity(old: i, new: j)
                        if score >= best { best = score; bestOld = i }
                    }
                    if bestOld >= 0 {
                        moveTarget[j] = bestOld
                        movedOld.insert(bestOld)
                    }
                }
            } else {
                var byText: [String: [Int]] = [:]
                for i in deleted.reversed() { byText[oldTexts[i], default: []].append(i) }
                for j in inserted {
                    if let i = byText[newTexts[j]]?.popLast() {
                        moveTarget[j] = i
                        movedOld.insert(i)
                    }
                }
            }
        }

        var blocks: [RedlineBlock] = []
        for step in steps {
            switch step {
            case .same(let i, let j):
                let block = newDocument.blocks[j]
                blocks.append(RedlineBlock(status: .unchanged, kind: block.kind, oldAnchor: oldDocument.blocks[i].anchor,
                                           newAnchor: block.anchor, segments: [.equal(block.text)]))
            case .modified(let i, let j):
                let block = newDocument.blocks[j]
                blocks.append(RedlineBlock(status: .modified, kind: block.kind, oldAnchor: oldDocument.blocks[i].anchor,
                                           newAnchor: block.anchor, segments: segments(old: i, new: j)))
            case .deleted(let i):
                if movedOld.contains(i) { continue }
                let block = oldDocument.blocks[i]
                blocks.append(RedlineBlock(status: .deleted, kind: block.kind, oldAnchor: block.anchor, newAnchor: nil,
                                           segments: [.deleted(block.text)]))
            case .inserted(let j):
                let block = newDocument.blocks[j]
                if let i = moveTarget[j] {
                    let from = oldDocument.blocks[i].anchor
                    blocks.append(RedlineBlock(status: .moved(from: from, to: block.anchor), kind: block.kind,
                                               oldAnchor: from, newAnchor: block.anchor,
                                               segments: segments(old: i, new: j)))
                } else {
                    blocks.append(RedlineBlock(status: .inserted, kind: block.kind, oldAnchor: nil, newAnchor: block.anchor,
                                               segments: [.inserted(block.text)]))
                }
            }
        }
        return blocks
    }

    /// Word-level segments turning `old` into `new` (character-level for CJK).
    public static func segments(old: String, new: String) -> [RedlineSegment] {
        // What both share at the start and the end, up to a space, is equal text: only the middle
        // needs tokenizing and comparing (an edited paragraph usually changes a few words).
        let (prefix, suffix) = sharedEnds(old, new)
        if prefix > 0 || suffix > 0 {
            let oldUTF8 = Array(old.utf8), newUTF8 = Array(new.utf8)
            let oldMiddle = String(decoding: oldUTF8[prefix..<(oldUTF8.count - suffix)], as: UTF8.self)
            let newMiddle = String(decoding: newUTF8[prefix..<(newUTF8.count - suffix)], as: UTF8.self)
            var result: [RedlineSegment] = [.equal(String(decoding: oldUTF8[0..<prefix], as: UTF8.self))]
            for segment in tokenSegments(old: oldMiddle, new: newMiddle) {
                if case .equal(let text) = segment, case .equal(let before)? = result.last {
                    result[result.count - 1] = .equal(before + text)
                } else {
                    result.append(segment)
                }
            }
            let tail = String(decoding: oldUTF8[(oldUTF8.count - suffix)...], as: UTF8.self)
            if case .equal(let before)? = result.last {
                result[result.count - 1] = .equal(before + tail)
            } else {
                result.append(.equal(tail))
            }
            return result.filter { if case .equal(let text) = $0 { return !text.isEmpty } else { return true } }
        }
        return tokenSegments(old: old, new: new)
    }

    /// The byte lengths of the common start and end of two texts, each cut back to just after
    /// (start) or just before (end) an ASCII space or line break, so no word is split.
    static func sharedEnds(_ old: String, _ new: String) -> (prefix: Int, suffix: Int) {
        let a = Array(old.utf8), b = Array(new.utf8)
        let limit = min(a.count, b.count)
        var prefix = 0
        while prefix < limit && a[prefix] == b[prefix] { prefix += 1 }
        if prefix == a.count && prefix == b.count { return (0, 0) }
        // Back to just after a space, strictly inside the shared start.
        var cut = prefix
        while cut > 0 && !(a[cut - 1] == 0x20 || a[cut - 1] == 0x0a) { cut -= 1 }
        if cut == prefix && cut > 0 { cut -= 1; while cut > 0 && !(a[cut - 1] == 0x20 || a[cut - 1] == 0x0a) { cut -= 1 } }
        let start = cut
        var suffix = 0
        while suffix < limit - start && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var end = suffix
        while end > 0 && !(a[a.count - end] == 0x20 || a[a.count - end] == 0x0a) { end -= 1 }
        if end == suffix && end > 0 { end -= 1; while end > 0 && !(a[a.count - end] == 0x20 || a[a.count - end] == 0x0a) { end -= 1 } }
        return (start, end)
    }

    static func tokenSegments(old: String, new: String) -> [RedlineSegment] {
        let oldTokens = Tokenizer.tokenize(old)
        let newTokens = Tokenizer.tokenize(new)
        return tokenSegments(hunks: WordDiff.hunks(oldTokens, newTokens), oldCount: oldTokens.count,
                             old: { WordDiff.join(oldTokens, $0) }, new: { WordDiff.join(newTokens, $0) })
    }

    /// The segments of two token lists, given their changed regions, the number of old tokens and
    /// the text of a range of old or new tokens.
    static func tokenSegments(hunks: [DiffHunk], oldCount: Int, old: (Range<Int>) -> String, new: (Range<Int>) -> String) -> [RedlineSegment] {
        var result: [RedlineSegment] = []
        func append(_ segment: RedlineSegment) {
            switch (result.last, segment) {
            case (.equal(let a)?, .equal(let b)): result[result.count - 1] = .equal(a + b)
            case (.deleted(let a)?, .deleted(let b)): result[result.count - 1] = .deleted(a + b)
            case (.inserted(let a)?, .inserted(let b)): result[result.count - 1] = .inserted(a + b)
            case (_, .equal(let s)) where s.isEmpty, (_, .deleted(let s)) where s.isEmpty, (_, .inserted(let s)) where s.isEmpty:
                break
            default: result.append(segment)
            }
        }
        var position = 0
        for hunk in hunks {
            append(.equal(old(position..<hunk.a.lowerBound)))
            append(.deleted(old(hunk.a)))
            append(.inserted(new(hunk.b)))
            position = hunk.a.upperBound
        }
        append(.equal(old(position..<oldCount)))
        return result
    }

    // MARK: - Rendering

    /// The redline as Markdown: `~~deleted~~`, `**inserted**`, moved paragraphs noted "(moved from 2.3)".
    /// `language` is that of the note (the text's own words are as they are).
    public static func markdown(_ blocks: [RedlineBlock], language: Language = .en) -> String {
        DraftDocument.render(blockTexts: blocks.map { block in
            var text = ""
            for (index, segment) in block.segments.enumerated() {
                switch segment {
                case .equal(let s):
                    text += s
                case .deleted(let s), .inserted(let s):
                    let marker: String
                    if case .deleted = segment { marker = "~~" } else { marker = "**" }
                    if index == 0, case .heading = block.kind {
                        let (heading, rest) = InlineMarkup.splitHeadingMarker(s)
                        text += heading + InlineMarkup.markdownWrap(rest, marker)
                    } else {
                        text += InlineMarkup.markdownWrap(s, marker)
                    }
                }
            }
            if case .moved(let from, _) = block.status { text += language.catalogue.movedFrom(from) }
            return text
        })
    }

    /// The redline as an HTML fragment: one element per paragraph with `dir="auto"`, `<del>` and `<ins>`.
    public static func html(_ blocks: [RedlineBlock]) -> String {
        blocks.map { block in
            var segments = block.segments
            if case .heading = block.kind, let first = segments.first {
                switch first {
                case .equal(let s): segments[0] = .equal(InlineMarkup.splitHeadingMarker(s).rest)
                case .deleted(let s): segments[0] = .deleted(InlineMarkup.splitHeadingMarker(s).rest)
                case .inserted(let s): segments[0] = .inserted(InlineMarkup.splitHeadingMarker(s).rest)
                }
            }
            var body = ""
            for segment in segments {
                switch segment {
                case .equal(let s): body += HTMLEscaping.escape(s)
                case .deleted(let s): body += "<del>\(HTMLEscaping.escape(s))</del>"
                case .inserted(let s): body += "<ins>\(HTMLEscaping.escape(s))</ins>"
                }
            }
            var classes: String?
            switch block.status {
            case .unchanged: classes = nil
            case .modified: classes = "modified"
            case .inserted: classes = "inserted"
            case .deleted: classes = "deleted"
            case .moved(let from, _):
                classes = "moved"
                body += " <span class=\"note\">(moved from \(HTMLEscaping.escape(from)))</span>"
            }
            let (open, close) = InlineMarkup.htmlTags(block.kind, classes: classes)
            return open + body + close
        }.joined(separator: "\n") + "\n"
    }
}
