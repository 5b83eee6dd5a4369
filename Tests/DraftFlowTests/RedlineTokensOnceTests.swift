@testable import DraftFlow
import Foundation
import Testing
import TestSupport

/// The redline tokenizes each block once (`BlockTokens`): pairs are weighed from sorted bags of
/// interned ids and words compared as ids, where the general code built a bag of strings for every
/// pair weighed and tokenized every compared pair again. Both must give the same pairings, the
/// same moves and the same segments, on edits, moves, splits, joins, Chinese without spaces,
/// composed and decomposed accents and characters that join across a space.
@Suite struct RedlineTokensOnceTests {
    /// Pieces of text, some chosen to sit where the fast paths cut: a combining mark after a space,
    /// two spaces, a tab, the Arabic number sign (which joins the character after it), canonically
    /// equivalent spellings (é composed or not, the Kelvin sign and K, the Greek question mark and
    /// the semicolon), emoji and flags.
    static let pieces = ["the", "Council", "welcomes", "ITU", "café", "cafe\u{301}", "résumé", "re\u{301}sume\u{301}", "broadband",
                         "goals", "2030", "(a)", ",", ".", ";", "\u{37E}", "K", "\u{212A}", "«", "»", "—", "👍🏽", "🇨🇭",
                         "理事会", "欢迎", "数字", "包容", "。", "，", "Совет", "приветствует", "المجلس", "يرحب", "بِالدَّعوة",
                         "\u{600}", "\u{301}", "x\u{200D}y", "~", "_", "<b>", "&", "\\", "*"]
    static let separators = [" ", " ", " ", " ", "  ", "\t", " \u{301}", ""]

    static func paragraph(_ generator: inout SeededGenerator) -> String {
        var text = ""
        switch generator.next() % 6 {
        case 0: text = "\(1 + generator.next() % 9).\(1 + generator.next() % 9) "
        case 1: text = "## \(1 + generator.next() % 9) "
        case 2: text = "\(1 + generator.next() % 9).\(1 + generator.next() % 9)\t"
        default: break
        }
        let chinese = generator.next() % 5 == 0
        for index in 0..<(2 + Int(generator.next() % 14)) {
            if chinese {
                text += generator.pick(["理事会", "欢迎", "数字", "包容", "发展", "目标", "。", "，", "国际电联", "支持"])
            } else {
                if index > 0 { text += generator.pick(Self.separators) }
                text += generator.pick(Self.pieces)
            }
        }
        return text.isEmpty ? "x" : text
    }

    /// A few words of a paragraph replaced, inserted or deleted, at its ends or in its middle.
    static func edited(_ text: String, _ generator: inout SeededGenerator) -> String {
        var characters = Array(text)
        for _ in 0..<(1 + Int(generator.next() % 4)) {
            let position = characters.isEmpty ? 0 : Int(generator.next() % UInt64(characters.count + 1))
            switch generator.next() % 4 {
            case 0: characters.insert(contentsOf: Array(generator.pick(Self.separators) + generator.pick(Self.pieces)), at: position)
            case 1: if position < characters.count { characters.removeSubrange(position..<min(characters.count, position + 3)) }
            case 2: characters.insert(contentsOf: Array(generator.pick(["理", "事", "会", "欢", "迎"])), at: position)
            default: if position < characters.count { characters[position] = Array(generator.pick(Self.pieces)).first ?? "x" }
            }
        }
        let result = String(characters).trimmingCharacters(in: .whitespacesAndNewlines)
        return result.isEmpty ? "y" : result
    }

    /// A later version of a list of paragraphs: edits in place, moves, splits, joins, insertions,
    /// deletions, and often none but edits (the in-place alignment).
    static func revised(_ old: [String], _ generator: inout SeededGenerator) -> [String] {
        var new = old
        let structural = generator.next() % 3 != 0
        for _ in 0..<(1 + Int(generator.next() % UInt64(max(1, old.count)))) {
            guard !new.isEmpty else { break }
            let index = Int(generator.next() % UInt64(new.count))
            switch structural ? generator.next() % 7 : 0 {
            case 0, 1: new[index] = Self.edited(new[index], &generator)
            case 2:  // moved, sometimes edited too
                let moved = new.remove(at: index)
                new.insert(generator.next() % 2 == 0 ? moved : Self.edited(moved, &generator), at: Int(generator.next() % UInt64(new.count + 1)))
            case 3:  // split in two
                let words = new[index].split(separator: " ", omittingEmptySubsequences: false)
                if words.count > 2 {
                    let cut = words.count / 2
                    new[index] = words[..<cut].joined(separator: " ")
                    new.insert(words[cut...].joined(separator: " "), at: index + 1)
                }
            case 4:  // joined with the next
                if index + 1 < new.count { new[index] += " " + new.remove(at: index + 1) }
            case 5: new.insert(Self.paragraph(&generator), at: index)
            default: new.remove(at: index)
            }
        }
        return new.isEmpty ? ["z"] : new
    }

    static func general(_ old: [String], _ new: [String]) -> [BlockAlignment.Step] {
        BlockAlignment.align(old, new, pairScore: { BlockAlignment.pairScore(old[$0], new[$1]) })
    }

    @Test func pairScoresAndSimilaritiesAreThoseOfTheTokenBags() {
        var generator = SeededGenerator(seed: 1701)
        for _ in 0..<60 {
            let old = (0..<6).map { _ in Self.paragraph(&generator) }
            let new = old.map { generator.next() % 2 == 0 ? Self.edited($0, &generator) : Self.paragraph(&generator) }
            let tokens = BlockTokens(old: old, new: new)
            for i in old.indices {
                for j in new.indices {
                    #expect(tokens.pairScore(old: i, new: j) == BlockAlignment.pairScore(old[i], new[j]), "\(old[i].debugDescription) \(new[j].debugDescription)")
                    let bags = BlockAlignment.similarity(BlockAlignment.TokenBag(body: old[i]), BlockAlignment.TokenBag(body: new[j]))
                    #expect(tokens.similarity(old: i, new: j) == bags)
                }
            }
        }
        // Exact equality of the scores, not closeness: 3 common tokens of 7 and 5.
        let tokens = BlockTokens(old: ["1.1 a b c d e f g"], new: ["1.1 a b c x y"])
        #expect(tokens.pairScore(old: 0, new: 0) == 6.0 / 12.0 + 0.15)
    }

    @Test func theAlignmentStepsAreTheGeneralCodes() {
        var generator = SeededGenerator(seed: 2026)
        var inPlace = 0, regions = 0
        for _ in 0..<500 {
            let old = (0..<(1 + Int(generator.next() % 14))).map { _ in Self.paragraph(&generator) }
            let new = Self.revised(old, &generator)
            let steps = BlockAlignment.align(old, new)
            #expect(steps == Self.general(old, new), "\(old) → \(new)")
            if old.count == new.count && steps.allSatisfy({ if case .modified(let i, let j) = $0 { return i == j }; return true }) {
                inPlace += 1
            } else {
                regions += 1
            }
        }
        #expect(inPlace > 50)
        #expect(regions > 150)
    }

    @Test func theRedlineIsTheGeneralCodes() {
        var generator = SeededGenerator(seed: 17)
        var moved = 0, modified = 0
        for _ in 0..<400 {
            let oldBlocks = (0..<(1 + Int(generator.next() % 12))).map { _ in Self.paragraph(&generator) }
            let old = DraftDocument.render(blockTexts: oldBlocks)
            let new = DraftDocument.render(blockTexts: Self.revised(oldBlocks, &generator))
            let fast = Redline.compare(old: old, new: new)
            let general = Redline.compare(old: old, new: new, tokenizingOnce: false)
            #expect(fast == general, "\(old.debugDescription) → \(new.debugDescription)")
            #expect(Redline.markdown(fast) == Redline.markdown(general))
            #expect(Redline.html(fast) == Redline.html(general))
            moved += fast.filter { if case .moved = $0.status { return true }; return false }.count
            modified += fast.filter { $0.status == .modified }.count
        }
        #expect(moved > 20)
        #expect(modified > 300)
    }

    /// Every pair of blocks, both tokenized: the segments from the whole texts' tokens are those
    /// `segments(old:new:)` gives tokenizing the middle; most pairs take the tokens' path.
    @Test func segmentsFromTheWholeTokensAreThoseOfTheMiddle() {
        var generator = SeededGenerator(seed: 99)
        var fromTokens = 0, pairs = 0
        for _ in 0..<150 {
            let old = (0..<5).map { _ in Self.paragraph(&generator) }
            let new = old.map { generator.next() % 4 == 0 ? Self.paragraph(&generator) : Self.edited($0, &generator) } + [old[0]]
            let tokens = BlockTokens(old: old, new: new)
            for i in old.indices {
                for j in new.indices {
                    _ = tokens.pairScore(old: i, new: j)
                    #expect(Redline.segments(tokens, old: i, new: j) == Redline.segments(old: old[i], new: new[j]),
                            "\(old[i].debugDescription) → \(new[j].debugDescription)")
                    pairs += 1
                    let (prefix, suffix) = Redline.sharedEnds(old[i], new[j])
                    let a = tokens.old(i), b = tokens.new(j)
                    if a.startsToken(at: prefix) && b.startsToken(at: prefix)
                        && a.startsToken(at: old[i].utf8.count - suffix) && b.startsToken(at: new[j].utf8.count - suffix) {
                        fromTokens += 1
                    }
                }
            }
        }
        #expect(fromTokens * 10 > pairs * 8)
    }

    /// Byte ids are equal exactly when the bytes are; ids by `String` equality exactly when the
    /// strings are equal (é composed and decomposed, K and the Kelvin sign are one token there).
    @Test func theInternerNumbersBytesAndStringsApart() {
        var generator = SeededGenerator(seed: 5)
        var interner = TokenInterner()
        var seen: [(String, Int32)] = []
        for _ in 0..<3_000 {
            let text = generator.pick(Self.pieces) + (generator.next() % 3 == 0 ? generator.pick(Self.pieces) : "")
                + (generator.next() % 5 == 0 ? String(generator.next() % 2_000) : "")
            let id = interner.id(text)
            for (other, otherID) in seen.suffix(200) {
                #expect((id == otherID) == text.utf8.elementsEqual(other.utf8))
                #expect((interner.canonicalOf[Int(id)] == interner.canonicalOf[Int(otherID)]) == (text == other))
            }
            seen.append((text, id))
        }
        #expect(interner.count > 1_024)  // the table grew
        #expect(interner.id("caf\u{E9}") != interner.id("cafe\u{301}"))
        #expect(interner.canonicalOf[Int(interner.id("caf\u{E9}"))] == interner.canonicalOf[Int(interner.id("cafe\u{301}"))])
        #expect(interner.canonicalOf[Int(interner.id("K"))] == interner.canonicalOf[Int(interner.id("\u{212A}"))])
    }
}
