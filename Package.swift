// swift-tools-version: 6.0
import PackageDescription

// Linux (Debian/Ubuntu) is the platform handoff is built and tested on: the terminal front end uses
// Glibc and /proc directly, so no other platform is claimed here.

let package = Package(
    name: "handoff",
    products: [
        .executable(name: "handoff", targets: ["handoff"]),
        .library(name: "HandoffKit", targets: ["HandoffKit"]),
        // Loaded by `handoff push`/`pull` only (dlopen), so no other command pays for libcurl.
        .library(name: "HandoffHTTP", type: .dynamic, targets: ["HandoffHTTP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // The library, in layers (Sources/HandoffKit/README.md): the domain — model, readiness,
        // store, exports, interview engine, Jira round trip — and, in Presentation/, the reports
        // and terminal layout (ANSI styles, the sanitiser, widths). It lays text out for a
        // terminal but never drives one: no tty control, no libedit, which only the executable
        // touches. The interview's prompts are embedded at build time.
        .target(
            name: "HandoffKit",
            dependencies: [.product(name: "Yams", package: "Yams")],
            exclude: [
                "README.md", "Config/README.md", "Document/README.md", "Export/README.md",
                "Export/Formats/README.md", "Export/Render/README.md", "Input/README.md", "Interview/README.md",
                "Jira/README.md", "Model/README.md", "Presentation/README.md", "Readiness/README.md",
                "Readiness/Rules/README.md", "Revisions/README.md", "Schema/README.md", "Shared/README.md",
                "Store/README.md",
            ],
            plugins: ["EmbedPrompts"]
        ),
        // libedit's histedit API, wrapped for Swift; used only by the executable.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev", "pkg-config"])]
        ),
        // HTTP for the Jira round trip: URLSession (FoundationNetworking, libcurl) behind one C
        // function, built as a shared library beside the executable and opened on first use.
        .target(name: "HandoffHTTP", exclude: ["README.md"]),
        // The thin executable: argument parsing, terminal plumbing, wiring.
        .executableTarget(
            name: "handoff",
            dependencies: [
                "HandoffKit",
                "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["README.md"],
            // A position-dependent executable: with the Swift runtime linked in, a PIE spends half
            // of `handoff --version` applying 81,000 relocations to pages it then never reads
            // (3.4 ms instead of 8.2 ms). The cost is that the executable's own addresses are not
            // randomised (the libraries', the stack's and the heap's still are).
            linkerSettings: [.unsafeFlags(["-Xlinker", "-no-pie"], .when(platforms: [.linux], configuration: .release))]
        ),
        // Build-time tooling: turns prompts/<lang>/*.yaml into Swift source.
        .executableTarget(name: "embed-prompts", exclude: ["README.md"]),
        .plugin(
            name: "EmbedPrompts", capability: .buildTool(), dependencies: ["embed-prompts"], exclude: ["README.md"]),
        // What both test targets share: the repository root, scratch folders, and the independent
        // programs (the Jira validator, Python's jsonschema, pandoc) that judge handoff's output.
        .target(name: "HandoffTestSupport", path: "Tests/HandoffTestSupport", exclude: ["README.md"]),
        .testTarget(
            name: "HandoffKitTests",
            dependencies: ["HandoffKit", "HandoffTestSupport"],
            // Readiness fixtures are read from the source tree, not bundled.
            exclude: ["Fixtures", "README.md"]
        ),
        // Runs the built `handoff` binary; depending on it makes `swift test` build it first.
        .testTarget(
            name: "HandoffCLITests",
            dependencies: ["handoff", "HandoffKit", "HandoffTestSupport"],
            // Read from the source tree (so they can be re-recorded), not bundled.
            exclude: ["Golden", "Fixtures", "README.md"]
        ),
    ]
)
