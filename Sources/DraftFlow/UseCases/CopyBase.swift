import ContentHash
import Foundation

/// The draft that edited copies of a batch are aligned with at intake, and what the batch keeps
/// of them for the merge (`CopyChangeStore`).
struct CopyBase {
    /// The draft's git blob id: the key the merge looks entries up by, from its base's bytes.
    let id: String
    let blocks: CandidateBuilder.BaseBlocks

    /// Nil when the draft is not valid text (then no copy is aligned at intake).
    init?(_ data: Data) {
        guard let text = try? TextInput.validate(data, what: "") else { return nil }
        id = GitBlobHash.hex(data)
        blocks = CandidateBuilder.BaseBlocks(text)
    }

    /// Keeps what the recorded submissions' copies change (a skipped one's is kept already).
    func keep(_ prepared: [PreparedSubmission], recorded: [Submission], in keeper: any CopyChangeStore) {
        let written = Set(recorded.compactMap(\.proposalBlob))
        var seen = Set<String>()
        let entries = prepared.compactMap { item -> Data? in
            guard let blob = item.proposalBlob, let entry = item.copyChanges, written.contains(blob), seen.insert(blob).inserted else { return nil }
            return entry
        }
        keeper.keepCopyChanges(entries, against: id)
    }
}
