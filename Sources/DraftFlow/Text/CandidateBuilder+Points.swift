import Foundation

extension CandidateBuilder {
    /// The round's comments and edits by member and paragraph, to find the points of each member
    /// involved in each collision (`points(at:of:comments:edits:)`) without going through every
    /// comment of the round for each of them: that search grew as members x collisions x comments
    /// (4.7% of a merge at 772 members).
    struct PointIndex {
        private struct Key: Hashable {
            var member: String
            var anchor: String
        }

        /// Each member's comments on each paragraph, in the order given: their ids, and whether
        /// each proposes a change (all `points` reads of them; not the comments themselves, which
        /// at 772 members were 28 MB of copies).
        private var comments: [Key: [(id: String, proposes: Bool)]] = [:]
        /// The id of each member's first edit of each paragraph.
        private var firstEdit: [Key: String] = [:]

        init(comments: some Sequence<Comment>, edits: [Comment]) {
            for comment in comments {
                guard case .paragraph(let anchor) = comment.anchor else { continue }
                self.comments[Key(member: comment.member, anchor: anchor), default: []].append((comment.id, comment.proposedChange != nil))
            }
            firstEdit.reserveCapacity(edits.count)
            for edit in edits {
                guard case .paragraph(let anchor) = edit.anchor else { continue }
                let key = Key(member: edit.member, anchor: anchor)
                if firstEdit[key] == nil { firstEdit[key] = edit.id }
            }
        }

        /// What `CandidateBuilder.points(at:of:comments:edits:)` gives for the comments and edits
        /// this index holds.
        func points(at anchor: String, of members: Set<String>) -> [String] {
            var points: [String] = []
            for member in members.sorted() {
                let key = Key(member: member, anchor: anchor)
                let here = comments[key] ?? []
                if let first = here.first {
                    points.append(first.id)
                } else if let edit = firstEdit[key] {
                    points.append(edit)
                }
                points += here.dropFirst().filter(\.proposes).map(\.id)
            }
            return points
        }
    }
}
