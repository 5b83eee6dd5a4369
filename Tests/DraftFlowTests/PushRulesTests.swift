import DraftFlow
import Foundation
import Testing

/// What the shared repository's hook lets each pusher change (the rules alone; HookCommandTests
/// runs them in a real push).
@Suite struct PushRulesTests {
    let can = Pusher.member(user: "ottawa", code: "CAN")
    let secretariat = Pusher.secretariat(user: "itu")
    let a = String(repeating: "a", count: 40), b = String(repeating: "b", count: 40)

    @Test func readsGitsHookLines() throws {
        let zero = String(repeating: "0", count: 40)
        #expect(try ReferenceUpdate.parse("\(zero) \(a) refs/heads/main") == ReferenceUpdate(reference: "refs/heads/main", old: nil, new: a))
        #expect(try ReferenceUpdate.parse("\(a) \(zero) refs/tags/x") == ReferenceUpdate(reference: "refs/tags/x", old: a, new: nil))
        #expect(throws: DraftFlowError.self) { try ReferenceUpdate.parse("\(a) refs/heads/main") }
        #expect(throws: DraftFlowError.self) { try ReferenceUpdate.parse("xyz \(a) refs/heads/main") }
    }

    @Test func aSubmissionReferenceNamesARoundAndAMember() {
        #expect(PushRules.submission(named: "refs/heads/submissions/draft-1/CAN")! == ("draft-1", "CAN"))
        for bad in ["refs/heads/submissions/draft-1/can", "refs/heads/submissions/draft-1", "refs/heads/submissions/../CAN",
                    "refs/heads/submissions/draft-1/CAN/x", "refs/heads/draft-1/CAN", "refs/heads/submissions//CAN"] {
            #expect(PushRules.submission(named: bad) == nil, "\(bad)")
        }
        #expect(PushRules.submissionReference(round: "draft-1", member: "USA") == "refs/heads/submissions/draft-1/USA")
    }

    @Test func aMemberChangesOnlyItsOwnSubmissionReference() {
        let own = "CAN may push only its own submissions, to refs/heads/submissions/<round>/CAN"
        func refusal(_ reference: String, old: String? = nil, new: String? = nil) -> String? {
            PushRules.refusal(of: ReferenceUpdate(reference: reference, old: old, new: new ?? b), by: can, fastForward: nil)
        }
        #expect(refusal("refs/heads/submissions/draft-1/CAN") == nil)
        #expect(refusal("refs/heads/submissions/draft-1/CAN", old: a) == nil)
        #expect(PushRules.refusal(of: ReferenceUpdate(reference: "refs/heads/submissions/draft-1/CAN", old: a, new: nil), by: can, fastForward: nil)
                == "refs/heads/submissions/draft-1/CAN: a submission is never deleted by its member; the secretariat collects it")
        #expect(refusal("refs/heads/main", old: a) == "refs/heads/main: only the secretariat pushes main; \(own)")
        #expect(refusal("refs/tags/final") == "refs/tags/final: only the secretariat pushes version tags; \(own)")
        #expect(refusal("refs/heads/submissions/draft-1/USA") == "refs/heads/submissions/draft-1/USA is USA's submission; \(own)")
        #expect(refusal("refs/notes/commits") == "refs/notes/commits: \(own)")
    }

    @Test func theSecretariatNeverMovesATagNorRewritesMain() {
        func refusal(_ reference: String, old: String?, new: String?, fastForward: Bool? = nil) -> String? {
            PushRules.refusal(of: ReferenceUpdate(reference: reference, old: old, new: new), by: secretariat, fastForward: fastForward)
        }
        #expect(refusal("refs/heads/main", old: a, new: b, fastForward: true) == nil)
        #expect(refusal("refs/tags/draft-2", old: nil, new: b) == nil)
        #expect(refusal("refs/heads/submissions/draft-1/CAN", old: a, new: nil) == nil)
        #expect(refusal("refs/heads/main", old: a, new: b, fastForward: false)
                == "refs/heads/main: the push would rewrite main's history (not a fast-forward); pull, then push again")
        #expect(refusal("refs/heads/main", old: a, new: nil) == "refs/heads/main: main, the workspace, is never deleted")
        #expect(refusal("refs/tags/draft-1", old: a, new: b) == "refs/tags/draft-1: a version's tag is never moved")
        #expect(refusal("refs/tags/draft-1", old: a, new: nil) == "refs/tags/draft-1: a version's tag is never deleted")
        // A tag sent as it already is (libgit2 sends every tag its refspec names) changes nothing.
        #expect(refusal("refs/tags/draft-1", old: a, new: a) == nil)
        #expect(PushRules.refusal(of: ReferenceUpdate(reference: "refs/tags/draft-1", old: a, new: a), by: can, fastForward: nil) == nil)
    }

    @Test func aSubmissionAddsPlainFilesInItsMembersFolderOnly() {
        func refusal(_ path: String, _ mode: UInt32? = 0o100644) -> String? {
            PushRules.refusal(ofPath: path, newMode: mode, round: "draft-1", member: "CAN", commit: a)
        }
        #expect(refusal("Comments/draft-1/CAN/submission-1.md") == nil)
        #expect(refusal("Comments/draft-1/CAN/submission-1.proposal.md") == nil)
        let only = "a submission of CAN to draft-1 may change only files under Comments/draft-1/CAN/"
        #expect(refusal("Drafts/outline.md") == "commit aaaaaaa changes Drafts/outline.md: \(only)")
        #expect(refusal("Comments/draft-1/index.json") == "commit aaaaaaa changes Comments/draft-1/index.json: \(only)")
        #expect(refusal("Comments/draft-2/CAN/submission-1.md") == "commit aaaaaaa changes Comments/draft-2/CAN/submission-1.md: \(only)")
        #expect(refusal("Comments/draft-1/CANADA/x.md") == "commit aaaaaaa changes Comments/draft-1/CANADA/x.md: \(only)")
        #expect(refusal("Comments/draft-1/CAN/submission-1.md", nil) == "commit aaaaaaa removes Comments/draft-1/CAN/submission-1.md: a submission adds files, it never removes any")
        #expect(refusal("Comments/draft-1/CAN/run.sh", 0o100755) == "commit aaaaaaa adds Comments/draft-1/CAN/run.sh as an executable; a submission holds plain files only")
        #expect(refusal("Comments/draft-1/CAN/sub", 0o160000) == "commit aaaaaaa adds Comments/draft-1/CAN/sub as a mode 160000 entry; a submission holds plain files only")
    }

    @Test func theAllowedSignersFileGetsTheSecretariatsKeyOnce() throws {
        let signing = VersionSigning(sshPublicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDummy itu@laptop\n")
        let first = try #require(signing.allowedSigners(adding: "wsis@itu.int", to: nil))
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.hasSuffix("\nwsis@itu.int namespaces=\"git\" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDummy\n"))
        #expect(signing.allowedSigners(adding: "wsis@itu.int", to: first) == nil)
        let other = try #require(signing.allowedSigners(adding: "other@itu.int", to: first))
        #expect(String(decoding: other, as: UTF8.self) == text + "other@itu.int namespaces=\"git\" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDummy\n")
        #expect(VersionSigning(sshPublicKey: nil).allowedSigners(adding: "wsis@itu.int", to: nil) == nil)
    }
}
