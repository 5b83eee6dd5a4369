import DraftFlow

/// `withErrorHandling` for the commands that wait for other programs (pandoc, a PDF engine):
/// the same message and exit code for a DraftFlow error.
func withErrorHandling(_ body: () async throws -> Void) async throws {
    defer { printStorageNotices() }
    do {
        try await body()
    } catch let error as DraftFlowError {
        try withErrorHandling { throw error }
    }
}
