import DraftFlow
import DraftFlowOffice
import Foundation

/// The text of the version a Word copy is compared with: that of the round named, or of the
/// current one. Nil when none of `names` is a Word file (nothing is read then), or when there is
/// no round yet (the submission is refused for that anyway).
func versionForWordCopies(_ names: [String], round: String?, context: DraftingContext) throws -> String? {
    guard names.contains(where: OfficeFiles.needsVersion) else { return nil }
    return try versionText(round: round, context: context)
}

/// The text of the version the round named (or the current one) is on; nil when there is no round.
/// An e-mail's attachments are known only once it is read, so `intake --mail` asks for it always.
func versionText(round: String?, context: DraftingContext) throws -> String? {
    let workflow = try context.workflow()
    let target = try round.map { try SafeName.label($0) }.flatMap(workflow.round(named:)) ?? workflow.currentRound(at: context.now)
    guard let target else { return nil }
    return try Texts(context).documentText(target.on)
}
