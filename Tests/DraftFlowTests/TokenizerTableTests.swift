@testable import DraftFlow
import Testing

/// The tokenizer's table of scalar kinds is kept as runs (`Tokenizer+Table.swift`) instead of being
/// computed at the first tokenizing: it must be, entry for entry, the table computed from
/// `kind(of:)` and the standard library's Unicode data.
@Suite struct TokenizerTableTests {
    @Test func theKeptTableIsTheComputedOne() {
        let computed = Tokenizer.computedTable()
        let kept = Tokenizer.decodedTable()
        #expect(kept.count == computed.count)
        let differing = zip(kept, computed).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
        #expect(differing.isEmpty, "scalars \(differing.prefix(10).map { "U+" + String($0, radix: 16, uppercase: true) })")
        #expect(Tokenizer.table == computed)
    }
}
