import Foundation
import Parallel

/// Reading members' edited copies for the merge: each split and aligned with the base once,
/// keeping only the blocks it changed.
extension CandidateBuilder {
    /// Splits and aligns an edited copy with the base, keeping only the blocks it changed.
    public static func prepare(_ proposal: String, baseBlocks: [String]) -> Aligned {
        var blocks = DraftDocument.splitBlocks(proposal)
        let steps = BlockAlignment.align(baseBlocks, blocks)
        for step in steps {
            if case .same(_, let new) = step { blocks[new] = "" }
        }
        return Aligned(blocks: blocks, steps: steps)
    }

    /// `prepare` on the bytes of an edited copy, checking them as `TextInput.validate` does (`what`
    /// names the file in errors).
    ///
    /// The usual copy keeps every paragraph in its place. That case is found on the bytes: each
    /// block is compared with the base's block at the same position, and only the blocks that differ
    /// are decoded (and checked as UTF-8: the others are the base's own bytes). Any other copy is
    /// decoded whole and aligned by `BlockAlignment`, with the same result as `prepare`.
    public static func prepare(_ data: Data, base: BaseBlocks, what: String) throws -> Aligned {
        // A byte order mark is not text: kept, it would change the first paragraph.
        let data = TextInput.withoutByteOrderMark(data)
        if data.count > TextInput.maximumSize || data.isEmpty {
            return prepare(try TextInput.validate(data, what: what), baseBlocks: base.texts)
        }
        let inPlace: Aligned? = data.withUnsafeBytes { raw -> Aligned? in
            let bytes = raw.bindMemory(to: UInt8.self)
            if memchr(raw.baseAddress!, 0, raw.count) != nil { return nil }  // validate names the problem
            var spans: [Range<Int>] = []  // each block's bytes, when its lines are contiguous
            var contiguous = true
            DraftDocument.scanBlocks(bytes) { lines in
                if !DraftDocument.isContiguous(lines) { contiguous = false }
                spans.append(lines.first!.lowerBound..<lines.last!.upperBound)
            }
            guard contiguous, spans.count == base.bytes.count else { return nil }
            func equal(_ span: Range<Int>, _ other: [UInt8]) -> Bool {
                span.count == other.count && other.withUnsafeBufferPointer { memcmp(raw.baseAddress! + span.lowerBound, $0.baseAddress!, span.count) == 0 }
            }
            // Copy blocks by length, to find a base block moved elsewhere in the copy.
            var byLength: [Int: [Int]]?
            func copyContains(_ block: [UInt8]) -> Bool {
                if byLength == nil {
                    var table: [Int: [Int]] = [:]
                    for (index, span) in spans.enumerated() { table[span.count, default: []].append(index) }
                    byLength = table
                }
                return byLength![block.count]?.contains { equal(spans[$0], block) } ?? false
            }
            var steps: [BlockAlignment.Step] = []
            steps.reserveCapacity(spans.count)
            var texts = [String](repeating: "", count: spans.count)
            for (index, span) in spans.enumerated() {
                if equal(span, base.bytes[index]) {
                    steps.append(.same(old: index, new: index))
                    continue
                }
                guard let text = String(validating: bytes[span], as: UTF8.self) else { return nil }
                if text == base.texts[index] {  // the same text in another Unicode normalization
                    steps.append(.same(old: index, new: index))
                } else if base.bytes[index].withUnsafeBufferPointer({ BlockAlignment.sharesEnds($0, UnsafeBufferPointer(rebasing: bytes[span])) })
                            && !copyContains(base.bytes[index]) {
                    steps.append(.modified(old: index, new: index))
                    texts[index] = text
                } else {
                    return nil
                }
            }
            return Aligned(blocks: texts, steps: steps)
        }
        if let inPlace { return inPlace }
        return prepare(try TextInput.validate(data, what: what), baseBlocks: base.texts)
    }

    /// `prepare` for several copies (each with the name it goes by in errors), on every core.
    public static func prepareConcurrently(_ copies: [(data: Data, what: String)], base: BaseBlocks) throws -> [Aligned] {
        try concurrentMap(copies) { try prepare($0.data, base: base, what: $0.what) }
    }
}
