import Foundation

func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

func iso(_ date: Date) -> String {
    date.formatted(.iso8601)
}

func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

func seconds(_ value: Double) -> String {
    value < 1 ? String(format: "%.0f ms", value * 1000) : String(format: "%.2f s", value)
}

func megabytes(_ kb: Int) -> String {
    String(format: "%.0f MB", Double(kb) / 1024)
}

/// What one scale measured.
