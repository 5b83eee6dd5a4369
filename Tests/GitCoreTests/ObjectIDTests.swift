import Foundation
import GitCore
import Testing

@Suite struct ObjectIDTests {
    @Test func anIDIsItsTwentyBytesShownAsHex() throws {
        let hex = "1b913c2cdd78be15bfd313b0647a71b0e02ce1e9"
        let id = try #require(ObjectID(hex: hex))
        #expect(id.bytes.count == 20)
        #expect(id.bytes.prefix(3) == [0x1b, 0x91, 0x3c])
        #expect(id.hex == hex)
        #expect(id.short == "1b913c2")
        #expect(ObjectID(bytes: id.bytes) == id)
        #expect(ObjectID(hex: hex.uppercased()) == id)
        #expect(Set([id, try #require(ObjectID(hex: hex.uppercased()))]).count == 1)
    }

    @Test func onlyFortyHexDigitsOrTwentyBytesMakeAnID() {
        #expect(ObjectID(hex: String(repeating: "a", count: 39)) == nil)
        #expect(ObjectID(hex: String(repeating: "a", count: 41)) == nil)
        #expect(ObjectID(hex: String(repeating: "g", count: 40)) == nil)
        #expect(ObjectID(bytes: [UInt8](repeating: 0, count: 19)) == nil)
    }

    @Test func typedIDsKeepTheirObjectID() throws {
        let id = try #require(ObjectID(hex: "4b825dc642cb6eb9a060e54bf8d69288fbee4904"))
        let tree = TreeID(id)
        #expect(tree.objectID == id)
        #expect(tree.hex == id.hex)
        #expect(TreeID(hex: id.hex) == tree)
        // The id git gives the empty tree, computed without git.
        #expect(ObjectID(hashing: Data(), as: .tree) == id)
    }
}
