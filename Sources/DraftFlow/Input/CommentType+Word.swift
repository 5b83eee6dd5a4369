extension CommentType {
    /// The type a word names, as a comment heading or the ISO template's Type column reads it
    /// (`ed`, `te`, `general`, `编辑性`, `technique`…; a trailing `.` ignored); nil for any other
    /// word. For readers of other formats: the first word of a Word comment may give its type.
    public init?(word: String) {
        guard let type = CommentHeading.commentType(word) else { return nil }
        self = type
    }
}
