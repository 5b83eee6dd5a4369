import ContentHash
import Foundation
import Parallel

/// A submission checked and parsed, before anything is written: a malformed file writes nothing.
struct PreparedSubmission: Sendable {
    var code: String
    var parsed: [ParsedComment]
    var file: IncomingFile
    var proposal: IncomingFile?
    var receivedAt: Date
    var late: Bool
    var fileExtension: String
    /// Git's blob ids of the file and the proposal, to verify them later byte for byte.
    var fileBlob: String
    var proposalBlob: String?
    /// The secretariat marked it a confirmation of no objection (`comment --no-objection`).
    var markedNoObjection = false
    /// The file's whole text is a no-objection statement (`NoObjectionStatement`).
    var statesNoObjection = false
    /// When the member sent it by its own clock (`Submission.sent`).
    var sent: Date?
    /// What the edited copy changes against the draft it was checked with (`CopyBase`), encoded
    /// (`CopyChanges.encodeEntry`, smaller than the alignment): kept for the merge, which need not
    /// read and align the copy again (`CopyChangeStore`).
    var copyChanges: Data?
    /// The SHA-256 of the file and of the edited copy (`FileSHA256`), for the receipts: computed
    /// by `concurrently`, on every core, while the bytes are at hand (nil otherwise).
    var fileSHA256: String?
    var proposalSHA256: String?

    /// Checks and parses a submission. An edited copy is checked against `draft` when given (only
    /// what it changes is decoded), else whole; with `base` (the same draft, split), it is also
    /// aligned with it, as the merge would (`copyChanges`), which checks it the same way.
    init(member rawCode: String, file: IncomingFile, proposal: IncomingFile?, received: Date?, late: Bool, now: Date,
         draft: TextInput.Reference? = nil, base: CandidateBuilder.BaseBlocks? = nil) throws {
        let code = try SafeName.memberCode(rawCode)
        let receivedAt = received ?? now
        if receivedAt > now.addingTimeInterval(60) {
            throw DraftFlowError(.invalidInput, "the received instant is in the future", fix: "give the instant the submission arrived, e.g. --received 2020-02-28T16:12:00+01:00")
        }
        let parsed: [ParsedComment]
        var aligned: CandidateBuilder.Aligned?
        // A Word copy is also an edited copy, unless the secretariat gave one.
        let proposal = proposal ?? file.read?.editedCopy.map { IncomingFile(name: file.name + ".md", data: Data($0.utf8)) }
        do {
            parsed = try file.read?.comments ?? CommentParser.parse(data: file.data, fileName: file.name)
        } catch let error as DraftFlowError where rawCode != "" {
            throw DraftFlowError(error.kind, "\(code): \(error.message)", fix: error.fix)
        }
        if let proposal {
            let what = "the proposal \(proposal.name) of \(code)"
            if TextInput.withoutByteOrderMark(proposal.data).allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                throw DraftFlowError(.invalidInput, "\(what) is empty: merged, it would delete the whole text",
                                     fix: "send the edited copy of the draft, or leave out --proposal to record the comments alone")
            }
            if let base {
                aligned = try CandidateBuilder.prepare(proposal.data, base: base, what: what)
            } else if let draft {
                try TextInput.validate(proposal.data, what: what, like: draft)
            } else {
                try TextInput.validate(proposal.data, what: what)
            }
        }
        self.init(code: code, parsed: parsed, file: file, proposal: proposal, receivedAt: receivedAt, late: late,
                  fileExtension: SafeName.fileExtension(ofFileName: file.name),
                  fileBlob: GitBlobHash.hex(file.data), proposalBlob: proposal.map { GitBlobHash.hex($0.data) })
        if let aligned, let blob = proposalBlob { copyChanges = CopyChanges.encodeEntry(copy: blob, aligned: aligned) }
        // A message's own text (without greeting, signature and quote) is its one general comment.
        if let read = file.read {
            statesNoObjection = read.mail != nil && read.editedCopy == nil && read.comments.count == 1 && read.comments[0].anchor == .general
                && read.comments[0].proposedChange == nil && NoObjectionStatement.matches(Data(read.comments[0].text.utf8))
        } else {
            statesNoObjection = NoObjectionStatement.matches(file.data)
        }
    }

    private init(code: String, parsed: [ParsedComment], file: IncomingFile, proposal: IncomingFile?, receivedAt: Date, late: Bool,
                 fileExtension: String, fileBlob: String, proposalBlob: String?) {
        self.code = code
        self.parsed = parsed
        self.file = file
        self.proposal = proposal
        self.receivedAt = receivedAt
        self.late = late
        self.fileExtension = fileExtension
        self.fileBlob = fileBlob
        self.proposalBlob = proposalBlob
    }

    /// Checks, parses and hashes the submissions on every core: each is independent of the others.
    /// Each file's SHA-256 is computed there too (`fileSHA256`, `proposalSHA256`): the receipts
    /// then need not read and hash 772 MB again, one file after the other, after the commit.
    static func concurrently(_ items: [Submissions.BatchItem], late: Bool, now: Date, draft: TextInput.Reference?,
                             base: CandidateBuilder.BaseBlocks? = nil) throws -> [PreparedSubmission] {
        try concurrentMap(items) { item in
            // What was read of a mapped file is given back: the commit reads it again, page by page.
            defer {
                MappedFiles.release(item.file.data)
                if let proposal = item.proposal { MappedFiles.release(proposal.data) }
            }
            var prepared = try PreparedSubmission(member: item.member, file: item.file, proposal: item.proposal, received: item.received, late: late,
                                                  now: now, draft: draft, base: base)
            prepared.sent = item.sent
            prepared.fileSHA256 = FileSHA256.hex(prepared.file.data)
            prepared.proposalSHA256 = prepared.proposal.map { FileSHA256.hex($0.data) }
            return prepared
        }
    }
}
