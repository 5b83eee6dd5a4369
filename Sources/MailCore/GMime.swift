internal import CGMime
import Foundation

/// GMime, loaded with dlopen and set up once per process, at the first message read
/// (`functions()`). It is not linked into draftflow: a command that reads no mail neither loads it
/// nor the fifteen libraries it brings. Loaded at most once; a failure is kept and given again.
enum GMime {
    /// GMime's functions, or why they could not be had (read once, then never written).
    nonisolated(unsafe) private static let loaded: Result<UnsafePointer<DraftflowGMime>, GMimeUnavailable> = {
        let functions = UnsafeMutablePointer<DraftflowGMime>.allocate(capacity: 1)
        if let failure = draftflow_gmime_load(functions) {
            functions.deallocate()
            return .failure(GMimeUnavailable(library: DRAFTFLOW_GMIME_SONAME, reason: String(cString: failure)))
        }
        functions.pointee.g_mime_init()
        return .success(UnsafePointer(functions))
    }()

    /// GMime's functions, loaded and GMime set up at the first call.
    static func functions() throws(GMimeUnavailable) -> UnsafePointer<DraftflowGMime> {
        try loaded.get()
    }

    /// A C string GMime owns, copied (nil stays nil).
    static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// A C string GMime allocated for the caller, copied and freed.
    static func taking(_ pointer: UnsafeMutablePointer<CChar>?, _ gmime: UnsafePointer<DraftflowGMime>) -> String? {
        guard let pointer else { return nil }
        defer { gmime.pointee.g_free(pointer) }
        return String(cString: pointer)
    }

    /// The bytes a memory stream holds.
    static func bytes(of stream: UnsafeMutablePointer<GMimeStream>, _ gmime: UnsafePointer<DraftflowGMime>) -> Data {
        guard let memory = draftflow_gmime_as_stream_mem(gmime, stream),
              let array = gmime.pointee.g_mime_stream_mem_get_byte_array(memory), array.pointee.len > 0 else { return Data() }
        return Data(bytes: array.pointee.data, count: Int(array.pointee.len))
    }

    /// An instant as a mail header writes it (RFC 5322, with the obsolete forms GMime accepts);
    /// nil when it is not one, or when GMime cannot be loaded.
    static func date(_ text: String) -> Date? {
        guard let gmime = try? functions().pointee, let parsed = gmime.g_mime_utils_header_decode_date(text) else { return nil }
        defer { gmime.g_date_time_unref(parsed) }
        return Date(timeIntervalSince1970: TimeInterval(gmime.g_date_time_to_unix(parsed)))
    }
}

/// GMime could not be loaded (it is not installed, or not as the build expects): no message can
/// be read.
public struct GMimeUnavailable: Error, Equatable, Sendable {
    /// The library looked for (its soname).
    public var library: String
    /// What the dynamic linker said, or the function the library lacks.
    public var reason: String
}

/// What GMime could not read.
public struct MailError: Error, Equatable, Sendable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}
