import DraftFlow

/// Text from a member, a comment or the workflow made inert for the Markdown packet: it keeps the
/// inline markup the HTML packet reads (`**strong**`, `*emphasis*`, backslash escapes) and nothing
/// else. Every character that could start raw HTML, an entity, a code span (pandoc reads
/// `` `<script>`{=html} `` as raw HTML), a link or an image, an attribute list (pandoc writes
/// `{onclick=…}` onto the element), strike-through, subscript or superscript is backslash-escaped,
/// so that pandoc, CommonMark and GitHub all show it as the character it is.
///
/// The text is read scalar by scalar so that a combining mark cannot hide a character from the rule.
/// A backslash already followed by ASCII punctuation is an escape of the text's own and is kept with
/// its character; a backslash that ends the text is doubled, so that it cannot escape a mark written
/// after it (the redline's `**` and `~~`). Escaping each redline segment on its own therefore keeps
/// every mark outside any tag or entity: the text has none left.
public enum MarkdownText {
    /// A redline as Markdown (`Redline.markdown`) with every segment escaped: what `draftflow redline`
    /// prints. Written in one pass into one string: the general code (`redlineByParts`) copied the
    /// blocks with their escaped segments, made each block's text, then joined them.
    public static func redline(_ blocks: [RedlineBlock], language: Language = .en) -> String {
        var out = ""
        var capacity = 1
        for block in blocks {
            capacity += 2
            for segment in block.segments {
                switch segment {
                case .equal(let s): capacity += s.utf8.count
                case .deleted(let s), .inserted(let s): capacity += s.utf8.count + 4
                }
            }
        }
        out.reserveCapacity(capacity + capacity / 64)
        for (blockIndex, block) in blocks.enumerated() {
            if blockIndex > 0 { out += "\n\n" }
            var isHeading = false
            if case .heading = block.kind { isHeading = true }
            for (index, segment) in block.segments.enumerated() {
                if index == 0 && isHeading {
                    // The heading's marker kept as it is, as `escaped(_:)` and `Redline.markdown` keep it.
                    switch segment {
                    case .equal(let s):
                        out += escapedBlock(s)
                    case .deleted(let s), .inserted(let s):
                        let marker: String
                        if case .deleted = segment { marker = "~~" } else { marker = "**" }
                        let (heading, rest) = InlineMarkup.splitHeadingMarker(escapedBlock(s))
                        out += heading
                        out += InlineMarkup.markdownWrap(rest, marker)
                    }
                    continue
                }
                switch segment {
                case .equal(let s):
                    out += escaped(s)
                case .deleted(let s):
                    out += InlineMarkup.markdownWrap(escaped(s), "~~")
                case .inserted(let s):
                    out += InlineMarkup.markdownWrap(escaped(s), "**")
                }
            }
            if case .moved(let from, _) = block.status { out += language.catalogue.movedFrom(from) }
        }
        if !blocks.isEmpty { out += "\n" }
        return out
    }

    /// `redline`, as it was first written: the blocks escaped, then rendered by `Redline.markdown`
    /// (what tests compare it with).
    static func redlineByParts(_ blocks: [RedlineBlock], language: Language = .en) -> String {
        Redline.markdown(escaped(blocks), language: language)
    }

    /// The characters escaped with a backslash.
    static let special: Set<Unicode.Scalar> = ["<", ">", "&", "`", "[", "]", "{", "}", "~", "^", "_", "|"]

    /// The text escaped. Every character the rule looks at is ASCII, and no byte of a UTF-8
    /// sequence of several bytes is, so it reads the bytes: a text with nothing to escape (most
    /// redline segments) is returned as it is. `escapedByScalars` is the rule read scalar by scalar.
    public static func escaped(_ text: String) -> String {
        var text = text
        let escaped: String? = text.withUTF8 { bytes in
            guard bytes.contains(where: { isSpecial($0) || $0 == 0x5C }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8 + 2)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x5C {
                    if index + 1 < bytes.count, isASCIIPunctuation(bytes[index + 1]) {
                        out.append(byte)
                        out.append(bytes[index + 1])
                        index += 2
                        continue
                    }
                    out.append(byte)
                    if index + 1 == bytes.count { out.append(byte) }
                } else {
                    if isSpecial(byte) { out.append(0x5C) }
                    out.append(byte)
                }
                index += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? text
    }

    /// Whether the byte is one of `special`.
    @inline(__always)
    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x3C, 0x3E, 0x26, 0x60, 0x5B, 0x5D, 0x7B, 0x7D, 0x7E, 0x5E, 0x5F, 0x7C: return true
        default: return false
        }
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }

    /// `escaped`, read scalar by scalar as it was first written (what tests compare it with).
    static func escapedByScalars(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                if index + 1 < scalars.count, isASCIIPunctuation(scalars[index + 1]) {
                    out.append(scalar)
                    out.append(scalars[index + 1])
                    index += 2
                    continue
                }
                out.append(scalar)
                if index + 1 == scalars.count { out.append(scalar) }
            } else {
                if special.contains(scalar) { out.append("\\") }
                out.append(scalar)
            }
            index += 1
        }
        return String(out)
    }

    /// A label in bold with its language's colon: "**Version:** ", "**Version :** ", "**版本：**".
    static func label(_ text: String, _ words: any Catalogue) -> String {
        let colon = words.colon.trimmingCharacters(in: .whitespaces)
        return "**" + text + (words.colon.hasPrefix(" ") ? " " : "") + colon + "**" + (words.colon.hasSuffix(" ") ? " " : "")
    }

    /// A block of the text: a heading keeps its `#` marker, the rest is escaped.
    static func escapedBlock(_ text: String) -> String {
        let (marker, rest) = InlineMarkup.splitHeadingMarker(text)
        return marker + escaped(rest)
    }

    /// The redline with every segment's text escaped (the heading marker of a heading's first
    /// segment kept as it is).
    static func escaped(_ blocks: [RedlineBlock]) -> [RedlineBlock] {
        blocks.map { block in
            var block = block
            var isHeading = false
            if case .heading = block.kind { isHeading = true }
            for index in block.segments.indices {
                let keepMarker = index == 0 && isHeading
                func escape(_ text: String) -> String { keepMarker ? escapedBlock(text) : escaped(text) }
                switch block.segments[index] {
                case .equal(let s): block.segments[index] = .equal(escape(s))
                case .deleted(let s): block.segments[index] = .deleted(escape(s))
                case .inserted(let s): block.segments[index] = .inserted(escape(s))
                }
            }
            return block
        }
    }

    private static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }
}
