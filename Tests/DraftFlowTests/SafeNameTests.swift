import Foundation
import Testing
@testable import DraftFlow
import TestSupport

@Suite("SafeName")
struct SafeNameTests {
    // MARK: Member codes

    @Test(arguments: ["CAN", "USA", "EU", "CHE", "G77", "AU", "ABCDEFGHIJ"])
    func memberCodesAccepted(_ code: String) throws {
        #expect(try SafeName.memberCode(code) == code)
    }

    @Test(arguments: ["", "C", "ABCDEFGHIJK", "7UP", "C-A", "CA N", "../x", "a/b", ".git", "x.lock",
                      "a\u{0}b", "-rf", "é", "ÉU", "CAN\n", "ＣＡＮ", "CA\\N", "CAN.", "US_A"])
    func memberCodesRefused(_ code: String) {
        #expect(refusal { try SafeName.memberCode(code) } != nil, "\(code.debugDescription) must be refused")
    }

    @Test func lowercaseMemberCodeIsNotUppercased() {
        let error = refusal { try SafeName.memberCode("can") }
        #expect(error?.message == "member code 'can' contains lowercase letters")
        #expect(error?.fix?.contains("'CAN'") == true)
        let mixed = refusal { try SafeName.memberCode("Usa") }
        #expect(mixed?.fix?.contains("'USA'") == true)
    }

    @Test func memberCodeMessagesNameTheRule() {
        #expect(refusal { try SafeName.memberCode("") }?.message == "member code is empty")
        #expect(refusal { try SafeName.memberCode("C") }?.message.contains("has 1 character; it must have 2 to 10") == true)
        #expect(refusal { try SafeName.memberCode("7UP") }?.message.contains("does not start with a letter") == true)
        #expect(refusal { try SafeName.memberCode("a\u{0}b") }?.message.contains("control character") == true)
        #expect(refusal { try SafeName.memberCode("é") }?.message.contains("non-ASCII") == true)
        // A hostile name cannot reach the terminal raw.
        #expect(refusal { try SafeName.memberCode("A\u{1B}[2J") }?.message.contains("\u{1B}") == false)
    }

    // MARK: Labels

    @Test(arguments: ["draft-1", "final-draft", "final", "v1.2", "Draft_2", "a", "2020-03-01", "comments-1",
                      String(repeating: "x", count: 64), "a.b-c_d", "final.git"])
    func labelsAccepted(_ label: String) throws {
        #expect(try SafeName.label(label) == label)
    }

    @Test(arguments: ["../x", "a/b", ".git", ".GIT", "x.lock", "x.LOCK", "a\u{0}b", "", "-rf", "é", "draft 1", "a\\b",
                      "..", ".", "a..b", "x.", ".hidden", "_x", "a\tb", "a\u{7F}", "draft-1\n", "HEAD", "main",
                      "a@{1}", "a~1", "a^", "a:b", "a*", "a?", "a[", String(repeating: "x", count: 65), "ｄraft"])
    func labelsRefused(_ label: String) {
        #expect(refusal { try SafeName.label(label) } != nil, "\(label.debugDescription) must be refused")
    }

    @Test func labelMessagesSayWhichRuleFailed() {
        #expect(refusal { try SafeName.label("a/b") }?.message == "label 'a/b' contains '/'")
        #expect(refusal { try SafeName.label("../x") }?.message == "label '../x' contains '/'")
        #expect(refusal { try SafeName.label("a\\b") }?.message == "label 'a\\b' contains '\\'")
        #expect(refusal { try SafeName.label("a..b") }?.message == "label 'a..b' contains '..'")
        #expect(refusal { try SafeName.label("..") }?.message == "label '..' starts with '.'; it must start with a letter or digit")
        #expect(refusal { try SafeName.label(".git") }?.message == "label '.git' is '.git', which git reserves")
        #expect(refusal { try SafeName.label("x.lock") }?.message == "label 'x.lock' ends with '.lock', which git reserves")
        #expect(refusal { try SafeName.label("x.") }?.message == "label 'x.' ends with '.'")
        #expect(refusal { try SafeName.label("-rf") }?.message == "label '-rf' starts with '-'; it must start with a letter or digit")
        #expect(refusal { try SafeName.label("draft 1") }?.message == "label 'draft 1' contains a space")
        #expect(refusal { try SafeName.label("") }?.message == "label is empty")
        #expect(refusal { try SafeName.label("a\u{0}b") }?.message == "label 'a\\u{0}b' contains a control character (U+0000)")
        #expect(refusal { try SafeName.label("é") }?.message == "label 'é' contains the non-ASCII character 'é' (U+00E9)")
        #expect(refusal { try SafeName.label(String(repeating: "x", count: 65)) }?.message.contains("has 65 characters; at most 64") == true)
        #expect(refusal { try SafeName.label("a:b") }?.message.contains("':' (U+003A), which is not a letter, digit") == true)
    }

    // MARK: File extensions

    @Test func fileExtensions() {
        let cases: [(String, String)] = [
            ("comments.md", "md"), ("Comments CAN.MD", "md"), ("template.CSV", "csv"), ("report.tar.gz", "gz"),
            ("notes", "txt"), (".bashrc", "txt"), ("x.", "txt"), ("x.é", "txt"), ("x.abcdefghi", "txt"),
            ("x.abcdefgh", "abcdefgh"), ("dir.d/file", "txt"), ("C:\\Users\\me\\comments.docx", "docx"),
            ("../../etc/passwd", "txt"), ("a.m\u{0}d", "txt"), ("a.m d", "txt"), ("a.m/d", "txt"),
            ("", "txt"), ("a.Md5", "md5"), ("评论.md", "md"), ("x.-rf", "txt"), ("x.git", "git"),
        ]
        for (name, expected) in cases {
            #expect(SafeName.fileExtension(ofFileName: name) == expected, "\(name)")
        }
    }
}
