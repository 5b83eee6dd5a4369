import Clibgit2

extension Repository {
    /// The full names of the local branches, sorted ("refs/heads/main", ...).
    public func branchNames() throws -> [String] {
        var array = git_strarray()
        try check(git_reference_list(&array, pointer), "git_reference_list")
        defer { git_strarray_dispose(&array) }
        return (0..<array.count).compactMap { array.strings[$0].map { String(cString: $0) } }
            .filter { $0.hasPrefix("refs/heads/") }.sorted()
    }
}
