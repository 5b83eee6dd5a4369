import Foundation

/// The secretariat's consolidated ISO template: one file holding the rows of many members, split
/// by its MB/NC column into one submission per member (`draftflow intake --consolidated FILE`).
public enum ConsolidatedTemplate {
    /// One member's part of the consolidated file.
    public struct Part: Sendable {
        public var member: Member
        /// The consolidated file, byte for byte (what the secretariat received is what is kept),
        /// read as this member's rows only.
        public var file: IncomingFile
        /// The template rows that are this member's.
        public var rows: [Int]
    }

    /// The parts of `file`, in the order of the members' first rows.
    ///
    /// `file` is the ISO template: a `.csv` file, or a spreadsheet or Word table read already
    /// (`file.read`, by DraftFlowOffice). Every comment row must name a registered member in its
    /// MB/NC cell (`MemberBodies`): a row with an empty MB/NC cell, or one naming no registered
    /// member, is refused with its row, and nothing is split.
    public static func split(_ file: IncomingFile, members: [Member]) throws -> [Part] {
        let name = SafeName.display(file.name)
        let comments: [ParsedComment]
        if let read = file.read {
            comments = read.comments
        } else if SafeName.fileExtension(ofFileName: file.name).lowercased() == "csv" {
            comments = try CommentParser.parse(data: file.data, fileName: file.name)
        } else {
            throw DraftFlowError(.invalidInput, "\(name) is not the ISO commenting template",
                                 fix: "give the consolidated template as .csv, .xlsx or a Word table (.docx)")
        }
        var parts: [Part] = []
        var unnamed: [Int] = []
        var unknown: [(row: Int, cell: String)] = []
        var byMember: [String: [ParsedComment]] = [:]
        for comment in comments {
            // Every comment of the template carries its row; one without came from another reader.
            guard let template = comment.template else {
                throw DraftFlowError(.invalidInput, "\(name) is not the ISO commenting template",
                                     fix: "give the consolidated template as .csv, .xlsx or a Word table (.docx)")
            }
            guard let cell = template.memberBody else {
                unnamed.append(template.row)
                continue
            }
            guard let member = MemberBodies.member(named: cell, among: members) else {
                unknown.append((template.row, cell))
                continue
            }
            if byMember[member.code] == nil {
                parts.append(Part(member: member, file: file, rows: []))
            }
            byMember[member.code, default: []].append(comment)
            parts[parts.firstIndex { $0.member.code == member.code }!].rows.append(template.row)
        }
        if !unnamed.isEmpty {
            throw DraftFlowError(.invalidInput, "\(name), \(SubmissionRecording.rows(unnamed)): the MB/NC cell is empty, so the row is no member's",
                                 fix: "write the member's code, its ISO 3166 alpha-2 code or its name in the MB/NC column of every row")
        }
        if !unknown.isEmpty {
            let listed = unknown.map { "row \($0.row) ('\(SafeName.display($0.cell))')" }.joined(separator: ", ")
            throw DraftFlowError(.invalidInput, "\(name): the MB/NC of \(listed) names no registered member",
                                 fix: "correct the MB/NC cell (a member's code, its ISO 3166 alpha-2 code or its name), "
                                     + "or register the member with `draftflow member add CODE --name NAME`")
        }
        return parts.map { part in
            var part = part
            part.file.read = ReadSubmission(comments: byMember[part.member.code] ?? [], notes: file.read?.notes ?? [])
            return part
        }
    }
}
