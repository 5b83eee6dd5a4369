import DraftFlow
import FuzzSupport

// A draft as `init` and `propose` read it: Markdown or Word's plain text. The first byte picks the
// file name (even: `.md`, odd: `.txt`) so that both formats are reached.
FuzzInput.main { start, count in
    guard let start, count > 0 else { return 0 }
    let name = start.pointee & 1 == 0 ? "draft.md" : "draft.txt"
    let data = FuzzInput.data(start + 1, count - 1)
    FuzzInput.run {
        _ = try DocumentReader.read(data, name: name)
    }
    return 0
}
