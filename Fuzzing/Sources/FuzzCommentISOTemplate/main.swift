import DraftFlow
import FuzzSupport

// A member's comment file as the ISO commenting template, saved as CSV.
FuzzInput.main { start, count in
    let data = FuzzInput.data(start, count)
    FuzzInput.run {
        _ = try CommentParser.parse(data: data, fileName: "CAN.csv")
    }
    return 0
}
