import DraftFlow
import Foundation

/// What every sheet of an .xlsx workbook shares: its sheets in order, with the part of each, and
/// its shared strings.
enum SpreadsheetWorkbook {
    struct Sheet {
        var name: String
        /// The part's path in the package: `xl/worksheets/sheet1.xml`.
        var path: String
    }

    /// The workbook's sheets in the order the workbook lists them (xl/workbook.xml, resolved
    /// through xl/_rels/workbook.xml.rels).
    static func sheets(of package: OOXMLPackage) throws -> [Sheet] {
        guard let workbook = try package.part("xl/workbook.xml") else {
            throw DraftFlowError(.invalidInput, "\(SafeName.display(package.name)) is not a spreadsheet (it has no xl/workbook.xml)",
                                 fix: "save the ISO commenting template as an Excel workbook (.xlsx)")
        }
        var targets: [String: String] = [:]
        if let relations = try package.part("xl/_rels/workbook.xml.rels") {
            try XMLEvents.read(relations, part: "xl/_rels/workbook.xml.rels", of: package.name) { event in
                if case .start("Relationship", let attributes) = event, let id = attributes["Id"], let target = attributes["Target"] {
                    targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                }
            }
        }
        var sheets: [Sheet] = []
        try XMLEvents.read(workbook, part: "xl/workbook.xml", of: package.name) { event in
            if case .start("sheet", let attributes) = event {
                let name = attributes["name"] ?? "Sheet\(sheets.count + 1)"
                let path = attributes["id"].flatMap { targets[$0] } ?? "xl/worksheets/sheet\(sheets.count + 1).xml"
                sheets.append(Sheet(name: name, path: path))
            }
        }
        return sheets
    }

    /// The shared strings (xl/sharedStrings.xml), each the text of its runs without phonetic
    /// readings; none when the workbook has no such part.
    static func sharedStrings(of package: OOXMLPackage) throws -> [String] {
        guard let data = try package.part("xl/sharedStrings.xml") else { return [] }
        var strings: [String] = []
        var current = ""
        var inItem = false, inPhonetic = false, inText = false
        try XMLEvents.read(data, part: "xl/sharedStrings.xml", of: package.name) { event in
            switch event {
            case .start("si", _): inItem = true; current = ""
            case .end("si"): inItem = false; strings.append(current)
            case .start("rPh", _): inPhonetic = true
            case .end("rPh"): inPhonetic = false
            case .start("t", _): inText = inItem && !inPhonetic
            case .end("t"): inText = false
            case .text(let text): if inText { current += text }
            default: break
            }
        }
        return strings
    }

    /// A range of merged cells (`A5:A7`): its first column and its rows.
    struct MergedCells {
        var column: Int
        var rows: ClosedRange<Int>

        init?(_ reference: String) {
            let ends = reference.split(separator: ":")
            guard ends.count == 2, let column = columnIndex(String(ends[0])),
                  let first = Int(ends[0].drop { $0.isLetter }), let last = Int(ends[1].drop { $0.isLetter }), first <= last else { return nil }
            self.column = column
            rows = first...last
        }
    }

    /// The 0-based column of a cell reference (`C12` is 2); nil when it has no column letters.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar.isASCII, ("A"..."Z").contains(scalar) else { break }
            index = index * 26 + Int(scalar.value - 64)
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : index - 1
    }

    /// A numeric cell as a person reads it: `12` for 12.0, `2.3` for 2.2999999999999998.
    static func number(_ saved: String) -> String {
        let text = saved.trimmingCharacters(in: .whitespaces)
        guard let value = Double(text), value.isFinite else { return text }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
