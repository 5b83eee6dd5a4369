import Foundation
import LineSplitting

/// A JSON text in pieces, written out one after the other: bytes as they are, and pretty-printed
/// JSON from a file moved two spaces in (one level down: blank lines stay blank, and the piece's
/// first line goes on where the piece before it stopped, after a field's key).
///
/// `merge --json` prints the merge record with the round's edits and changes in it, taken from the
/// files the merge has just written. Put together in one buffer they were the 44 MB edits moved
/// in, copied into the record, and the record copied into a `Data`: 130 MB of fresh memory at 772
/// members, each page zeroed by the kernel (BENCHMARKS.md, "the merge's JSON written in pieces").
public struct JSONPieces: Sendable {
    public enum Piece: Sendable {
        case bytes(Data)
        /// Pretty-printed JSON at the top level, written two spaces in.
        case indented(Data)
    }

    public let pieces: [Piece]

    public init(_ pieces: [Piece]) {
        self.pieces = pieces
    }

    /// The bytes of the whole text.
    public var data: Data {
        var out = Data()
        out.reserveCapacity(pieces.reduce(0) { total, piece in
            switch piece {
            case .bytes(let bytes): total + bytes.count
            case .indented(let json): total + json.count + json.count / 8
            }
        })
        write(bufferSize: 1 << 20) { out.append(contentsOf: $0) }
        return out
    }

    /// Whether `test` holds for the bytes of any piece (for an indented piece, its bytes before
    /// the move: it only adds spaces).
    public func contains(where test: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        pieces.contains { piece in
            switch piece {
            case .bytes(let bytes): bytes.withUnsafeBytes(test)
            case .indented(let json): json.withUnsafeBytes(test)
            }
        }
    }

    /// Hands the whole text to `sink` in order, in runs of at most `bufferSize` bytes (longer only
    /// for a line of an indented piece longer than that); `sink` must not keep the buffer it is
    /// given.
    public func write(bufferSize: Int, _ sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        precondition(bufferSize > 0, "a buffer holds at least one byte")
        var buffer: [UInt8] = []
        buffer.reserveCapacity(bufferSize)
        func flush() throws {
            if !buffer.isEmpty { try buffer.withUnsafeBytes(sink) }
            buffer.removeAll(keepingCapacity: true)
        }
        for piece in pieces {
            switch piece {
            case .bytes(var rest):
                while !rest.isEmpty {
                    if buffer.count >= bufferSize { try flush() }
                    let taken = rest.prefix(bufferSize - buffer.count)
                    buffer.append(contentsOf: taken)
                    rest = rest.dropFirst(taken.count)
                }
            case .indented(let json):
                try json.withUnsafeBytes { raw in
                    let bytes = raw.bindMemory(to: UInt8.self)
                    try LineSplitter.forEachRange(in: bytes) { line in
                        if buffer.count + line.count + 2 > bufferSize { try flush() }
                        // The first line goes on after the key; blank lines stay blank.
                        if line.lowerBound > 0 && bytes[line.lowerBound] != 0x0A { buffer.append(contentsOf: [0x20, 0x20]) }
                        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[line]))
                    }
                }
            }
        }
        try flush()
    }
}
