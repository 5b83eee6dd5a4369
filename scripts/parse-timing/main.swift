// Times DraftDocument.parse on two 1,000-paragraph drafts, in release mode. Not a test; run it
// from the checkout with:
//   swiftc -O -o /tmp/parse-timing scripts/parse-timing/main.swift \
//     Sources/DraftFlow/Text/DraftDocument.swift Sources/DraftFlow/Text/DraftDocument+Markers.swift \
//     Sources/DraftFlow/Text/AnchorAssigner.swift && /tmp/parse-timing
import Foundation
struct Rng { var s: UInt64; mutating func next() -> UInt64 { s &+= 0x9E3779B97F4A7C15; var z = s; z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) &* 0x94D049BB133111EB; return z ^ (z >> 31) } }
let en = ["the", "council", "welcomes", "invitation", "development", "digital", "access", "members", "states", "progress", "action", "line"]
let zh = ["国", "际", "电", "联", "理", "事", "会", "发", "展", "目", "标", "进", "程"]
func body(_ r: inout Rng, chinese: Bool) -> String {
    if chinese { return (0..<150).map { _ in zh[Int(r.next() % UInt64(zh.count))] }.joined() + "。" }
    return (0..<100).map { _ in en[Int(r.next() % UInt64(en.count))] }.joined(separator: " ") + "."
}
// Benchmark-like: headings and numbered paragraphs only.
func numberedDraft() -> String {
    var r = Rng(s: 1); var lines = ["# Title"]; var section = 0
    for i in 0..<1000 {
        if i % 20 == 0 { section += 1; lines.append("## \(section) Section") }
        lines.append("\(section).\(i % 20 + 1) " + body(&r, chinese: i % 5 == 4))
    }
    return lines.joined(separator: "\n\n") + "\n"
}
// ITU-report-like: numbered paragraphs with sub-items a) 1) i), bullets and unnumbered text.
func listDraft() -> String {
    var r = Rng(s: 2); var lines = ["# Title"]; var section = 0; var n = 0; var i = 0
    let letters = Array("abcdefgh")
    while i < 1000 {
        if i % 40 == 0 { section += 1; n = 0; lines.append("## \(section) Section"); }
        n += 1; lines.append("\(section).\(n) " + body(&r, chinese: i % 5 == 4)); i += 1
        for l in 0..<3 { lines.append("\(letters[l])) " + body(&r, chinese: false)); i += 1
            for k in 1...2 { lines.append("\(k)) " + body(&r, chinese: true)); i += 1 }
            lines.append("i) " + body(&r, chinese: false)); lines.append("ii) " + body(&r, chinese: false)); i += 2 }
        lines.append("• " + body(&r, chinese: false)); lines.append("• " + body(&r, chinese: true)); i += 2
        lines.append(body(&r, chinese: false)); i += 1
    }
    return lines.joined(separator: "\n\n") + "\n"
}
func time(_ name: String, _ text: String) {
    var samples: [Double] = []
    var blocks = 0
    for _ in 0..<60 {
        let start = DispatchTime.now().uptimeNanoseconds
        let d = DraftDocument.parse(text)
        let end = DispatchTime.now().uptimeNanoseconds
        blocks = d.blocks.count
        samples.append(Double(end - start) / 1e6)
    }
    samples.sort()
    print(String(format: "%@: %d blocks, %d bytes: median %.2f ms, min %.2f ms", name, blocks, text.utf8.count, samples[30], samples[0]))
}
time("numbered", numberedDraft())
time("lists   ", listDraft())
