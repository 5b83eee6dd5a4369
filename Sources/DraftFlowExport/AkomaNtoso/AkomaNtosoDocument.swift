import DraftFlow
import Foundation

/// A published version as Akoma Ntoso 3.0 (OASIS LegalDocML), in the shape AKN4UN gives UN
/// documents: a `doc` with its FRBR identification (work, expression, manifestation, under
/// `/akn/un/doc/...`), the title in the preface, and the text in the main body, each heading a
/// `hcontainer` holding what follows it, each paragraph a `paragraph` whose `eId` is its DraftFlow
/// paragraph id (`para_2.3`; a space in an id such as `3.3 b)` becomes `_`).
///
/// Validated against the OASIS schema (`Tests/Fixtures/akn/akomantoso30.xsd`) with xmllint.
public enum AkomaNtosoDocument {
    public static let namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

    /// What the document says about itself.
    public struct Identity: Sendable, Equatable {
        public var title: String
        /// The workspace's name, the work's name in its FRBR URIs (`hlpf-2020`).
        public var workName: String
        public var version: String
        public var published: Date
        public var timeZone: TimeZone
        public var secretariat: String

        public init(title: String, workName: String, version: String, published: Date, timeZone: TimeZone, secretariat: String) {
            self.title = title
            self.workName = workName
            self.version = version
            self.published = published
            self.timeZone = timeZone
            self.secretariat = secretariat
        }
    }

    /// The XML of `document`, version `identity.version` of the work.
    public static func xml(_ document: DraftDocument, identity: Identity) -> String {
        let date = isoDate(identity.published, identity.timeZone)
        let language = languageCode(of: document)
        let work = "/akn/un/doc/report/\(date)/\(uriPart(identity.workName))"
        let expression = "\(work)/\(language)@\(uriPart(identity.version))"
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <akomaNtoso xmlns="\(namespace)">
          <doc name="report">
            <meta>
              <identification source="#secretariat">
                <FRBRWork>
                  <FRBRthis value="\(work)/!main"/>
                  <FRBRuri value="\(work)"/>
                  <FRBRdate date="\(date)" name="\(text(identity.version))"/>
                  <FRBRauthor href="#secretariat"/>
                  <FRBRcountry value="un"/>
                </FRBRWork>
                <FRBRExpression>
                  <FRBRthis value="\(expression)/!main"/>
                  <FRBRuri value="\(expression)"/>
                  <FRBRdate date="\(date)" name="\(text(identity.version))"/>
                  <FRBRauthor href="#secretariat"/>
                  <FRBRlanguage language="\(language)"/>
                </FRBRExpression>
                <FRBRManifestation>
                  <FRBRthis value="\(expression)/!main.xml"/>
                  <FRBRuri value="\(expression)/.akn"/>
                  <FRBRdate date="\(date)" name="\(text(identity.version))"/>
                  <FRBRauthor href="#secretariat"/>
                </FRBRManifestation>
              </identification>
              <references source="#secretariat">
                <TLCOrganization eId="secretariat" href="/akn/ontology/organization/un/secretariat" showAs="\(text(identity.secretariat))"/>
              </references>
            </meta>
            <preface>
              <p><docTitle>\(text(identity.title))</docTitle></p>
            </preface>
            <mainBody>

        """
        // Each heading opens a container that holds what follows it, up to the next heading of its
        // level or above.
        var open: [Int] = []
        func indent() -> String { String(repeating: "  ", count: 3 + open.count) }
        for block in document.blocks {
            let eId = "para_" + block.anchor.map { $0.isWhitespace ? "_" : $0 }.reduce(into: "") { $0.append($1) }
            let number = block.number.map { "<num>\(text($0))</num>" } ?? ""
            if case .heading(let level) = block.kind {
                while let last = open.last, last >= level {
                    open.removeLast()
                    out += indent() + "</hcontainer>\n"
                }
                out += indent() + "<hcontainer name=\"section\" eId=\"\(text(eId))\">\(number)<heading>\(text(block.body))</heading>\n"
                open.append(level)
            } else {
                out += indent() + "<paragraph eId=\"\(text(eId))\">\(number)<content><p>\(text(block.body))</p></content></paragraph>\n"
            }
        }
        while !open.isEmpty {
            open.removeLast()
            out += indent() + "</hcontainer>\n"
        }
        out += """
            </mainBody>
          </doc>
        </akomaNtoso>

        """
        return out
    }

    /// `value` escaped for XML content and attributes, without the characters XML 1.0 forbids.
    static func text(_ value: String) -> String {
        let allowed = String(value.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" }.map(Character.init))
        return HTMLEscaping.escape(allowed)
    }

    /// A name as one segment of an FRBR URI: letters, digits, `-`, `.` and `_`; anything else `-`.
    static func uriPart(_ value: String) -> String {
        String(value.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_") ? $0 : "-" })
    }

    static func isoDate(_ date: Date, _ zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// The ISO 639-2 code of the text's language, as far as its script tells among the six UN
    /// languages: Chinese (`zho`), Arabic (`ara`), Russian (`rus`, Cyrillic); otherwise English
    /// (`eng`): French and Spanish are not told apart from it by their script.
    static func languageCode(of document: DraftDocument) -> String {
        var han = 0, arabic = 0, cyrillic = 0, latin = 0
        for block in document.blocks {
            for scalar in block.text.unicodeScalars {
                switch scalar.value {
                case 0x4E00...0x9FFF, 0x3400...0x4DBF: han += 1
                case 0x0600...0x06FF: arabic += 1
                case 0x0400...0x04FF: cyrillic += 1
                case 0x41...0x5A, 0x61...0x7A: latin += 1
                default: break
                }
            }
        }
        let counts = [("zho", han), ("ara", arabic), ("rus", cyrillic), ("eng", latin)]
        return counts.max { $0.1 < $1.1 }.map { $0.1 == 0 ? "eng" : $0.0 } ?? "eng"
    }
}
