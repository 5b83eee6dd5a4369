import Foundation

/// The page skeletons and style sheets in `Resources/`, read once from the target's resource
/// bundle (`DraftFlow_DraftFlowExport.resources`, built beside the `draftflow` executable).
enum ExportResources {
    /// The page of the final text packet and of the disposition table: `{{title}}`, `{{style}}`,
    /// `{{body}}`.
    static let document = Template(text("document", "html"))
    /// The packet's style sheet: `{{running-header}}` is a CSS string.
    static let packetStyle = Template(styleSheet("packet"))
    static let dispositionsStyle = styleSheet("dispositions")
    /// The disposition table's rules, shared by its own page and the packet.
    static let dispositionsTableStyle = styleSheet("dispositions-table")
    /// The page around a compilation or a redline: `{{title}}`, `{{style}}`, `{{body}}`.
    static let page = Template(text("page", "html"))
    static let pageStyle = styleSheet("page")

    /// A resource file's text, as it is.
    static func text(_ name: String, _ fileExtension: String) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: fileExtension),
              let data = FileManager.default.contents(atPath: url.path) else {
            preconditionFailure("the export resource \(name).\(fileExtension) is missing from \(Bundle.module.bundlePath)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A style sheet's text without its final line end: it is put in a page on lines of its own.
    static func styleSheet(_ name: String) -> String {
        let css = text(name, "css")
        return css.hasSuffix("\n") ? String(css.dropLast()) : css
    }
}
