import DraftFlow
import Foundation

/// Reads what delegations send that is not plain text, before it is recorded: each reader turns
/// the file into a `ReadSubmission` (comments, an edited copy, tracked changes) and the original
/// bytes are kept as they came. Plain-text files pass through for the comment parser.
public enum OfficeFiles {
    /// `file` with what its reader made of it, or `file` itself for Markdown, text and CSV.
    /// `version` is the text of the version the round is on: a Word copy is compared with it.
    public static func read(_ file: IncomingFile, version: String? = nil) throws -> IncomingFile {
        switch SafeName.fileExtension(ofFileName: file.name).lowercased() {
        case "xlsx":
            return try ISOTemplateSpreadsheet.read(file)
        case "docx":
            // The ISO template as a Word table first; any other Word document is a member's copy.
            if let template = try ISOTemplateTable.read(docx: file) { return template }
            return try WordCopy.read(file, version: version)
        case "pdf":
            throw DraftFlowError(.invalidInput, "\(SafeName.display(file.name)) is a PDF: DraftFlow does not take comments from a PDF, with or without annotations, because its text cannot be compared with the draft",
                                 fix: "send the comments as a Word copy of the draft with tracked changes (.docx), the ISO template (.docx, .xlsx or .csv), or Markdown")
        default:
            return file
        }
    }

    /// Whether `name` is a file a reader here needs the version's text for.
    public static func needsVersion(_ name: String) -> Bool {
        SafeName.fileExtension(ofFileName: name).lowercased() == "docx"
    }
}
