import DraftFlow
import Foundation

/// The page skeletons and style sheets in `Resources/`, read once.
///
/// They are looked for in the resource folder SwiftPM builds beside the `draftflow` executable
/// (`DraftFlow_DraftFlowExport.resources`), then in the source checkout the executable was built
/// from. `ExportResources.check()` says which is missing before anything is rendered, so a copied
/// executable without its folder gets an error with a fix rather than a crash.
public enum ExportResources {
    /// The resource folder's name, as SwiftPM builds it.
    public static let folderName = "DraftFlow_DraftFlowExport.resources"

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
    /// The fonts and the right-to-left layout of pages in another language than English.
    static let languagesStyle = styleSheet("languages")

    /// The page of the packet and of the disposition table in `language`: its `<html>` element
    /// carries the language (and `dir="rtl"` for Arabic); English is `document` itself.
    static func document(_ language: Language) -> Template {
        language == .en ? document : Template(localized(text("document", "html"), language))
    }

    /// The page around a compilation, a redline or a circulation note, in `language`.
    static func page(_ language: Language) -> Template {
        language == .en ? page : Template(localized(text("page", "html"), language))
    }

    /// A page skeleton whose `<html lang="en">` names `language` instead.
    private static func localized(_ skeleton: String, _ language: Language) -> String {
        skeleton.replacingOccurrences(of: "<html lang=\"en\">", with: "<html \(language.htmlAttributes)>")
    }

    /// What a page in `language` adds to its style sheet: nothing in English (its pages are as they
    /// always were), the language rules otherwise.
    static func style(for language: Language) -> String {
        language == .en ? "" : "\n" + languagesStyle
    }

    private static let names = ["document.html", "page.html", "packet.css", "dispositions.css", "dispositions-table.css", "page.css", "languages.css", "reference.docx"]

    /// Where the resources are: the first folder that holds all of them.
    private static let folder: URL? = {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent(folderName),
            executable.appendingPathComponent(folderName),
            // This file is Sources/DraftFlowExport/HTML/ExportResources.swift in the checkout.
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Resources"),
        ]
        return candidates.first { folder in
            names.allSatisfy { FileManager.default.isReadableFile(atPath: folder.appendingPathComponent($0).path) }
        }
    }()

    /// Refuses, with a fix, when the resources cannot be found.
    public static func check() throws {
        guard folder != nil else {
            throw DraftFlowError(.workspace, "the page templates and style sheets (\(folderName)) are not beside the draftflow executable",
                                 fix: "copy the folder \(folderName) from the build folder (.build/release or .build/debug) next to the executable")
        }
    }

    /// A resource file's text, as it is.
    static func text(_ name: String, _ fileExtension: String) -> String {
        guard let folder, let data = FileManager.default.contents(atPath: folder.appendingPathComponent("\(name).\(fileExtension)").path) else {
            preconditionFailure("the export resource \(name).\(fileExtension) is missing: call ExportResources.check() first")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A resource file's bytes (the Word reference document).
    static func data(_ name: String, _ fileExtension: String) throws -> Data {
        guard let folder, let data = FileManager.default.contents(atPath: folder.appendingPathComponent("\(name).\(fileExtension)").path) else {
            throw DraftFlowError(.workspace, "the export resource \(name).\(fileExtension) is missing from \(folderName)",
                                 fix: "copy the folder \(folderName) from the build folder (.build/release or .build/debug) next to the executable")
        }
        return data
    }

    /// A style sheet's text without its final line end: it is put in a page on lines of its own.
    static func styleSheet(_ name: String) -> String {
        let css = text(name, "css")
        return css.hasSuffix("\n") ? String(css.dropLast()) : css
    }
}
