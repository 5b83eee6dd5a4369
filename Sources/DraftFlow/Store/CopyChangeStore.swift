import Foundation

/// A store that keeps, beside its history and never in a commit, what intake found each edited
/// copy changes (`CopyChanges`), so that a merge need not read and align every copy again.
///
/// It is derived data: a store that lost it (a fresh clone) or holds a damaged part merges by
/// reading the copies, with the same result. Keeping it never fails a command.
public protocol CopyChangeStore {
    /// What is known of copies made from the base with git blob id `base`, by copy blob id.
    func copyChanges(against base: String) -> [String: CandidateBuilder.Aligned]
    /// Keeps `entries` (each `CopyChanges.encodeEntry`) for the base with blob id `base`.
    func keepCopyChanges(_ entries: [Data], against base: String)
}

/// A snapshot that can name the git blob id of a file without reading it.
public protocol SnapshotBlobIDs {
    /// The blob id (hex) of each file at `paths`, nil for each that is missing.
    func blobIDs(_ paths: [String]) throws -> [String?]
}
