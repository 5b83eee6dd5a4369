import DraftFlow

/// A complete, self-contained HTML page around a fragment (a compilation, a redline): inline
/// styles, no external resources, readable on screen and on paper.
public enum HTMLPage {
    /// The page titled `title` (escaped here) around `body` (HTML, written as it is).
    /// `language` is the page's own (`lang`, and `dir="rtl"` for Arabic).
    public static func wrap(title: String, body: String, language: Language = .en) -> String {
        let title = HTMLEscaping.escape(title)
        return ExportResources.page(language).filled(["title": title, "style": ExportResources.pageStyle + ExportResources.style(for: language),
                                            "body": body])
    }
}
