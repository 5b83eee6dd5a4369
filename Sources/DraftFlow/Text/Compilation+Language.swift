import Foundation

extension Compilation {
    /// The compilation on a language version: each paragraph of the version in that language
    /// (aligned by paragraph id), and under each paragraph members propose to change, the
    /// original's paragraph with those proposals inline and attributed, as members wrote them.
    /// A paragraph the language version lacks, and one a member inserts, is shown as compiled.
    ///
    /// - Parameter translated: the language version's text at the round's version.
    /// - Parameter proposalsLabel: what introduces the original with its proposals
    ///   ("Proposals to the original:").
    public static func markdown(result: MergeResult, memberNames: [String: String], resolved: [String: Resolved] = [:],
                                translated: String, proposalsLabel: String) -> String {
        let translation = blocksByAnchor(translated)
        let blocks = renderedBlocks(result: result, memberNames: memberNames, resolved: resolved).map { block -> String in
            let compiled = markdownBlock(block)
            guard let index = block.baseIndex, let text = translation[result.base.blocks[index].anchor]?.text else { return compiled }
            guard isChanged(block) else { return text }
            return text + "\n\n> " + proposalsLabel + "\n>\n> " + compiled.replacingOccurrences(of: "\n", with: "\n> ")
        }
        return DraftDocument.render(blockTexts: blocks)
    }

    /// `markdown(…translated:…)` as an HTML fragment: the proposals to the original in a
    /// `<blockquote class="original">` under the translated paragraph.
    public static func html(result: MergeResult, memberNames: [String: String], resolved: [String: Resolved] = [:],
                            translated: String, proposalsLabel: String, language: Language) -> String {
        let byAnchor = blocksByAnchor(translated)
        return renderedBlocks(result: result, memberNames: memberNames, resolved: resolved).map { block -> String in
            let compiled = htmlBlock(block)
            guard let index = block.baseIndex, let text = byAnchor[result.base.blocks[index].anchor] else { return compiled }
            let shown = htmlBlock(RenderedBlock(kind: text.kind, pieces: [.plain(text.text)], baseIndex: index))
            guard isChanged(block) else { return shown }
            return shown + "\n<blockquote class=\"original\" dir=\"auto\"><p class=\"label\" lang=\"\(language.rawValue)\">"
                + HTMLEscaping.escape(proposalsLabel) + "</p>\n" + compiled + "\n</blockquote>"
        }.joined(separator: "\n") + "\n"
    }

    /// Whether a rendered block holds a member's change or a collision, not only the version's text.
    static func isChanged(_ block: RenderedBlock) -> Bool {
        block.pieces.contains { piece in
            if case .plain = piece { return false }
            return true
        }
    }

    /// A text's blocks by paragraph id.
    static func blocksByAnchor(_ text: String) -> [String: DraftDocument.Block] {
        Dictionary(DraftDocument.parse(text).blocks.map { ($0.anchor, $0) }, uniquingKeysWith: { _, last in last })
    }
}
