import DraftFlow
import DraftFlowGit
import Foundation

/// A new workspace at `folder` holding a one-paragraph outline, set up by the secretariat on
/// 7 February 2020, 17:00 Geneva time: the start the store's suites share.
func outlineWorkspace(at folder: URL) throws -> GitWorkspaceStore {
    let zone = TimeZone(identifier: "Europe/Zurich")!
    let change = try WorkspaceSetup.initialChange(title: "Input", documentName: "outline.md", document: Data("## 1 Intro\n\n1.1 Text.\n".utf8),
                                                  timezone: "Europe/Zurich", secretariat: Secretariat(name: "Secretariat", email: "s@example.org"),
                                                  now: try Deadline.parseInstant("2020-02-07T17:00:00+01:00", timeZone: zone))
    return try GitWorkspaceStore.create(at: folder, first: change)
}
