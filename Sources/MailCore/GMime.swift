import CGMime
import Foundation

/// GMime, set up once per process before the first message is parsed. `MailParser` touches
/// `GMime.ready` at each entry point (as GitCore does with libgit2: a lazily initialised global
/// first read inside a C call's arguments would be read too late).
enum GMime {
    static let ready: Bool = {
        g_mime_init()
        return true
    }()

    /// A C string GMime owns, copied (nil stays nil).
    static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// A C string GMime allocated for the caller, copied and freed.
    static func taking(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        defer { g_free(pointer) }
        return String(cString: pointer)
    }

    /// The bytes a memory stream holds.
    static func bytes(of stream: UnsafeMutablePointer<GMimeStream>) -> Data {
        guard let array = g_mime_stream_mem_get_byte_array(draftflow_gmime_as_stream_mem(stream)), array.pointee.len > 0 else { return Data() }
        return Data(bytes: array.pointee.data, count: Int(array.pointee.len))
    }

    /// An instant as a mail header writes it (RFC 5322, with the obsolete forms GMime accepts).
    static func date(_ text: String) -> Date? {
        guard let parsed = g_mime_utils_header_decode_date(text) else { return nil }
        defer { g_date_time_unref(parsed) }
        return Date(timeIntervalSince1970: TimeInterval(g_date_time_to_unix(parsed)))
    }
}

/// What GMime could not read.
public struct MailError: Error, Equatable, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}
