import Foundation

/// The marks of an ITU conference proposal, one per provision: ADD (a new provision), MOD
/// (modified), SUP (suppressed: deleted) and NOC (no change). In a proposal each provision's text
/// follows its mark, on a line of its own with the provision's number and who proposes it.
public enum ITUMark: String, Sendable, Equatable, CaseIterable {
    case add = "ADD", mod = "MOD", sup = "SUP", noc = "NOC"
}

extension Compilation {
    /// A block's mark and who proposes its changes ("Canada", "United States"), in order.
    static func ituMark(_ block: RenderedBlock) -> (mark: ITUMark, by: [String]) {
        var by: [String] = []
        func add(_ names: String) { if !names.isEmpty, !by.contains(names) { by.append(names) } }
        var changed = false, keepsText = false, removes = false
        for piece in block.pieces {
            switch piece {
            case .plain(let text):
                if !InlineMarkup.splitHeadingMarker(text).rest.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { keepsText = true }
            case .change(let deleted, let inserted, let names):
                let parts = changeParts(deleted: deleted, inserted: inserted)
                if parts.deleted.isEmpty && parts.inserted.isEmpty { keepsText = keepsText || !inserted.isEmpty; continue }
                changed = true
                add(names)
                if !parts.inserted.isEmpty { keepsText = true } else { removes = true }
            case .alternatives(let alternatives, _):
                changed = true
                keepsText = true
                alternatives.forEach { add($0.by) }
            }
        }
        if block.baseIndex == nil { return (.add, by) }
        if !changed { return (.noc, []) }
        return (removes && !keepsText ? .sup : .mod, by)
    }

    /// The mark line above a block: "MOD 2.2 (Canada, United States)", "NOC 1.1", "ADD (Canada)".
    static func ituMarkLine(_ block: RenderedBlock, base: DraftDocument) -> (mark: ITUMark, reference: String) {
        let (mark, by) = ituMark(block)
        var reference = block.baseIndex.map { base.blocks[$0].anchor } ?? ""
        if !by.isEmpty { reference += (reference.isEmpty ? "" : " ") + "(\(by.joined(separator: "; ")))" }
        return (mark, reference)
    }

    /// The compilation as an ITU proposal in Markdown: each block after its mark line.
    public static func markdownWithITUMarks(base: String, result: MergeResult, memberNames: [String: String],
                                            resolved: [String: Resolved] = [:]) -> String {
        let document = DraftDocument.parse(base)
        var texts: [String] = []
        for block in renderedBlocks(result: result, memberNames: memberNames, resolved: resolved) {
            let (mark, reference) = ituMarkLine(block, base: document)
            texts.append("**\(mark.rawValue)**" + (reference.isEmpty ? "" : "\t\(reference)"))
            texts.append(markdownBlock(block))
        }
        return DraftDocument.render(blockTexts: texts)
    }

    /// The compilation as an ITU proposal in HTML: each block in a row with its mark in the margin.
    public static func htmlWithITUMarks(base: String, result: MergeResult, memberNames: [String: String],
                                        resolved: [String: Resolved] = [:]) -> String {
        let document = DraftDocument.parse(base)
        var rows = ["<table class=\"itu-marks\">"]
        for block in renderedBlocks(result: result, memberNames: memberNames, resolved: resolved) {
            let (mark, reference) = ituMarkLine(block, base: document)
            rows.append("<tr class=\"\(mark.rawValue.lowercased())\"><th scope=\"row\"><span class=\"mark\">\(mark.rawValue)</span>"
                        + (reference.isEmpty ? "" : "<br><span class=\"ref\">\(HTMLEscaping.escape(reference))</span>")
                        + "</th><td>\(htmlBlock(block))</td></tr>")
        }
        rows.append("</table>")
        return rows.joined(separator: "\n") + "\n"
    }

    /// The compilation's blocks with a mark paragraph ("MOD\t2.2 (Canada)") before each, for the
    /// Word document.
    static func documentBlocksWithITUMarks(base: String, result: MergeResult, memberNames: [String: String],
                                           resolved: [String: Resolved]) -> [CompilationDocument.Block] {
        let document = DraftDocument.parse(base)
        let rendered = renderedBlocks(result: result, memberNames: memberNames, resolved: resolved)
        let plain = documentBlocks(result: result, memberNames: memberNames, resolved: resolved)
        var blocks: [CompilationDocument.Block] = []
        for (index, block) in plain.enumerated() {
            let (mark, reference) = ituMarkLine(rendered[index], base: document)
            blocks.append(CompilationDocument.Block(kind: .paragraph, pieces: [.plain(mark.rawValue + (reference.isEmpty ? "" : "\t\(reference)"))],
                                                    baseIndex: nil, ituMark: mark))
            blocks.append(block)
        }
        return blocks
    }
}
