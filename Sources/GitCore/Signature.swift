import Clibgit2
import Foundation

/// Who did something and when: a git author, committer or tagger.
public struct Signature: Equatable, Sendable {
    public var name: String
    public var email: String
    public var time: Date
    /// Offset from UTC in minutes at `time` (e.g. +60 for Geneva in winter).
    public var offsetMinutes: Int

    public init(name: String, email: String, time: Date, offsetMinutes: Int) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    public init(name: String, email: String, time: Date, timeZone: TimeZone) {
        self.init(name: name, email: email, time: time, offsetMinutes: timeZone.secondsFromGMT(for: time) / 60)
    }

    init(_ raw: UnsafePointer<git_signature>) {
        let value = raw.pointee
        name = value.name.map { String(cString: $0) } ?? ""
        email = value.email.map { String(cString: $0) } ?? ""
        time = Date(timeIntervalSince1970: TimeInterval(value.when.time))
        offsetMinutes = Int(value.when.offset)
    }

    /// Calls `body` with a libgit2 signature that lives for the duration of the call.
    @discardableResult
    func withRaw<T>(_ body: (UnsafeMutablePointer<git_signature>) throws -> T) throws -> T {
        var raw: UnsafeMutablePointer<git_signature>?
        try check(git_signature_new(&raw, recordedName, recordedEmail, git_time_t(seconds), Int32(offsetMinutes)), "git_signature_new")
        defer { git_signature_free(raw) }
        return try body(raw!)
    }

    /// The name as git records it: "unknown" when empty, angle brackets and control characters
    /// replaced by spaces (git refuses them; what a person wrote stays readable).
    package var recordedName: String { Signature.clean(name.isEmpty ? "unknown" : name) }
    /// The e-mail as git records it, cleaned like `recordedName`.
    package var recordedEmail: String { Signature.clean(email.isEmpty ? "unknown" : email) }
    /// Whole seconds since 1970, as git records the time.
    package var seconds: Int64 { Int64(time.timeIntervalSince1970.rounded(.down)) }

    private static func clean(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            if scalar == "<" || scalar == ">" || scalar.properties.generalCategory == .control { return " " }
            return Character(scalar)
        }).trimmingCharacters(in: .whitespaces)
    }
}
