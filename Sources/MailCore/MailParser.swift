internal import CGMime
import Foundation

/// Reads messages with GMime 3: one message (an `.eml` file, a maildir entry) or every message of
/// an mbox. GMime does the MIME work (headers, RFC 2047 words, multiparts, base64, quoted-printable,
/// charsets); this file only copies what it found into Swift values and frees GMime's objects.
public enum MailParser {
    /// The one message `data` holds.
    public static func message(_ data: Data) throws -> MailMessage {
        let messages = try parse(data, mbox: false)
        guard let message = messages.first else { throw MailError("it is not an e-mail message") }
        return message
    }

    /// Every message of an mbox, in order; each message's `raw` is its bytes between its `From `
    /// line and the blank line before the next one.
    public static func mbox(_ data: Data) throws -> [MailMessage] {
        try parse(data, mbox: true)
    }

    /// Whether `data` starts as an mbox does (a `From ` line).
    public static func looksLikeMbox(_ data: Data) -> Bool {
        data.starts(with: Array("From ".utf8))
    }

    private static func parse(_ data: Data, mbox: Bool) throws -> [MailMessage] {
        let gmime = try GMime.functions()
        let g = gmime.pointee
        let stream = data.withUnsafeBytes { buffer in
            g.g_mime_stream_mem_new_with_buffer(buffer.baseAddress?.assumingMemoryBound(to: CChar.self), buffer.count)
        }
        guard let stream else { throw MailError("GMime could not open it") }
        defer { g.g_object_unref(stream) }
        guard let parser = g.g_mime_parser_new_with_stream(stream) else { throw MailError("GMime could not open it") }
        defer { g.g_object_unref(parser) }
        g.g_mime_parser_set_format(parser, mbox ? GMIME_FORMAT_MBOX : GMIME_FORMAT_MESSAGE)
        // Each message's header start and body start; its end is the next one's `From ` line.
        var found: [(message: MailMessage, begin: Int, bodyStart: Int, marker: Int)] = []
        while g.g_mime_parser_eos(parser) == 0 {
            guard let message = g.g_mime_parser_construct_message(parser, nil) else {
                if found.isEmpty { throw MailError(mbox ? "it is not an mbox GMime can read" : "it is not an e-mail message GMime can read") }
                // Never a message left out without a word: what follows the last one read is refused.
                throw MailError("GMime cannot read the mbox after its message \(found.count) (from byte \(g.g_mime_parser_tell(parser)) on)")
            }
            defer { g.g_object_unref(message) }
            let begin = Int(g.g_mime_parser_get_headers_begin(parser))
            let bodyStart = Int(g.g_mime_parser_get_headers_end(parser))
            let marker = mbox ? Int(g.g_mime_parser_get_mbox_marker_offset(parser)) : 0
            found.append((read(message, gmime), begin, bodyStart, marker))
            if !mbox { break }
        }
        var messages: [MailMessage] = []
        for (index, entry) in found.enumerated() {
            var end = index + 1 < found.count ? found[index + 1].marker : data.count
            if mbox, end > entry.begin, data[data.startIndex + end - 1] == 0x0A, end - 1 > entry.begin, data[data.startIndex + end - 2] == 0x0A {
                end -= 1  // the blank line that separates messages in an mbox
            }
            guard entry.begin >= 0, entry.begin <= end, end <= data.count else { throw MailError("GMime gave offsets outside the file") }
            var message = entry.message
            message.raw = data.subdata(in: data.startIndex + entry.begin..<data.startIndex + end)
            message.bodyOffset = max(0, min(entry.bodyStart - entry.begin, message.raw.count))
            messages.append(message)
        }
        return messages
    }

    private static func read(_ message: UnsafeMutablePointer<GMimeMessage>, _ gmime: UnsafePointer<DraftflowGMime>) -> MailMessage {
        let g = gmime.pointee
        let object = draftflow_gmime_message_object(message)
        var headers: [MailHeader] = []
        if let list = g.g_mime_object_get_header_list(object) {
            for index in 0..<g.g_mime_header_list_get_count(list) {
                guard let header = g.g_mime_header_list_get_header_at(list, index) else { continue }
                headers.append(MailHeader(name: GMime.string(g.g_mime_header_get_name(header)) ?? "",
                                          value: GMime.string(g.g_mime_header_get_value(header)) ?? ""))
            }
        }
        var from: [MailAddress] = []
        if let list = g.g_mime_message_get_from(message) {
            addresses(list, into: &from, gmime)
        }
        let date = g.g_mime_message_get_date(message).map { Date(timeIntervalSince1970: TimeInterval(g.g_date_time_to_unix($0))) }
        var parts: [MailPart] = []
        if let body = g.g_mime_message_get_mime_part(message) { collect(body, into: &parts, gmime) }
        return MailMessage(raw: Data(), bodyOffset: 0, headers: headers, from: from, subject: GMime.string(g.g_mime_message_get_subject(message)),
                           messageID: GMime.string(g.g_mime_message_get_message_id(message)), date: date, parts: parts)
    }

    private static func addresses(_ list: UnsafeMutablePointer<InternetAddressList>, into found: inout [MailAddress], _ gmime: UnsafePointer<DraftflowGMime>) {
        let g = gmime.pointee
        for index in 0..<g.internet_address_list_length(list) {
            guard let address = g.internet_address_list_get_address(list, index) else { continue }
            if let mailbox = draftflow_gmime_as_mailbox(gmime, address) {
                let name = GMime.string(g.internet_address_get_name(address)).flatMap { $0.isEmpty ? nil : $0 }
                found.append(MailAddress(name: name, address: GMime.string(g.internet_address_mailbox_get_addr(mailbox)) ?? ""))
            } else if let group = draftflow_gmime_as_group(gmime, address), let members = g.internet_address_group_get_members(group) {
                addresses(members, into: &found, gmime)
            }
        }
    }

    private static func collect(_ object: UnsafeMutablePointer<GMimeObject>, into parts: inout [MailPart], _ gmime: UnsafePointer<DraftflowGMime>) {
        let g = gmime.pointee
        if let multipart = draftflow_gmime_as_multipart(gmime, object) {
            for index in 0..<g.g_mime_multipart_get_count(multipart) {
                if let child = g.g_mime_multipart_get_part(multipart, index) { collect(child, into: &parts, gmime) }
            }
            return
        }
        let mediaType = (g.g_mime_object_get_content_type(object).flatMap { GMime.taking(g.g_mime_content_type_get_mime_type($0), gmime) } ?? "text/plain").lowercased()
        if let attached = draftflow_gmime_as_message_part(gmime, object) {
            // A forwarded message: kept as one attachment, its bytes as they were.
            let stream = g.g_mime_stream_mem_new()!
            defer { g.g_object_unref(stream) }
            if let inner = g.g_mime_message_part_get_message(attached) {
                _ = g.g_mime_object_write_to_stream(draftflow_gmime_message_object(inner), nil, stream)
            }
            parts.append(MailPart(mediaType: mediaType, fileName: nil, isAttachment: true, data: GMime.bytes(of: stream, gmime), text: nil))
            return
        }
        guard let part = draftflow_gmime_as_part(gmime, object) else { return }
        let fileName = GMime.string(g.g_mime_part_get_filename(part)).flatMap { $0.isEmpty ? nil : $0 }
        let stream = g.g_mime_stream_mem_new()!
        defer { g.g_object_unref(stream) }
        if let content = g.g_mime_part_get_content(part) {
            _ = g.g_mime_data_wrapper_write_to_stream(content, stream)
        }
        let text = draftflow_gmime_as_text_part(gmime, object).flatMap { GMime.taking(g.g_mime_text_part_get_text($0), gmime) }
        parts.append(MailPart(mediaType: mediaType, fileName: fileName, isAttachment: g.g_mime_part_is_attachment(part) != 0 || fileName != nil,
                              data: GMime.bytes(of: stream, gmime), text: text))
    }
}
