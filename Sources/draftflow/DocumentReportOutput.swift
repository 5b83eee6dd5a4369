import DraftFlow
import Foundation

/// How `init`, `publish` and `outline` show what reading a draft found: the one-line summary and
/// the fixes on standard output (aligned under `label`), the warnings on standard error.
func printDocumentReport(_ report: DocumentReport, label: String) {
    print(label + report.summary)
    let indent = String(repeating: " ", count: max(0, label.count - 7))
    for fix in report.fixes { print(indent + "fixed: " + fix) }
    printDocumentWarnings(report)
}

func printDocumentWarnings(_ report: DocumentReport) {
    var standardError = StandardError()
    for warning in report.warnings { print("warning: " + warning, to: &standardError) }
}
