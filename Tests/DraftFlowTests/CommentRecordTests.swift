import Foundation
import Testing
@testable import DraftFlow

/// Issue 10: a comment's new parts (reference, kind of proposal, template cells) in its JSON,
/// without changing a byte of the comments that have none of them.
@Suite("Comment records")
struct CommentRecordTests {
    static let zurich = TimeZone(identifier: "Europe/Zurich")!

    let encoder = RecordCoding.encoder(timeZone: TimeZone(identifier: "Europe/Zurich")!)

    func json(_ comment: DraftFlow.Comment) throws -> String {
        String(decoding: try encoder.encode(comment), as: UTF8.self)
    }

    static let oldStyle = """
    {
      "anchor" : "2.2",
      "id" : "CAN-1",
      "member" : "CAN",
      "proposedChange" : "2.2 ITU's work\\tis relevant.",
      "text" : "Include SDG 5.",
      "type" : "technical"
    }
    """

    @Test func aMarkdownCommentOnOneParagraphWritesTheJSONItAlwaysWrote() throws {
        let parsed = try CommentParser.parse(data: Data("## 2.2 (technical)\nInclude SDG 5.\nProposed change: 2.2 ITU's work\tis relevant.\n".utf8),
                                             fileName: "CAN.md")
        let comment = DraftFlow.Comment(id: "CAN-1", member: "CAN", parsed: parsed[0])
        #expect(try json(comment) == Self.oldStyle)
        #expect(String(decoding: RecordJSON.array([comment]), as: UTF8.self) == "[\n  " + Self.oldStyle.replacingOccurrences(of: "\n", with: "\n  ") + "\n]")
        let general = DraftFlow.Comment(id: "CAN-2", member: "CAN", parsed: ParsedComment(reference: .general, type: .general, text: "Fine."))
        #expect(try json(general) == "{\n  \"anchor\" : \"general\",\n  \"id\" : \"CAN-2\",\n  \"member\" : \"CAN\",\n  \"text\" : \"Fine.\",\n  \"type\" : \"general\"\n}")
        // An insertion point is its anchor, as the merge's edits have always written it.
        let insertion = DraftFlow.Comment(id: "CAN-3", member: "CAN", parsed: ParsedComment(reference: .insertion(after: "4.2.2.6"), type: .general, text: "New."))
        #expect(try json(insertion) == "{\n  \"anchor\" : \"after 4.2.2.6\",\n  \"id\" : \"CAN-3\",\n  \"member\" : \"CAN\",\n  \"text\" : \"New.\",\n  \"type\" : \"general\"\n}")
    }

    @Test func recordsWithoutTheNewKeysReadAsBefore() throws {
        let comment = try RecordCoding.decoder().decode(DraftFlow.Comment.self, from: Data(Self.oldStyle.utf8))
        #expect(comment.anchor == .paragraph("2.2"))
        #expect(comment.reference == .paragraphs(["2.2"]))
        #expect(comment.proposalKind == .replacement)
        #expect(comment.template == nil)
        #expect(comment.proposedBody == "ITU's work\tis relevant.")
        let edit = try RecordCoding.decoder().decode(DraftFlow.Comment.self, from: Data("""
        {"anchor": "after 3", "id": "CAN-E1", "member": "CAN", "text": "Inserts a paragraph.", "type": "editorial"}
        """.utf8))
        #expect(edit.reference == .insertion(after: "3"))
        #expect(edit.proposalKind == nil)
    }

    static let rich: [DraftFlow.Comment] = [
        DraftFlow.Comment(id: "CHN-1", member: "CHN", parsed: ParsedComment(reference: .range(from: "4.2.2.5", to: "4.2.2.6"), type: .editorial,
                                                                  text: "甲", proposedChange: "将“X”改为“Y”",
                                                                  proposalKind: .instruction(.replace(old: "X", new: "Y")))),
        DraftFlow.Comment(id: "CHN-2", member: "CHN", parsed: ParsedComment(reference: .paragraphs(["4.2.2.5", "3.3 b) 4)"]), type: .technical,
                                                                  text: "乙", proposedChange: "删除“\\\"”", proposalKind: .instruction(.delete("\\\"")))),
        DraftFlow.Comment(id: "CHN-3", member: "CHN", parsed: ParsedComment(reference: .paragraphs(["3.3 b) 4)"]), type: .general, text: "丙",
                                                                  proposedChange: "删除第4)项。", proposalKind: .instruction(nil),
                                                                  template: TemplateFields(memberBody: "CN", line: "12-14", clause: "3.3",
                                                                                           paragraph: "b) 4)", row: 7))),
        DraftFlow.Comment(id: "USA-1", member: "USA", parsed: ParsedComment(reference: .general, type: .general, text: "t",
                                                                  template: TemplateFields(row: 2))),
    ]

    @Test func theNewKeysAreWrittenOnlyWhenTheySayMore() throws {
        #expect(try json(Self.rich[0]) == """
        {
          "anchor" : "4.2.2.5",
          "id" : "CHN-1",
          "member" : "CHN",
          "proposalKind" : {
            "kind" : "instruction",
            "replace" : "X",
            "with" : "Y"
          },
          "proposedChange" : "将“X”改为“Y”",
          "reference" : {
            "from" : "4.2.2.5",
            "kind" : "range",
            "to" : "4.2.2.6"
          },
          "text" : "甲",
          "type" : "editorial"
        }
        """)
        #expect(try json(Self.rich[2]) == """
        {
          "anchor" : "3.3 b) 4)",
          "id" : "CHN-3",
          "member" : "CHN",
          "proposalKind" : {
            "kind" : "instruction"
          },
          "proposedChange" : "删除第4)项。",
          "template" : {
            "clause" : "3.3",
            "line" : "12-14",
            "memberBody" : "CN",
            "paragraph" : "b) 4)",
            "row" : 7
          },
          "text" : "丙",
          "type" : "general"
        }
        """)
        for comment in Self.rich {
            #expect(try RecordCoding.decoder().decode(DraftFlow.Comment.self, from: try encoder.encode(comment)) == comment)
        }
    }

    /// The hand-written writer (merge edits) stays byte for byte what JSONEncoder writes.
    @Test func recordJSONWritesTheNewKeysAsJSONEncoderDoes() throws {
        #expect(RecordJSON.array(Self.rich) == (try encoder.encode(Self.rich)))
        for reference in [CommentReference.general, .paragraphs(["1", "2"]), .range(from: "1", to: "2"), .insertion(after: "1")] {
            #expect(RecordJSON.array([reference]) == (try encoder.encode([reference])))
            #expect(try RecordCoding.decoder().decode(CommentReference.self, from: try encoder.encode(reference)) == reference)
        }
        for kind in [ProposedChangeKind.replacement, .instruction(nil), .instruction(.delete("x")), .instruction(.replace(old: "a", new: "b"))] {
            #expect(RecordJSON.array([kind]) == (try encoder.encode([kind])))
            #expect(try RecordCoding.decoder().decode(ProposedChangeKind.self, from: try encoder.encode(kind)) == kind)
        }
        let record = MergeRecord(round: "draft-1", base: "draft-1", merged: Date(timeIntervalSince1970: 1_583_000_000),
                                 changes: [], collisions: [], edits: Self.rich, orphaned: [], resolutions: [])
        #expect(try record.json(zone: Self.zurich) == (try encoder.encode(record)))
        #expect(try record.json(zone: Self.zurich, parts: (RecordJSON.array([RecordedChange]()), RecordJSON.array(Self.rich))) == (try encoder.encode(record)))
    }
}
