import Foundation

/// One step of a difference between two sequences `a` and `b`.
public struct DiffEdit: Sendable, Equatable, Hashable {
    public enum Kind: Sendable, Equatable, Hashable {
        /// `a[a] == b[b]`.
        case equal
        /// `a[a]` is removed; `b` is the empty range where it was.
        case delete
        /// `b[b]` is added; `a` is the empty range where it goes.
        case insert
    }

    public var kind: Kind
    public var a: Range<Int>
    public var b: Range<Int>

    public init(kind: Kind, a: Range<Int>, b: Range<Int>) {
        self.kind = kind
        self.a = a
        self.b = b
    }
}

/// A changed region: `a[a]` is replaced by `b[b]` (either range may be empty).
public struct DiffHunk: Sendable, Equatable, Hashable {
    public var a: Range<Int>
    public var b: Range<Int>

    public init(a: Range<Int>, b: Range<Int>) {
        self.a = a
        self.b = b
    }
}

/// Sequence comparison: Myers' O(ND) algorithm in linear space (middle-snake bisection), after
/// trimming the common prefix and suffix.
///
/// The edit cost explored in one bisection is capped; past the cap the split is taken at the
/// furthest point reached, so very different large inputs cost O((N+M)·cap) time and O(N+M)
/// memory and still give a valid (if not minimal) difference.
public enum Diff {

    /// The largest number of edits one bisection step explores before it splits heuristically.
    public static let defaultCostLimit = 512

    /// The edit script turning `a` into `b`: alternating equal and changed runs, a deletion
    /// listed before the insertion that replaces it.
    public static func edits<T: Hashable>(_ a: [T], _ b: [T], costLimit: Int = defaultCostLimit) -> [DiffEdit] {
        let runs = matchingRuns(a, b, costLimit: costLimit)
        var result: [DiffEdit] = []
        var ia = 0
        var ib = 0
        func flushChange(toA: Int, toB: Int) {
            if ia < toA { result.append(DiffEdit(kind: .delete, a: ia..<toA, b: ib..<ib)) }
            if ib < toB { result.append(DiffEdit(kind: .insert, a: toA..<toA, b: ib..<toB)) }
        }
        for run in runs {
            flushChange(toA: run.a, toB: run.b)
            result.append(DiffEdit(kind: .equal, a: run.a..<(run.a + run.length), b: run.b..<(run.b + run.length)))
            ia = run.a + run.length
            ib = run.b + run.length
        }
        flushChange(toA: a.count, toB: b.count)
        return result
    }

    /// The changed regions only, in order; each is a replacement of `a[a]` by `b[b]`.
    public static func hunks<T: Hashable>(_ a: [T], _ b: [T], costLimit: Int = defaultCostLimit) -> [DiffHunk] {
        hunks(fromRuns: matchingRuns(a, b, costLimit: costLimit), countA: a.count, countB: b.count)
    }

    /// `hunks(a, b)` for elements already numbered: `a[i] == b[j]` exactly when the ids are equal.
    static func hunks(ids a: [Int32], _ b: [Int32], costLimit: Int = defaultCostLimit) -> [DiffHunk] {
        hunks(fromRuns: matchingRuns(ids: a, b, costLimit: costLimit), countA: a.count, countB: b.count)
    }

    static func hunks(fromRuns runs: [MatchingRun], countA: Int, countB: Int) -> [DiffHunk] {
        var result: [DiffHunk] = []
        var ia = 0
        var ib = 0
        for run in runs {
            if ia < run.a || ib < run.b { result.append(DiffHunk(a: ia..<run.a, b: ib..<run.b)) }
            ia = run.a + run.length
            ib = run.b + run.length
        }
        if ia < countA || ib < countB { result.append(DiffHunk(a: ia..<countA, b: ib..<countB)) }
        return result
    }

    /// A run of equal elements: `a[a..<a+length] == b[b..<b+length]`.
    struct MatchingRun: Equatable {
        var a: Int
        var b: Int
        var length: Int
    }

    /// Maximal runs of equal elements, in order, adjacent runs merged.
    static func matchingRuns<T: Hashable>(_ a: [T], _ b: [T], costLimit: Int) -> [MatchingRun] {
        // Compare small integers rather than the elements themselves.
        var ids: [T: Int32] = [:]
        ids.reserveCapacity(min(a.count, 1 << 16))
        var idsA = [Int32]()
        idsA.reserveCapacity(a.count)
        for element in a {
            if let id = ids[element] { idsA.append(id) } else {
                let id = Int32(ids.count)
                ids[element] = id
                idsA.append(id)
            }
        }
        var idsB = [Int32]()
        idsB.reserveCapacity(b.count)
        for element in b {
            // An element absent from `a` can never match: give each one a distinct negative id.
            idsB.append(ids[element] ?? Int32(-1 - idsB.count))
        }
        return matchingRuns(ids: idsA, idsB, costLimit: costLimit)
    }

    /// `matchingRuns` on the elements' ids.
    static func matchingRuns(ids idsA: [Int32], _ idsB: [Int32], costLimit: Int) -> [MatchingRun] {
        var runs: [MatchingRun] = []
        idsA.withUnsafeBufferPointer { pa in
            idsB.withUnsafeBufferPointer { pb in
                let limit = max(1, costLimit)
                // The longest diagonal arrays any bisection of these inputs uses (`bisect`'s `length`).
                let length = 2 * (min((pa.count + pb.count + 1) / 2, limit + 1) + 1) + 2
                let forward = UnsafeMutableBufferPointer<Int>.allocate(capacity: length)
                let backward = UnsafeMutableBufferPointer<Int>.allocate(capacity: length)
                defer {
                    forward.deallocate()
                    backward.deallocate()
                }
                var engine = MyersEngine(a: pa, b: pb, costLimit: limit, forward: forward, backward: backward)
                engine.compare(0, pa.count, 0, pb.count)
                runs = engine.runs
            }
        }
        return runs
    }
}

/// Linear-space Myers with middle-snake bisection (after diff-match-patch's `diff_bisect`).
private struct MyersEngine {
    let a: UnsafeBufferPointer<Int32>
    let b: UnsafeBufferPointer<Int32>
    let costLimit: Int
    var runs: [Diff.MatchingRun] = []
    /// The furthest x reached on each diagonal, forward and backward: buffers the caller owns, as
    /// long as the longest `length` a bisection needs (arrays here were checked and kept unique at
    /// every access: `bisect` took 112.7 M instructions instead of 99.0 M in a `redline` of 1,000
    /// paragraphs).
    private let forward: UnsafeMutableBufferPointer<Int>
    private let backward: UnsafeMutableBufferPointer<Int>

    init(a: UnsafeBufferPointer<Int32>, b: UnsafeBufferPointer<Int32>, costLimit: Int,
         forward: UnsafeMutableBufferPointer<Int>, backward: UnsafeMutableBufferPointer<Int>) {
        self.a = a
        self.b = b
        self.costLimit = costLimit
        self.forward = forward
        self.backward = backward
    }

    private mutating func addRun(_ ia: Int, _ ib: Int, _ length: Int) {
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

    /// A point (x, y) on an edit path from (aLow, bLow) to (aHigh, bHigh) that splits the problem,
    /// or nil when the two ranges share nothing worth aligning.
    private mutating func bisect(_ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int) -> (Int, Int)? {
        let n = aHigh - aLow
        let m = bHigh - bLow
        let maxD = min((n + m + 1) / 2, costLimit + 1)
        let offset = maxD + 1
        let length = 2 * offset + 2
        precondition(length <= forward.count)
        UnsafeMutableBufferPointer(rebasing: forward[0..<length]).update(repeating: -1)
        UnsafeMutableBufferPointer(rebasing: backward[0..<length]).update(repeating: -1)
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
        // The cost limit was reached (or nothing matched): split at the furthest point the forward
        // search reached, if that makes progress; otherwise treat the middle as one replacement.
        if maxD < (n + m + 1) / 2, bestReach > 0, bestReach < n + m, bestX <= n, bestY <= m,
           !(bestX == n && bestY == m) {
            return (aLow + bestX, bLow + bestY)
        }
        return nil
    }
}
