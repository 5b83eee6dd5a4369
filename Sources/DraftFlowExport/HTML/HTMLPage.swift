import DraftFlow

/// A complete, self-contained HTML page around a fragment (a compilation, a redline): inline
/// styles, no external resources, readable on screen and on paper.
public enum HTMLPage {
    /// The page titled `title` (escaped here) around `body` (HTML, written as it is).
    public static func wrap(title: String, body: String) -> String {
        let title = HTMLEscaping.escape(title)
        return ExportResources.page.filled(["title": title, "style": ExportResources.pageStyle, "body": body])
    }
}
