import DraftFlow
import FuzzSupport

// `Workflow.md` as committed: YAML front matter (read with Yams), then prose. What parses must
// render again.
FuzzInput.main { start, count in
    let data = FuzzInput.data(start, count)
    FuzzInput.run {
        let workflow = try WorkflowFile.parse(data)
        _ = try WorkflowFile.render(workflow)
    }
    return 0
}
