/// What one member's edited copy changes, read against the base: which paragraphs it touches,
/// and which of those changes are points of their own (edits with ids such as `CAN-E1`).
///
/// A change in a paragraph the member commented on belongs to that comment: one point, one id,
/// one disposition. A change in a paragraph where the member proposed text in a comment gives way
/// to that text. Only changes in paragraphs the member said nothing about become edits.
struct CopyReading {
    /// The first comment of the member on each paragraph.
    private(set) var commentAt: [String: Comment] = [:]
    /// Paragraphs where a comment of the member proposes text.
    private(set) var anchoredWithText: Set<String> = []
    /// Every paragraph the copy changes (`after X` for paragraphs it inserts).
    private(set) var changed: Set<String> = []
    /// The point each change belongs to: paragraph → a comment id or an edit id.
    private(set) var owners: [String: String] = [:]
    private(set) var edits: [Comment] = []
    /// Comment id → the paragraph as the copy has it, for comments that propose no text themselves.
    private(set) var copyTexts: [String: String] = [:]

    init(_ input: CandidateBuilder.Input, base: DraftDocument) {
        for comment in input.comments {
            guard case .paragraph(let anchor) = comment.anchor else { continue }
            if commentAt[anchor] == nil { commentAt[anchor] = comment }
            if comment.proposedChange != nil { anchoredWithText.insert(anchor) }
        }
        guard let aligned = input.aligned else { return }
        var editIndex: [String: Int] = [:]  // this member's edit at each paragraph
        var previousAnchor = "start"
        for step in aligned.steps {
            var key: String?
            var before = "", after = ""
            switch step {
            case .same(let old, _):
                previousAnchor = base.blocks[old].anchor
            case .modified(let old, let new):
                key = base.blocks[old].anchor
                before = base.blocks[old].text
                after = aligned.blocks[new]
                previousAnchor = base.blocks[old].anchor
            case .deleted(let old):
                key = base.blocks[old].anchor
                before = base.blocks[old].text
                previousAnchor = base.blocks[old].anchor
            case .inserted(let new):
                key = "after " + previousAnchor
                after = aligned.blocks[new]
            }
            guard let key else { continue }
            changed.insert(key)
            if let owner = commentAt[key] {
                owners[key] = owner.id
                if owner.proposedChange == nil, copyTexts[owner.id] == nil { copyTexts[owner.id] = after }
                continue
            }
            if let index = editIndex[key] {
                // Several paragraphs inserted at one place make one edit.
                edits[index].proposedChange = (edits[index].proposedChange ?? "") + "\n\n" + after
                continue
            }
            editIndex[key] = edits.count
            let id = "\(input.member)-E\(edits.count + 1)"
            owners[key] = id
            let what = before.isEmpty ? "Inserts a paragraph" : after.isEmpty ? "Deletes paragraph \(key)" : "Changes paragraph \(key)"
            edits.append(Comment(id: id, member: input.member,
                                 parsed: ParsedComment(anchor: .paragraph(key), type: .unspecified,
                                                       text: "\(what) in the member's edited copy of the draft.",
                                                       proposedChange: after)))
        }
    }
}
