import DraftFlow
import Foundation

/// The comment file the portal records for a member: the ISO commenting template as CSV, one row
/// per comment, every field quoted so any text a member types (commas, quotes, line breaks, `##`)
/// comes back as written.
///
/// A comment added on a page is recorded as a new submission holding the member's current
/// comments and the new one, so nothing sent before is withdrawn by it.
struct CommentSheet {
    static let header = ["MB/NC", "Line number", "Clause/Subclause", "Paragraph/Figure/Table/Note", "Type of comment",
                         "Comments", "Proposed change", "Observations of the secretariat"]

    struct Row: Equatable {
        var member: String
        var line: String = ""
        var clause: String = ""
        var paragraph: String
        var type: CommentType
        var comment: String
        var proposed: String
    }

    var rows: [Row] = []

    /// The rows of `comments` as recorded (a comment from an e-mailed file keeps its paragraph,
    /// type, text and proposed change).
    init(member: String, comments: [Comment]) {
        rows = comments.map { comment in
            Row(member: comment.template?.memberBody ?? member, line: comment.template?.line ?? "",
                clause: comment.template?.clause ?? "", paragraph: comment.reference.description, type: comment.type,
                comment: comment.text, proposed: comment.proposedChange ?? "")
        }
    }

    static func typeCell(_ type: CommentType) -> String {
        switch type {
        case .general, .unspecified: return "ge"
        case .technical: return "te"
        case .editorial: return "ed"
        }
    }

    /// The CSV bytes.
    func data() -> Data {
        var text = Self.header.map(Self.quoted).joined(separator: ",") + "\r\n"
        for row in rows {
            let cells = [row.member, row.line, row.clause, row.paragraph, Self.typeCell(row.type), row.comment, row.proposed, ""]
            text += cells.map(Self.quoted).joined(separator: ",") + "\r\n"
        }
        return Data(text.utf8)
    }

    static func quoted(_ cell: String) -> String {
        "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
