import DraftFlow
import Foundation
import Testing

/// Proposed texts replace their paragraph however they are numbered, and the secretariat's own
/// wording is final: issue 10's findings 2 and 3 on the in-memory store.
@Suite struct SecretariatWordingTests {
    let zone = TimeZone(identifier: "Europe/Zurich")!
    let draft = """
    # Input

    ## 4 活动

    4.2.2.3 秘书处在截止日期前收到意见。

    4.2.2.4 没有收到进一步的意见。

    """
    let store: MemoryWorkspaceStore

    init() throws {
        let first = try WorkspaceSetup.initialChange(
            title: "Input", documentName: "input.md", document: Data(draft.utf8), timezone: "Europe/Zurich",
            secretariat: Secretariat(name: "Secretariat", email: "s@example.org"),
            now: try Deadline.parseInstant("2020-02-07T17:00:00+01:00", timeZone: zone))
        store = try MemoryWorkspaceStore(first: first)
        let setUp = try at("2020-02-14T10:00:00+01:00")
        for (code, name) in [("CAN", "Canada"), ("CHN", "China"), ("USA", "United States")] {
            try Membership(setUp).add(code: code, name: name, email: nil)
        }
        _ = try Publishing(setUp).publish(label: "draft-1", note: nil)
        _ = try Rounds(setUp).open(on: "draft-1", closes: "2020-03-01", kind: .comments, name: "draft-1")
    }

    func at(_ text: String) throws -> DraftingContext {
        DraftingContext(store: store, now: try Deadline.parseInstant(text, timeZone: zone))
    }

    func comment(_ member: String, _ text: String, proposal: String? = nil) throws {
        _ = try Submissions(try at("2020-02-20T10:00:00+01:00")).record(
            member: member, file: IncomingFile(name: "\(member).md", data: Data(text.utf8)),
            proposal: proposal.map { IncomingFile(name: "\(member).proposal.md", data: Data($0.utf8)) },
            received: nil, late: false, roundName: nil)
    }

    func paragraphs() throws -> [String] {
        let text = String(decoding: try store.snapshot().file("Drafts/input.md") ?? Data(), as: UTF8.self)
        return DraftDocument.parse(text).blocks.map(\.text)
    }

    @Test(arguments: [
        "4.2.2.3\t秘书处在2020年3月1日截止日期前收到意见。",
        "4.2.2.3 秘书处在2020年3月1日截止日期前收到意见。",
        "4.2.2.3. 秘书处在2020年3月1日截止日期前收到意见。",
        "秘书处在2020年3月1日截止日期前收到意见。",
    ])
    func aProposedChangeReplacesItsParagraphHoweverItIsNumbered(_ proposed: String) throws {
        try comment("CHN", "## 4.2.2.3 (editorial)\n日期。\n\nProposed change: \(proposed)\n")
        _ = try MergeDesk(try at("2020-03-02T09:00:00+01:00")).merge(round: nil)
        #expect(try paragraphs() == ["# Input", "## 4 活动", "4.2.2.3 秘书处在2020年3月1日截止日期前收到意见。", "4.2.2.4 没有收到进一步的意见。"])
    }

    @Test func theSecretariatsTextIsFinalAndSupersedesOtherPendingChanges() throws {
        try comment("CHN", "## 4.2.2.3 (editorial)\n日期。\n\nProposed change: 4.2.2.3 秘书处在3月1日截止日期前收到意见。\n")
        try comment("CAN", "## 4.2.2.3\nGeneva time.\n",
                    proposal: draft.replacingOccurrences(of: "截止日期前", with: "截止日期（日内瓦时间）前"))
        let merged = try MergeDesk(try at("2020-03-02T09:00:00+01:00")).merge(round: nil)
        #expect(merged.openCollisions.isEmpty)
        #expect(try paragraphs()[2] == "4.2.2.3 秘书处在3月1日截止日期（日内瓦时间）前收到意见。")

        let deciding = try at("2020-03-03T10:00:00+01:00")
        let wording = "4.2.2.3\t秘书处在2020年3月1日（日内瓦时间）截止日期前收到意见。"
        let (_, outcome) = try DispositionDesk(deciding).dispose(comment: "CHN-1", decision: .modified, text: wording + "\n", note: nil, round: nil)
        // Exactly the secretariat's text, tab and all: nothing merged again on top of it.
        #expect(try paragraphs() == ["# Input", "## 4 活动", wording, "4.2.2.4 没有收到进一步的意见。"])
        #expect(outcome.record.superseded == ["CAN-1": "CHN-1"])
        // Canada's point still needs its own disposition.
        #expect(try Reports(deciding).status().merge?.undecided == ["CAN-1"])
        let rows = try DispositionDesk(deciding).rows(round: nil).rows
        #expect(rows.map { "\($0.id) \($0.dispositionTitle) \($0.supersededBy ?? "-")" } == ["CAN-1 Undecided CHN-1", "CHN-1 Accepted with modification -"])
        // Accepting it later does not put its words back on top of the secretariat's.
        _ = try DispositionDesk(deciding).dispose(comment: "CAN-1", decision: .accepted, text: nil, note: "Taken into the secretariat's text.", round: nil)
        #expect(try paragraphs()[2] == wording)
    }

    @Test func aMembersEditInAParagraphItCommentedOnIsThatComment() throws {
        try comment("CAN", "## 4.2.2.3\nGeneva time.\n",
                    proposal: draft.replacingOccurrences(of: "截止日期前", with: "截止日期（日内瓦时间）前")
                        .replacingOccurrences(of: "没有收到", with: "未收到"))
        let merged = try MergeDesk(try at("2020-03-02T09:00:00+01:00")).merge(round: nil)
        // One id per point: the edit of 4.2.2.3 is CAN-1's; only 4.2.2.4 gets an edit id.
        #expect(merged.record.edits.map { "\($0.id) \($0.anchor) \($0.type.rawValue)" } == ["CAN-E1 4.2.2.4 unspecified"])
        let rows = try DispositionDesk(try at("2020-03-03T10:00:00+01:00")).rows(round: nil).rows
        #expect(rows.map(\.id) == ["CAN-1", "CAN-E1"])
        #expect(rows.first?.proposedChange == "4.2.2.3 秘书处在截止日期（日内瓦时间）前收到意见。")
        // Not accepting CAN-1 takes its edit out of the candidate.
        _ = try DispositionDesk(try at("2020-03-03T10:00:00+01:00")).dispose(comment: "CAN-1", decision: .rejected, text: nil, note: nil, round: nil)
        #expect(try paragraphs()[2...] == ["4.2.2.3 秘书处在截止日期前收到意见。", "4.2.2.4 未收到进一步的意见。"])
    }
}

/// The table shows what a proposed change changes, never the whole paragraph (issue 10, finding 4).
@Suite struct ChangeSummaryTests {
    @Test func onlyTheChangedWordsWithALittleContext() {
        #expect(ChangeSummary.describe(old: "2.2 Connectivity remains a challenge for the least developed countries and small island States.",
                                       new: "2.2 Connectivity remains a major challenge for the least developed countries and small island States.")
                == "2.2 Connectivity remains a challenge for the… → 2.2 Connectivity remains a major challenge for the…")
        #expect(ChangeSummary.describe(old: "4.2.2.3 秘书处在截止日期前收到两份意见，请见下文：",
                                       new: "4.2.2.3 秘书处在截止日期（日内瓦时间）前收到两份意见，请见下文：")
                == "…止日期前收到… → …止日期（日内瓦时间）前收到…")
        #expect(ChangeSummary.describe(old: "1.1 Same.", new: "1.1 Same.") == nil)
        #expect(ChangeSummary.describe(old: "1.1 Gone.", new: "") == "(paragraph deleted)")
    }
}

/// A proposed change that is not replacement text is never put in the text (issue 10, finding 2).
@Suite struct FlaggedProposalTests {
    @Test func anInstructionIsACommentWithNoTextChangeAndBlocksPublishing() throws {
        let zone = TimeZone(identifier: "Europe/Zurich")!
        func at(_ text: String, _ store: MemoryWorkspaceStore) throws -> DraftingContext {
            DraftingContext(store: store, now: try Deadline.parseInstant(text, timeZone: zone))
        }
        let paragraph = "3.3 向第34和35次会议提交的文稿成果基础上，工作组将所有文件记录在案，并对文件的提交表示感谢。"
        let draft = "# Input\n\n\(paragraph)\n"
        let store = try MemoryWorkspaceStore(first: try WorkspaceSetup.initialChange(
            title: "Input", documentName: "input.md", document: Data(draft.utf8), timezone: "Europe/Zurich",
            secretariat: Secretariat(name: "S", email: "s@example.org"), now: try Deadline.parseInstant("2020-02-07", timeZone: zone)))
        let setUp = try at("2020-02-14T10:00:00+01:00", store)
        try Membership(setUp).add(code: "USA", name: "United States", email: nil)
        _ = try Publishing(setUp).publish(label: "draft-1", note: nil)
        _ = try Rounds(setUp).open(on: "draft-1", closes: "2020-03-01", kind: .comments, name: "draft-1")
        _ = try Submissions(try at("2020-02-20T10:00:00+01:00", store)).record(
            member: "USA", file: IncomingFile(name: "usa.md", data: Data("## 3.3 (editorial)\nTidy the list.\n\nProposed change: Delete item 4) and keep item 7).\n".utf8)),
            proposal: nil, received: nil, late: false, roundName: nil)
        let after = try at("2020-03-02T09:00:00+01:00", store)
        let merged = try MergeDesk(after).merge(round: nil)
        #expect(merged.record.changes.isEmpty)
        #expect(merged.record.flagged == ["USA-1": .instruction])
        #expect(String(decoding: try store.snapshot().file("Drafts/input.md") ?? Data(), as: UTF8.self) == draft)
        let row = try #require(try DispositionDesk(after).rows(round: nil).rows.first)
        #expect(row.flag == .instruction)
        #expect(row.change == nil)
        #expect(try Reports(after).status().merge?.flagged == ["USA-1": .instruction])
        #expect(throws: DraftFlowError(.refused, "round draft-1 has comments without a disposition: USA-1 (an instruction, not replacement text: not applied)",
                                       fix: "decide each with `draftflow dispose ID accepted|modified|noted|rejected` (see `draftflow dispositions`), or publish with --allow-undecided to publish the candidate as it stands")) {
            try Publishing(after).publish(label: "draft-2", note: nil)
        }
    }
}

/// References are checked at intake, and a new paragraph goes in after the one it names
/// (issue 10, finding 5).
@Suite struct ParagraphReferenceIntakeTests {
    let zone = TimeZone(identifier: "Europe/Zurich")!
    let draft = "# Input\n\n## 4 活动\n\n4.2.2.5 秘书处分发了最终草案。\n\n4.2.2.6 没有收到进一步的意见。\n\n## 5 结论\n\n5.1 工作组表示感谢。\n"

    func workspace() throws -> MemoryWorkspaceStore {
        let store = try MemoryWorkspaceStore(first: try WorkspaceSetup.initialChange(
            title: "Input", documentName: "input.md", document: Data(draft.utf8), timezone: "Europe/Zurich",
            secretariat: Secretariat(name: "S", email: "s@example.org"), now: try Deadline.parseInstant("2020-02-07", timeZone: zone)))
        let setUp = DraftingContext(store: store, now: try Deadline.parseInstant("2020-02-14T10:00:00+01:00", timeZone: zone))
        try Membership(setUp).add(code: "CHN", name: "China", email: nil)
        _ = try Publishing(setUp).publish(label: "draft-1", note: nil)
        _ = try Rounds(setUp).open(on: "draft-1", closes: "2020-03-01", kind: .comments, name: "draft-1")
        return store
    }

    func record(_ store: MemoryWorkspaceStore, _ text: String) throws -> Submission {
        try Submissions(DraftingContext(store: store, now: try Deadline.parseInstant("2020-02-20T10:00:00+01:00", timeZone: zone))).record(
            member: "CHN", file: IncomingFile(name: "chn.md", data: Data(text.utf8)), proposal: nil, received: nil, late: false, roundName: nil)
    }

    @Test func aReferenceToAParagraphThatDoesNotExistIsRefusedNamingTheNearest() throws {
        let store = try workspace()
        let before = store.commitCount
        #expect(throws: DraftFlowError(.invalidInput, "CHN: paragraph 4.2.2.9 is not in draft-1; the nearest are 4.2.2.6, 4.2.2.5, 4",
                                       fix: "correct the reference (see `draftflow outline draft-1` for every paragraph's id), or write `## general` for the whole text")) {
            try record(store, "## 4.2.2.9\nText.\n")
        }
        #expect(store.commitCount == before)
    }

    @Test func aNewParagraphGoesInAfterTheOneItNames() throws {
        let store = try workspace()
        let submission = try record(store, "## after 4.2.2.6 (technical)\nAdd the submission.\n\nProposed change: 4.2.2.7 国际电联理事会主席于3月16日前提交了最终意见。\n")
        #expect(submission.comments.map(\.anchor) == [.paragraph("after 4.2.2.6")])
        let after = DraftingContext(store: store, now: try Deadline.parseInstant("2020-03-02T09:00:00+01:00", timeZone: zone))
        let merged = try MergeDesk(after).merge(round: nil)
        #expect(merged.record.orphaned.isEmpty)
        #expect(String(decoding: try store.snapshot().file("Drafts/input.md") ?? Data(), as: UTF8.self)
                == "# Input\n\n## 4 活动\n\n4.2.2.5 秘书处分发了最终草案。\n\n4.2.2.6 没有收到进一步的意见。\n\n4.2.2.7 国际电联理事会主席于3月16日前提交了最终意见。\n\n## 5 结论\n\n5.1 工作组表示感谢。\n")
        let row = try #require(try DispositionDesk(after).rows(round: nil).rows.first)
        #expect(row.orphaned == false)
        #expect(row.paragraph == "after 4.2.2.6")
    }

}

@Suite struct ProposalCheckTests {
    static let paragraph = "3.3 向第34和35次会议提交的文稿成果基础上，工作组将所有文件记录在案并对这些文件的提交表示赞赏，同时向理事会2020年会议提出以下意见和建议："

    @Test func textThatSharesAlmostNothingWithItsParagraphIsNotReplacementText() {
        #expect(ProposalCheck.flag(proposed: "3.3 The working group thanks everyone for the documents.", paragraph: Self.paragraph) == .unrelated)
        #expect(ProposalCheck.flag(proposed: "3.3 向第34和35次会议提交的文稿成果基础上，工作组将所有文件记录在案，同时向理事会提出以下建议：", paragraph: Self.paragraph) == nil)
        // A short paragraph may be rewritten whole.
        #expect(ProposalCheck.flag(proposed: "2 Other matters", paragraph: "2 WSIS进程") == nil)
    }

    @Test func anExactInstructionIsCarriedOutWhereItMatchesExactlyOnce() {
        #expect(ExactInstruction.replace(old: "赞赏", new: "感谢").applied(to: Self.paragraph)
                == "3.3 向第34和35次会议提交的文稿成果基础上，工作组将所有文件记录在案并对这些文件的提交表示感谢，同时向理事会2020年会议提出以下意见和建议：")
        #expect(ExactInstruction.delete("2020年").applied(to: Self.paragraph)
                == "3.3 向第34和35次会议提交的文稿成果基础上，工作组将所有文件记录在案并对这些文件的提交表示赞赏，同时向理事会会议提出以下意见和建议：")
        // Twice, or not at all: not carried out.
        #expect(ExactInstruction.delete("文件").applied(to: Self.paragraph) == nil)
        #expect(ExactInstruction.replace(old: "2019", new: "2020").applied(to: Self.paragraph) == nil)
    }
}

/// `resolve --text` sets the paragraph to exactly the secretariat's text; what a third member
/// changed there is listed as superseded, not merged again on top (issue 10, finding 3).
@Suite struct ResolvedWordingTests {
    @Test func aResolutionsTextIsFinalAndOtherChangesThereAreSuperseded() throws {
        let zone = TimeZone(identifier: "Europe/Zurich")!
        let draft = "# T\n\n2.4 The year 2020 has been reached. Action will require political commitment and substantial investment in infrastructure.\n"
        let store = try MemoryWorkspaceStore(first: try WorkspaceSetup.initialChange(
            title: "T", documentName: "t.md", document: Data(draft.utf8), timezone: "Europe/Zurich",
            secretariat: Secretariat(name: "S", email: "s@example.org"), now: try Deadline.parseInstant("2020-02-07", timeZone: zone)))
        func at(_ text: String) throws -> DraftingContext { DraftingContext(store: store, now: try Deadline.parseInstant(text, timeZone: zone)) }
        let setUp = try at("2020-02-14T10:00:00+01:00")
        for (code, name) in [("CAN", "Canada"), ("FRA", "France"), ("USA", "United States")] { try Membership(setUp).add(code: code, name: name, email: nil) }
        _ = try Publishing(setUp).publish(label: "draft-1", note: nil)
        _ = try Rounds(setUp).open(on: "draft-1", closes: "2020-03-01", kind: .comments, name: "draft-1")
        for (code, old, new) in [("CAN", "substantial investment", "sustained investment"), ("USA", "substantial investment", "private-sector investment"),
                                 ("FRA", "has been reached", "is here")] {
            _ = try Submissions(try at("2020-02-20T10:00:00+01:00")).record(
                member: code, file: IncomingFile(name: "\(code).md", data: Data("## 2.4\nA point.\n".utf8)),
                proposal: IncomingFile(name: "copy.md", data: Data(draft.replacingOccurrences(of: old, with: new).utf8)),
                received: nil, late: false, roundName: nil)
        }
        let merged = try MergeDesk(try at("2020-03-02T09:00:00+01:00")).merge(round: nil)
        let collision = try #require(merged.openCollisions.first)
        let deciding = try at("2020-03-03T10:00:00+01:00")
        let text = "2.4\tThe year 2020 has been reached. Action will require political commitment and sustained private-sector investment in infrastructure."
        let resolved = try Resolutions(deciding).resolve(collision: collision.id, choice: .text(text + "\n"), note: nil, round: nil)
        #expect(String(decoding: try store.snapshot().file("Drafts/t.md") ?? Data(), as: UTF8.self) == "# T\n\n\(text)\n")
        #expect(collision.alternatives.map(\.members) == [["CAN"], ["FRA"], ["USA"]])
        // Nobody's change is merged on top of the secretariat's text (France's, in the other sentence,
        // included): each is pending, superseded by the resolution.
        let superseded = ["CAN-1": collision.id, "FRA-1": collision.id, "USA-1": collision.id]
        #expect(resolved.record.superseded == superseded)
        #expect(try Reports(deciding).status().merge?.superseded == superseded)
    }
}

/// Ranges and lists are checked paragraph by paragraph and shown whole (issue 10, finding 8).
@Suite struct ReferenceListIntakeTests {
    @Test func everyParagraphOfARangeOrListIsCheckedAndShown() throws {
        let zone = TimeZone(identifier: "Europe/Zurich")!
        let intake = ParagraphReferenceIntakeTests()
        let store = try intake.workspace()
        let submission = try intake.record(store, "## 4.2.2.5-4.2.2.6\n两段。\n\n## 第4.2.2.5、4.2.2.6段（技术性）\n两段。\n")
        #expect(submission.comments.map(\.reference) == [.range(from: "4.2.2.5", to: "4.2.2.6"), .paragraphs(["4.2.2.5", "4.2.2.6"])])
        #expect(throws: DraftFlowError.self) { try intake.record(store, "## 4.2.2.5-4.2.2.9\n两段。\n") }
        let after = DraftingContext(store: store, now: try Deadline.parseInstant("2020-03-02T09:00:00+01:00", timeZone: zone))
        _ = try MergeDesk(after).merge(round: nil)
        #expect(try DispositionDesk(after).rows(round: nil).rows.map(\.paragraph) == ["4.2.2.5-4.2.2.6", "4.2.2.5, 4.2.2.6"])
    }
}

/// Issue 11, finding 11: an empty edited copy would delete the whole text; it is refused.
@Suite struct EmptyProposalTests {
    @Test func anEmptyEditedCopyIsRefusedAndNothingIsWritten() throws {
        let intake = ParagraphReferenceIntakeTests()
        let store = try intake.workspace()
        let before = store.commitCount
        let zone = TimeZone(identifier: "Europe/Zurich")!
        #expect(throws: DraftFlowError(.invalidInput, "the proposal copy.md of CHN is empty: merged, it would delete the whole text",
                                       fix: "send the edited copy of the draft, or leave out --proposal to record the comments alone")) {
            try Submissions(DraftingContext(store: store, now: try Deadline.parseInstant("2020-02-20T10:00:00+01:00", timeZone: zone))).record(
                member: "CHN", file: IncomingFile(name: "chn.md", data: Data("中国支持该报告。\n".utf8)),
                proposal: IncomingFile(name: "copy.md", data: Data("\n \n".utf8)), received: nil, late: false, roundName: nil)
        }
        #expect(store.commitCount == before)
    }
}
