import DraftFlow
import FuzzSupport

// A member's comment file in Markdown (any name not ending in `.csv`).
FuzzInput.main { start, count in
    let data = FuzzInput.data(start, count)
    FuzzInput.run {
        _ = try CommentParser.parse(data: data, fileName: "CAN.md")
    }
    return 0
}
