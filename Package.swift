// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "handoff",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "handoff", targets: ["handoff"]),
        .library(name: "HandoffKit", targets: ["HandoffKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // The domain: draft model, interview engine, readiness rules, renderers, store. Knows
        // nothing of the terminal. The interview's prompts are embedded at build time.
        .target(
            name: "HandoffKit",
            dependencies: [.product(name: "Yams", package: "Yams")],
            plugins: ["EmbedPrompts"]
        ),
        // libedit's histedit API, wrapped for Swift; used only by the executable.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        // The thin executable: argument parsing, terminal plumbing, wiring.
        .executableTarget(
            name: "handoff",
            dependencies: [
                "HandoffKit",
                "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Build-time tooling: turns prompts/<lang>/*.yaml into Swift source.
        .executableTarget(name: "embed-prompts"),
        .plugin(name: "EmbedPrompts", capability: .buildTool(), dependencies: ["embed-prompts"]),
        .testTarget(
            name: "HandoffKitTests",
            dependencies: ["HandoffKit"],
            // Readiness fixtures are read from the source tree, not bundled.
            exclude: ["Fixtures"]
        ),
        // Runs the built `handoff` binary; depending on it makes `swift test` build it first.
        .testTarget(
            name: "HandoffCLITests",
            dependencies: ["handoff", "HandoffKit"],
            // Read from the source tree (so they can be re-recorded), not bundled.
            exclude: ["Golden", "Fixtures"]
        ),
    ]
)
