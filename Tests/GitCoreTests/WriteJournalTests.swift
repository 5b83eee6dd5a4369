import GitCore
import Testing

@Suite struct WriteJournalTests {
    let journal = WriteJournal(pid: 4242, started: 1_796_127_635_555, step: .syncing, branch: "refs/heads/main",
                               from: "974423fe78b299e10d079a9c9eb5b7d592c7c71d", to: "c1c22bd5d0a6f3a3b6d7e1f0e2a4b5c6d7e8f9a0",
                               tag: ("draft-2", "0123456789abcdef0123456789abcdef01234567"))

    @Test func theLockFileSaysWhoWritesAndWhatItIsDoing() {
        #expect(journal.text == """
            draftflow-write
            pid 4242
            started 1796127635555
            step syncing
            branch refs/heads/main
            from 974423fe78b299e10d079a9c9eb5b7d592c7c71d
            to c1c22bd5d0a6f3a3b6d7e1f0e2a4b5c6d7e8f9a0
            tag 0123456789abcdef0123456789abcdef01234567 draft-2
            end

            """)
        #expect(WriteJournal(text: journal.text) == journal)
    }

    @Test func aJournalCutShortByAKillIsNotTakenForOne() {
        // Written with one pwrite after truncating: a kill leaves an empty file or a prefix.
        let text = journal.text
        #expect(WriteJournal(text: "") == nil)
        #expect(WriteJournal(text: String(text.dropLast())) == nil)
        #expect(WriteJournal(text: String(text.prefix(30))) == nil)
        // Cut at the end of a line: the journal without its commits and tag.
        #expect(WriteJournal(text: String(text[..<text.range(of: "from ")!.lowerBound])) == nil)
        #expect(WriteJournal(text: "draftflow-write\npid x\nstarted 1\nstep done\nbranch refs/heads/main\nend\n") == nil)
    }
}
