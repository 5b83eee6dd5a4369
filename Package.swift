// swift-tools-version:6.2
import PackageDescription

// The release build of the command links the Swift runtime and Foundation statically, and as a
// position-dependent executable: a command's fixed cost is then the dynamic linker's work on the C
// libraries alone (BENCHMARKS.md, "Issue 17: start-up, a static release binary": `--help` 31 ms
// dynamic, 18 ms static, 11 ms static and position-dependent). Foundation's archives are named in
// one group because they refer to each other both ways; `-l:NAME.a` takes the archive, never a
// shared library of the same name. Debug builds (the tests) stay dynamic.
let foundationArchives = [
    "FoundationXML", "_CFXMLInterface", "Foundation", "CoreFoundation", "FoundationInternationalization", "_FoundationICU",
    "FoundationEssentials", "_FoundationCShims", "_FoundationCollections",
].map { "-l:lib\($0).a" }
let releaseLinking: [LinkerSetting] = [
    .unsafeFlags(["-static-stdlib", "-Xclang-linker", "-no-pie", "-Xlinker", "--start-group"] + foundationArchives
                 + ["-Xlinker", "--end-group", "-lxml2"], .when(platforms: [.linux], configuration: .release)),
]

// GMime 3 is not linked: MailCore loads it with dlopen at the first message read, so that the
// commands that read no mail do not load it and the fifteen libraries it brings at every start
// (BENCHMARKS.md, "GMime loaded when mail is read"). Its headers are where Debian's
// libgmime-3.0-dev puts them (GLib's configuration header under the multiarch triple), named here
// because `pkgConfig:` would link the library as well.
#if arch(arm64)
let multiarch = "aarch64-linux-gnu"
#else
let multiarch = "x86_64-linux-gnu"
#endif
let gmimeHeaders = SwiftSetting.unsafeFlags(
    ["/usr/include/gmime-3.0", "/usr/include/glib-2.0", "/usr/lib/\(multiarch)/glib-2.0/include"].flatMap { ["-Xcc", "-I\($0)"] })

// DraftFlow targets Linux (Debian 12, libgit2 1.5.1): GitCore and GitPack call Glibc directly
// (stat, flock, fsync), so no other platform is declared.
let package = Package(
    name: "DraftFlow",
    products: [
        .executable(name: "draftflow", targets: ["draftflow"]),
        .library(name: "DraftFlow", targets: ["DraftFlow"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "Clibgit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        // libgit2's CA certificates parsed at the first TLS connection, not at start-up (GitCore's LibGit2).
        .target(name: "CGitTLS", cSettings: [.unsafeFlags(["-Wall", "-Wextra", "-Werror"])], linkerSettings: [.linkedLibrary("git2"), .linkedLibrary("dl")]),
        // zlib, called directly by GitPack (pack objects, loose-object checks).
        .systemLibrary(name: "Czlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // glibc's mallopt, for the heap's growth step (the draftflow command's HeapGrowth).
        .systemLibrary(name: "CMalloc"),
        .target(name: "ContentHash", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Parallel"),
        .target(name: "LineSplitting"),
        // The libgit2 wrapper: what a newcomer reads first.
        .target(name: "GitCore", dependencies: ["Clibgit2", "CGitTLS", "Czlib", "ContentHash", "Parallel"]),
        // Git's object and pack formats written and read by hand, for speed and for verification.
        .target(name: "GitPack", dependencies: ["GitCore", "Czlib", "ContentHash", "LineSplitting", "Parallel"]),
        .target(name: "DraftFlow", dependencies: ["ContentHash", "LineSplitting", "Parallel", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "DraftFlowExport",
            dependencies: ["DraftFlow", "LineSplitting", "Parallel", .product(name: "Subprocess", package: "swift-subprocess"),
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.process("Resources")]
        ),
        .target(name: "DraftFlowGit", dependencies: ["DraftFlow", "GitCore", "GitPack", "Parallel", "ContentHash"]),
        // What delegations send that is not plain text: Word, spreadsheets (read in process).
        .target(name: "DraftFlowOffice", dependencies: ["DraftFlow", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // GMime 3, which reads e-mail (MIME, RFC 2047, mbox), and libxml2's HTML parser for HTML bodies.
        // GMime's headers only: MailCore loads the library with dlopen at the first message read.
        .systemLibrary(name: "CGMime", providers: [.apt(["libgmime-3.0-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // The GMime wrapper: owns GMime's objects, gives messages as Swift values.
        .target(name: "MailCore", dependencies: ["CGMime", "CLibXML2"]),
        // E-mail as the secretariat's mailbox received it: senders, instants, bodies, attachments.
        .target(name: "DraftFlowMail", dependencies: ["DraftFlow", "DraftFlowOffice", "MailCore", "ContentHash", "Parallel"]),
        // The member portal (`draftflow serve`): web pages on the same use cases and store.
        .target(
            name: "DraftFlowPortal",
            dependencies: [
                "DraftFlow", "DraftFlowGit", "DraftFlowOffice", "DraftFlowExport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "draftflow",
            dependencies: [
                "DraftFlow", "DraftFlowExport", "DraftFlowGit", "DraftFlowOffice", "DraftFlowMail", "DraftFlowPortal", "Parallel", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ],
            linkerSettings: releaseLinking
        ),
        .executableTarget(
            name: "draftflow-bench",
            dependencies: ["DraftFlow", "DraftFlowGit", "GitCore", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Benchmarks/draftflow-bench"
        ),
        // Measures the pack index built by hand against libgit2's indexer (BENCHMARKS.md).
        .executableTarget(
            name: "pack-index-bench",
            dependencies: ["Clibgit2", "GitCore", "GitPack"],
            path: "Benchmarks/pack-index-bench"
        ),
        // What the tests share: scratch folders, the real git command, a seeded generator.
        .target(name: "TestSupport", dependencies: ["DraftFlow"], path: "Tests/TestSupport"),
        .testTarget(name: "GitCoreTests", dependencies: ["GitCore", "CGitTLS", "Clibgit2", "Parallel", "TestSupport"]),
        .testTarget(name: "GitPackTests", dependencies: ["GitPack", "GitCore", "TestSupport"]),
        .testTarget(name: "LineSplittingTests", dependencies: ["LineSplitting"]),
        .testTarget(name: "DraftFlowTests", dependencies: ["DraftFlow", "TestSupport"]),
        .testTarget(name: "DraftFlowExportTests", dependencies: ["DraftFlowExport", "DraftFlow", "TestSupport"], resources: [.copy("Expected")]),
        .testTarget(name: "DraftFlowOfficeTests", dependencies: ["DraftFlowOffice", "DraftFlow", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "DraftFlowGitTests", dependencies: ["DraftFlowGit", "DraftFlow", "GitCore", "GitPack", "TestSupport"]),
        .testTarget(name: "DraftFlowMailTests", dependencies: ["DraftFlowMail", "MailCore", "DraftFlow", "TestSupport"]),
        .testTarget(name: "DraftFlowPortalTests", dependencies: ["DraftFlowPortal", "DraftFlowGit", "DraftFlow", "TestSupport", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "draftflowTests", dependencies: ["draftflow", "TestSupport", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
    ],
    swiftLanguageModes: [.v6]
)

// The same strictness for every target of this package (not its dependencies): a warning fails
// the build, here and in CI.
for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.treatAllWarnings(as: .error))
    // Every target: a module that imports MailCore (or its tests, @testable) may load CGMime too.
    settings.append(gmimeHeaders)
    target.swiftSettings = settings
}
