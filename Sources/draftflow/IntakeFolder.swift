/// Whether a file of an intake folder is a member's submission: hidden files are not, nor the
/// owner files Word leaves beside a document it has open (`~$CAN.docx`, a few bytes naming who
/// has it open).
func isIntakeSubmissionName(_ name: String) -> Bool {
    !name.hasPrefix(".") && !name.hasPrefix("~$")
}
