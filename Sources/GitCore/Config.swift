import Clibgit2
import Foundation

extension Repository {
    /// The value of the configuration key `name` as git reads it (the repository's own config,
    /// then the user's and the system's), or nil when no level sets it.
    public func configValue(_ name: String) throws -> String? {
        let config = try Handle("git_repository_config_snapshot", free: git_config_free, owner: self) {
            git_repository_config_snapshot(&$0, pointer)
        }
        return try config.read { config in
            var value: UnsafePointer<CChar>?
            let code = git_config_get_string(&value, config, name)
            if code == GIT_ENOTFOUND.rawValue { return nil }
            try check(code, "git_config_get_string(\(name))")
            // The string lives as long as the snapshot: copied before it goes (docs/LIBGIT2.md, item 6).
            return value.map { String(cString: $0) }
        }
    }

    /// Every configuration entry whose full name (`section.subsection.key`, section and key in
    /// lowercase) matches the regular expression `pattern`, in the order git reads them.
    public func configEntries(matching pattern: String) throws -> [(name: String, value: String)] {
        let config = try Handle("git_repository_config_snapshot", free: git_config_free, owner: self) {
            git_repository_config_snapshot(&$0, pointer)
        }
        return try config.read { config in
            var iterator: OpaquePointer?
            try check(git_config_iterator_glob_new(&iterator, config, pattern), "git_config_iterator_glob_new")
            defer { git_config_iterator_free(iterator) }
            var entries: [(name: String, value: String)] = []
            var entry: UnsafeMutablePointer<git_config_entry>?
            while true {
                let code = git_config_next(&entry, iterator)
                if code == GIT_ITEROVER.rawValue { break }
                try check(code, "git_config_next")
                guard let entry, let name = entry.pointee.name else { continue }
                entries.append((String(cString: name), entry.pointee.value.map { String(cString: $0) } ?? ""))
            }
            return entries
        }
    }

    /// Sets `name` to `value` in the repository's own configuration file (`config` in its git
    /// folder), as `git config name value` does.
    public func setConfigValue(_ name: String, _ value: String) throws {
        let config = try Handle("git_repository_config", free: git_config_free, owner: self) { git_repository_config(&$0, pointer) }
        let local = try config.read { config in
            try Handle("git_config_open_level", free: git_config_free, owner: self) {
                git_config_open_level(&$0, config, GIT_CONFIG_LEVEL_LOCAL)
            }
        }
        try local.read { try check(git_config_set_string($0, name, value), "git_config_set_string(\(name))") }
    }
}
