// swift-tools-version:6.2
import PackageDescription

// libFuzzer targets for DraftFlow's readers of untrusted input: one executable per reader. Built
// and run by scripts/fuzz.sh (release, -sanitize=fuzzer,address, in .build-fuzz/); see
// README.md, "Testing". The corpora in Corpus/<target>/ are seeds from the repository's real
// inputs, minimised with -merge=1, plus every input that once crashed a reader.
let package = Package(
    name: "DraftFlowFuzzing",
    dependencies: [.package(name: "DraftFlow", path: "..")],
    targets: [
        .target(name: "CFuzzerDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzerDriver", .product(name: "DraftFlow", package: "DraftFlow")]),
        .executableTarget(name: "FuzzCommentMarkdown", dependencies: ["FuzzSupport", .product(name: "DraftFlow", package: "DraftFlow")]),
        .executableTarget(name: "FuzzCommentISOTemplate", dependencies: ["FuzzSupport", .product(name: "DraftFlow", package: "DraftFlow")]),
        .executableTarget(name: "FuzzWorkflowFile", dependencies: ["FuzzSupport", .product(name: "DraftFlow", package: "DraftFlow")]),
        .executableTarget(name: "FuzzDocumentReader", dependencies: ["FuzzSupport", .product(name: "DraftFlow", package: "DraftFlow")]),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.name != "CFuzzerDriver" {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.treatAllWarnings(as: .error))
    target.swiftSettings = settings
}
