import DraftFlow

/// `withErrorHandling` for the commands that wait for other programs (pandoc, a PDF engine):
/// the same message, `fix:` line and exit code for every error.
func withErrorHandling(_ body: () async throws -> Void) async throws {
    defer { printStorageNotices() }
    do {
        try await body()
    } catch {
        try withErrorHandling { throw error }
    }
}
