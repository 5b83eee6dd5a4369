import DraftFlow
import Foundation

extension FinalTextPacket {
    /// The redline blocks as HTML: headings moved down two levels, `<del>` and `<ins>`, a class per
    /// status, the direction of each paragraph from its text.
    static func redlineHTML(_ blocks: [RedlineBlock], language: Language = .en) -> String {
        var out = HTMLOutput()
        writeRedlineHTML(blocks, to: &out, language: language)
        return out.string
    }

    static func writeRedlineHTML(_ blocks: [RedlineBlock], to out: inout HTMLOutput, language: Language = .en) {
        for block in blocks {
            var segments = block.segments
            var tag = "p"
            if case .heading(let level) = block.kind {
                tag = headingTags[min(level + 2, 6)]
                if let first = segments.first {
                    switch first {
                    case .equal(let s): segments[0] = .equal(InlineMarkup.splitHeadingMarker(s).rest)
                    case .deleted(let s): segments[0] = .deleted(InlineMarkup.splitHeadingMarker(s).rest)
                    case .inserted(let s): segments[0] = .inserted(InlineMarkup.splitHeadingMarker(s).rest)
                    }
                }
            }
            // The direction of the paragraph: from its first strong character, deleted text included.
            var direction: String?
            for segment in segments where direction == nil {
                switch segment {
                case .equal(let s), .deleted(let s), .inserted(let s): direction = ExportSupport.firstStrongDirection(s)
                }
            }
            let status: String
            switch block.status {
            case .unchanged: status = "unchanged"
            case .modified: status = "modified"
            case .inserted: status = "inserted"
            case .deleted: status = "deleted"
            case .moved: status = "moved"
            }
            out.raw("<", tag, " class=\"rl ", status, "\" dir=\"", direction ?? "auto", "\">")
            for segment in segments {
                switch segment {
                case .equal(let s):
                    out.escaped(s)
                case .deleted(let s):
                    out.raw("<del>")
                    out.escaped(s)
                    out.raw("</del>")
                case .inserted(let s):
                    out.raw("<ins>")
                    out.escaped(s)
                    out.raw("</ins>")
                }
            }
            if case .moved(let from, let to) = block.status {
                out.raw(" <span class=\"note\">")
                out.escaped(language.catalogue.moved(from: from, to: to))
                out.raw("</span>")
            }
            out.raw("</", tag, ">\n")
        }
    }
}
