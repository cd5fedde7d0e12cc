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
        // The domain: draft model, readiness rules, renderers, store. Knows nothing of the terminal.
        .target(
            name: "HandoffKit",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // The thin executable: argument parsing, terminal plumbing, wiring.
        .executableTarget(
            name: "handoff",
            dependencies: [
                "HandoffKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "HandoffKitTests",
            dependencies: ["HandoffKit"]
        ),
        // Runs the built `handoff` binary; depending on it makes `swift test` build it first.
        .testTarget(
            name: "HandoffCLITests",
            dependencies: ["handoff", "HandoffKit"]
        ),
    ]
)
