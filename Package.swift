// swift-tools-version: 6.0
import PackageDescription

/// Broadsheet: a static site generator and searchable archive for newsletters.
///
/// The targets are layered one per pipeline stage (see docs/ARCHITECTURE.md):
/// CCmark -> Markup -> Archive -> Site -> broadsheet, with Templates and Output
/// (the safe output folder) standing alone.
let package = Package(
    name: "Broadsheet",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "broadsheet", targets: ["broadsheet"]),
        .library(name: "Templates", targets: ["Templates"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "Markup", dependencies: ["CCmark"]),
        .target(name: "Templates"),
        // Runs independent work on every core; the one way the pipeline goes parallel.
        .target(name: "Parallel"),
        // zlib, for the search index's compressed files.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // libdeflate, which writes the same zlib streams several times faster than zlib.
        .systemLibrary(name: "CDeflate", providers: [.apt(["libdeflate-dev"])]),
        // Full-text search: tokenizer, Snowball English stemmer, index and engine; knows nothing of newsletters.
        .target(name: "Search", dependencies: ["Parallel", "CZlib", "CDeflate"], resources: [.copy("Browser")]),
        .target(name: "Archive", dependencies: ["Markup", "Parallel", .product(name: "Yams", package: "Yams")],
                resources: [.copy("Resources/name-suggester-words.txt")]),
        // Swaps two folder names in one step (renameat2 RENAME_EXCHANGE), which Swift cannot call directly.
        .target(name: "CFileSwap"),
        .target(name: "Output", dependencies: ["CFileSwap"]),
        .target(name: "Site", dependencies: ["Archive", "Templates", "Markup", "Output", "Search", "Parallel"]),
        // `broadsheet import jekyll`: a Jekyll site's posts made into issues (front matter, Liquid links).
        .target(name: "Import", dependencies: ["Archive", "Site", "Markup"]),
        // The local preview (`broadsheet serve`): serves a build with Hummingbird, watches the
        // content and the theme, rebuilds, and tells open pages to reload.
        .target(name: "Preview", dependencies: ["Site", "Archive", "Output", .product(name: "Hummingbird", package: "hummingbird"),
                                                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                                                .product(name: "Logging", package: "swift-log")],
                resources: [.copy("Resources/live.js")]),
        // `broadsheet check`: every load, template and link problem in one pass, nothing written.
        // Its sample archive is a copy of the site tests' fixture (a test keeps them the same).
        .target(name: "Check", dependencies: ["Archive", "Site", "Markup", "Templates", "Parallel"],
                resources: [.copy("Resources/sample-archive")]),
        .executableTarget(
            name: "broadsheet",
            dependencies: ["Site", "Archive", "Templates", "Output", "Search", "Preview", "Check", "Import",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Property checks for the readers of editors' input, and one libFuzzer harness per
        // reader (`make fuzz`); FuzzCorpusTests replays Tests/Fuzz/ through the same checks.
        .target(name: "FuzzChecks", dependencies: ["Archive", "Templates", "Import"]),
        .executableTarget(name: "fuzz-front-matter", dependencies: ["FuzzChecks"]),
        .executableTarget(name: "fuzz-pelican", dependencies: ["FuzzChecks"]),
        .executableTarget(name: "fuzz-dates", dependencies: ["FuzzChecks"]),
        .executableTarget(name: "fuzz-templates", dependencies: ["FuzzChecks"]),
        .executableTarget(name: "fuzz-registry", dependencies: ["FuzzChecks"]),
        .executableTarget(name: "fuzz-jekyll", dependencies: ["FuzzChecks"]),
        .testTarget(name: "FuzzTests", dependencies: ["FuzzChecks"]),
        .testTarget(name: "SearchTests", dependencies: ["Search"], exclude: ["Browser", "Vectors"]),
        .testTarget(name: "MarkupTests", dependencies: ["Markup"]),
        .testTarget(name: "TemplatesTests", dependencies: ["Templates"]),
        .testTarget(name: "ArchiveTests", dependencies: ["Archive"], exclude: ["Fixtures"]),
        .testTarget(name: "OutputTests", dependencies: ["Output"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Archive", "Templates", "Output", "Search"], exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "CheckTests", dependencies: ["Check", "Archive", "Markup"]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "Site"]),
        .testTarget(name: "ImportTests", dependencies: ["Import", "Archive", "Site", "Markup"], exclude: ["Fixtures"]),
        // Runs the built `broadsheet` program as a user would: exit codes, stderr, stdout.
        .testTarget(name: "CLITests", dependencies: ["broadsheet"]),
    ],
    swiftLanguageModes: [.v6]
)
