@testable import DraftFlow
import Testing
import TestSupport

/// Myers' bisection keeps its diagonals in two buffers allocated once per comparison, where it
/// kept them in arrays grown and refilled for every bisection. The runs must be those of the
/// arrays' engine, kept here as it was, on generated sequences: similar and unrelated ones, small
/// and large alphabets, and cost limits low enough that the bisection splits at its furthest point.
@Suite struct MyersBuffersTests {
    @Test func theRunsAreThoseOfTheArraysEngine() {
        var generator = SeededGenerator(seed: 4242)
        var heuristic = 0
        for round in 0..<3_000 {
            let alphabet = Int32(1 + generator.next() % (round % 3 == 0 ? 4 : 60))
            let a = (0..<Int(generator.next() % 120)).map { _ in Int32(generator.next() % UInt64(alphabet)) }
            var b = a
            if generator.next() % 4 == 0 {
                b = (0..<Int(generator.next() % 120)).map { _ in Int32(generator.next() % UInt64(alphabet)) }
            } else {
                for _ in 0..<Int(generator.next() % 12) {
                    let position = b.isEmpty ? 0 : Int(generator.next() % UInt64(b.count + 1))
                    switch generator.next() % 3 {
                    case 0: b.insert(contentsOf: (0..<Int(1 + generator.next() % 6)).map { _ in Int32(generator.next() % UInt64(alphabet)) }, at: position)
                    case 1: if position < b.count { b.removeSubrange(position..<min(b.count, position + Int(1 + generator.next() % 6))) }
                    default: if position < b.count { b[position] = Int32(generator.next() % UInt64(alphabet)) }
                    }
                }
            }
            let costLimit = [1, 2, 3, 5, 8, 20, Diff.defaultCostLimit][Int(generator.next() % 7)]
            let runs = Diff.matchingRuns(ids: a, b, costLimit: costLimit)
            #expect(runs == Self.arraysEngineRuns(a, b, costLimit: costLimit), "\(a) → \(b), limit \(costLimit)")
            if costLimit < (a.count + b.count) / 4 { heuristic += 1 }
        }
        #expect(heuristic > 500)
    }

    /// `Diff.matchingRuns(ids:_:costLimit:)` as it was, its diagonals in arrays.
    static func arraysEngineRuns(_ a: [Int32], _ b: [Int32], costLimit: Int) -> [Diff.MatchingRun] {
        var engine = ArraysEngine(a: a, b: b, costLimit: max(1, costLimit))
        engine.compare(0, a.count, 0, b.count)
        return engine.runs
    }

    private struct ArraysEngine {
        let a: [Int32]
        let b: [Int32]
        let costLimit: Int
        var runs: [Diff.MatchingRun] = []
        var forward: [Int] = []
        var backward: [Int] = []

        init(a: [Int32], b: [Int32], costLimit: Int) {
            self.a = a
            self.b = b
            self.costLimit = costLimit
        }

        mutating func addRun(_ ia: Int, _ ib: Int, _ length: Int) {
            guard length > 0 else { return }
            if let last = runs.last, last.a + last.length == ia, last.b + last.length == ib {
                runs[runs.count - 1].length += length
            } else {
                runs.append(Diff.MatchingRun(a: ia, b: ib, length: length))
            }
        }

        mutating func compare(_ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int) {
            var aLow = aLow, aHigh = aHigh, bLow = bLow, bHigh = bHigh
            var prefix = 0
            while aLow + prefix < aHigh && bLow + prefix < bHigh && a[aLow + prefix] == b[bLow + prefix] { prefix += 1 }
            addRun(aLow, bLow, prefix)
            aLow += prefix
            bLow += prefix
            var suffix = 0
            while aHigh - suffix > aLow && bHigh - suffix > bLow && a[aHigh - 1 - suffix] == b[bHigh - 1 - suffix] { suffix += 1 }
            aHigh -= suffix
            bHigh -= suffix
            if aLow < aHigh && bLow < bHigh, let (x, y) = bisect(aLow, aHigh, bLow, bHigh) {
                compare(aLow, x, bLow, y)
                compare(x, aHigh, y, bHigh)
            }
            addRun(aHigh, bHigh, suffix)
        }

        mutating func bisect(_ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int) -> (Int, Int)? {
            let n = aHigh - aLow
            let m = bHigh - bLow
            let maxD = min((n + m + 1) / 2, costLimit + 1)
            let offset = maxD + 1
            let length = 2 * offset + 2
            if forward.count < length {
                forward = [Int](repeating: -1, count: length)
                backward = [Int](repeating: -1, count: length)
            } else {
                for i in 0..<length {
                    forward[i] = -1
                    backward[i] = -1
                }
            }
            forward[offset + 1] = 0
            backward[offset + 1] = 0
            let delta = n - m
            let frontChecks = delta % 2 != 0
            var k1Start = 0, k1End = 0, k2Start = 0, k2End = 0
            var bestX = 0, bestY = 0, bestReach = -1
            for d in 0..<maxD {
                var k1 = -d + k1Start
                while k1 <= d - k1End {
                    let k1Offset = offset + k1
                    var x1: Int
                    if k1 == -d || (k1 != d && forward[k1Offset - 1] < forward[k1Offset + 1]) {
                        x1 = forward[k1Offset + 1]
                    } else {
                        x1 = forward[k1Offset - 1] + 1
                    }
                    var y1 = x1 - k1
                    while x1 < n && y1 < m && a[aLow + x1] == b[bLow + y1] {
                        x1 += 1
                        y1 += 1
                    }
                    forward[k1Offset] = x1
                    if x1 > n {
                        k1End += 2
                    } else if y1 > m {
                        k1Start += 2
                    } else {
                        if x1 + y1 > bestReach {
                            bestReach = x1 + y1
                            bestX = x1
                            bestY = y1
                        }
                        if frontChecks {
                            let k2Offset = offset + delta - k1
                            if k2Offset >= 0 && k2Offset < length && backward[k2Offset] != -1 {
                                if x1 >= n - backward[k2Offset] { return (aLow + x1, bLow + y1) }
                            }
                        }
                    }
                    k1 += 2
                }
                var k2 = -d + k2Start
                while k2 <= d - k2End {
                    let k2Offset = offset + k2
                    var x2: Int
                    if k2 == -d || (k2 != d && backward[k2Offset - 1] < backward[k2Offset + 1]) {
                        x2 = backward[k2Offset + 1]
                    } else {
                        x2 = backward[k2Offset - 1] + 1
                    }
                    var y2 = x2 - k2
                    while x2 < n && y2 < m && a[aHigh - 1 - x2] == b[bHigh - 1 - y2] {
                        x2 += 1
                        y2 += 1
                    }
                    backward[k2Offset] = x2
                    if x2 > n {
                        k2End += 2
                    } else if y2 > m {
                        k2Start += 2
                    } else if !frontChecks {
                        let k1Offset = offset + delta - k2
                        if k1Offset >= 0 && k1Offset < length && forward[k1Offset] != -1 {
                            let x1 = forward[k1Offset]
                            let y1 = offset + x1 - k1Offset
                            if x1 >= n - x2 { return (aLow + x1, bLow + y1) }
                        }
                    }
                    k2 += 2
                }
            }
            if maxD < (n + m + 1) / 2, bestReach > 0, bestReach < n + m, bestX <= n, bestY <= m,
               !(bestX == n && bestY == m) {
                return (aLow + bestX, bLow + bestY)
            }
            return nil
        }
    }
}
