@testable import DraftFlow
import Testing

/// `CommentOrder.sorted(_:id:)` computes each id's key once; it must give what sorting by
/// `precedes`, two keys per comparison, gives, ties (ids with the same key, such as "CAN-1" and
/// "CAN-01") in their original order included.
@Suite struct CommentOrderTests {
    struct Item: Equatable {
        var id: String
        var position: Int
    }

    /// Deterministic ids: members, numbers, edits found in copies, and odd shapes.
    static func ids(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let members = ["CAN", "USA", "ZWE", "AFG", "A", "", "CAN-B"]
        return (0..<count).map { _ in
            let member = members[next(members.count)]
            switch next(6) {
            case 0: return "\(member)-E\(next(30))"
            case 1: return "\(member)-0\(next(30))"
            case 2: return member
            case 3: return "\(member)-E"
            default: return "\(member)-\(next(300))"
            }
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func keysOnceGiveWhatComparingByPrecedesGives(seed: UInt64) {
        let items = Self.ids(count: 3_000, seed: seed).enumerated().map { Item(id: $0.element, position: $0.offset) }
        let general = items.sorted { CommentOrder.precedes($0.id, $1.id) }
        #expect(CommentOrder.sorted(items, id: \.id) == general)
        #expect(CommentOrder.sorted(items.map(\.id)) == general.map(\.id))
    }

    @Test func tiesKeepTheirOrder() {
        let items = [Item(id: "CAN-01", position: 0), Item(id: "CAN-E2", position: 1), Item(id: "CAN-1", position: 2), Item(id: "ARM-3", position: 3)]
        #expect(CommentOrder.sorted(items, id: \.id).map(\.position) == [3, 0, 2, 1])
    }
}
