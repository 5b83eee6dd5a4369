import Foundation

extension ExportSize {
    /// Measures a Word document as pandoc is given it: its paragraphs, headings and table rows
    /// (`blocks`), the longest paragraph's text, and `jsonBytes`, the size of its pandoc JSON.
    public init(document: PandocDocument, jsonBytes: Int) {
        self.init()
        totalBytes = jsonBytes
        measure = "pandoc JSON"
        func text(_ inlines: [PandocInline]) -> Int {
            inlines.reduce(0) { sum, inline in
                switch inline {
                case .text(let s): return sum + s.utf8.count
                case .strong(let inner), .emph(let inner), .span(_, let inner): return sum + text(inner)
                }
            }
        }
        func add(_ blocks: [PandocBlock]) {
            for block in blocks {
                switch block {
                case .para(let inlines), .plain(let inlines), .header(_, let inlines):
                    self.blocks += 1
                    longestBlock = max(longestBlock, text(inlines))
                case .div(_, let inner):
                    add(inner)
                case .openXML:
                    break
                case .table(let table):
                    self.blocks += table.rows.count + (table.head.isEmpty ? 0 : 1)
                    for cell in table.rows.joined() { longestBlock = max(longestBlock, cellText(cell)) }
                }
            }
        }
        func cellText(_ blocks: [PandocBlock]) -> Int {
            blocks.reduce(0) { sum, block in
                switch block {
                case .para(let inlines), .plain(let inlines), .header(_, let inlines): return sum + text(inlines)
                case .div(_, let inner): return sum + cellText(inner)
                case .openXML, .table: return sum
                }
            }
        }
        add(document.blocks)
    }
}
