// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "DraftFlow",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "draftflow", targets: ["draftflow"]),
        .library(name: "DraftFlow", targets: ["DraftFlow"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        .systemLibrary(
            name: "Clibgit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .target(name: "ContentHash", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Parallel"),
        .target(name: "LineSplitting"),
        .target(name: "Git", dependencies: ["Clibgit2", "ContentHash", "Parallel"]),
        .target(name: "DraftFlow", dependencies: ["ContentHash", "LineSplitting", "Parallel", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "DraftFlowExport",
            dependencies: ["DraftFlow", "LineSplitting", "Parallel", .product(name: "Subprocess", package: "swift-subprocess")],
            resources: [.process("Resources")]
        ),
        .target(name: "DraftFlowGit", dependencies: ["DraftFlow", "Git"]),
        .executableTarget(
            name: "draftflow",
            dependencies: [
                "DraftFlow", "DraftFlowExport", "DraftFlowGit", "Parallel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "draftflow-bench",
            dependencies: ["DraftFlow", "DraftFlowGit", "Git"],
            path: "Benchmarks/draftflow-bench"
        ),
        .testTarget(name: "GitTests", dependencies: ["Git"]),
        .testTarget(name: "LineSplittingTests", dependencies: ["LineSplitting"]),
        .testTarget(name: "DraftFlowTests", dependencies: ["DraftFlow"]),
        .testTarget(name: "DraftFlowExportTests", dependencies: ["DraftFlowExport", "DraftFlow"], resources: [.copy("Expected")]),
        .testTarget(name: "DraftFlowGitTests", dependencies: ["DraftFlowGit", "DraftFlow", "Git"]),
        .testTarget(name: "draftflowTests", dependencies: ["draftflow"]),
    ],
    swiftLanguageModes: [.v6]
)

// The same strictness for every target of this package (not its dependencies): a warning fails
// the build, here and in CI.
for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.treatAllWarnings(as: .error))
    target.swiftSettings = settings
}
