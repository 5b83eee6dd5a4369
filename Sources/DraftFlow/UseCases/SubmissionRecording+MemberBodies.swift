import Foundation

extension SubmissionRecording {
    /// Refuses the ISO-template rows of a member's file whose MB/NC cell names another registered
    /// member, or no registered member: such a row would otherwise be recorded as the comment of
    /// the member who sent the file. Rows with an empty MB/NC cell are the sender's.
    static func checkMemberBodies(_ prepared: PreparedSubmission, of member: Member, members: [Member]) throws {
        var others: [(member: Member, rows: [Int], cells: [String])] = []
        var unknown: (rows: [Int], cells: [String]) = ([], [])
        for comment in prepared.parsed {
            guard let template = comment.template, let cell = template.memberBody else { continue }
            guard let named = MemberBodies.member(named: cell, among: members) else {
                unknown.rows.append(template.row)
                if !unknown.cells.contains(cell) { unknown.cells.append(cell) }
                continue
            }
            if named.code == member.code { continue }
            if let index = others.firstIndex(where: { $0.member.code == named.code }) {
                others[index].rows.append(template.row)
                if !others[index].cells.contains(cell) { others[index].cells.append(cell) }
            } else {
                others.append((named, [template.row], [cell]))
            }
        }
        let file = SafeName.display(prepared.file.name)
        if !others.isEmpty {
            let listed = others.map { "\($0.member.name) (\($0.member.code)) in \(rows($0.rows)) (MB/NC \(cells($0.cells)))" }
            throw DraftFlowError(
                .invalidInput,
                "\(member.code): \(file) holds rows of \(others.count == 1 ? "another member" : "other members"): \(listed.joined(separator: "; ")); "
                    + "only rows of \(member.name) (\(member.code)) may be in its file",
                fix: "send each member's rows as its own submission, or take in the secretariat's consolidated template with "
                    + "`draftflow intake --consolidated FILE`, which splits it by MB/NC")
        }
        if !unknown.rows.isEmpty {
            throw DraftFlowError(
                .invalidInput,
                "\(member.code): \(file), \(rows(unknown.rows)): the MB/NC \(cells(unknown.cells)) names no registered member",
                fix: "write the member's code (\(member.code)), its ISO 3166 alpha-2 code or its name (\(member.name)) in the MB/NC column, "
                    + "or register the member with `draftflow member add CODE --name NAME`")
        }
    }

    /// `row 5` or `rows 5, 7`.
    static func rows(_ numbers: [Int]) -> String {
        (numbers.count == 1 ? "row " : "rows ") + numbers.map(String.init).joined(separator: ", ")
    }

    /// `'GB'` or `'GB', 'United Kingdom'`.
    private static func cells(_ values: [String]) -> String {
        values.map { "'\(SafeName.display($0))'" }.joined(separator: ", ")
    }
}
