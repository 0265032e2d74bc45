// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "zonestat",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "zonestat", targets: ["zonestat"]),
        .executable(name: "zonestat-extract", targets: ["zonestat-extract"]),
        .executable(name: "zonestat-transform", targets: ["zonestat-transform"]),
        .executable(name: "zonestat-load", targets: ["zonestat-load"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libcsv, Debian's libcsv-dev: it ships no pkg-config file, so the modulemap links `csv`.
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
        // SHA-256 blocks with the x86 SHA extensions, where the CPU has them (ZonestatCore's
        // Swift implementation otherwise): published files and inbox files are hashed.
        .target(name: "CSHA256"),
        // Values and the compute core: no I/O, no files, no SQLite.
        .target(name: "ZonestatCore", dependencies: ["CSHA256"]),
        // Reading bytes into records: encodings, delimiters, libcsv.
        .target(name: "ZonestatCSV", dependencies: ["CLibCSV"]),
        // Reading Excel workbooks (.xlsx) into rows of cell texts: the zip container, the XML
        // parts, numbers and dates as Excel shows them. Its own target so that ZonestatCSV stays
        // the text reader it is and only what reads workbooks links zlib.
        .target(name: "ZonestatXLSX", dependencies: ["ZonestatCore", "CZonestatZlib"]),
        // zlib (Debian's zlib1g-dev), for reading a workbook's deflated parts within their bounds.
        .systemLibrary(name: "CZonestatZlib", providers: [.apt(["zlib1g-dev"])]),
        // Rendering what load publishes: CSV, JSON, the written report, HTML, manifest; atomic publication.
        // tables.xlsx is a zip of the project's own XML, deflated with zlib as it is written.
        .target(name: "ZonestatPublish", dependencies: ["ZonestatCore", "ZonestatCSV", "CZonestatZlib"]),
        // The stages: configuration, warehouse, extract, transform, load.
        .target(
            name: "ZonestatPipeline",
            dependencies: [
                "ZonestatCore", "ZonestatCSV", "ZonestatXLSX", "ZonestatPublish",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]),
        // The command line, as a library the executables and tests call.
        .target(
            name: "ZonestatCommands",
            dependencies: [
                "ZonestatPipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "zonestat",
            dependencies: ["ZonestatCommands", .product(name: "Logging", package: "swift-log")]),
        .executableTarget(
            name: "zonestat-extract",
            dependencies: ["ZonestatCommands", .product(name: "Logging", package: "swift-log")]),
        .executableTarget(
            name: "zonestat-transform",
            dependencies: ["ZonestatCommands", .product(name: "Logging", package: "swift-log")]),
        .executableTarget(
            name: "zonestat-load",
            dependencies: ["ZonestatCommands", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "ZonestatCoreTests", dependencies: ["ZonestatCore"]),
        .testTarget(
            name: "ZonestatCSVTests", dependencies: ["ZonestatCSV"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ZonestatPublishTests",
            dependencies: ["ZonestatPublish", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Builds .xlsx workbooks for the tests, part by part.
        .target(
            name: "XLSXFixtures", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/XLSXFixtures"),
        .testTarget(name: "ZonestatXLSXTests", dependencies: ["ZonestatXLSX", "XLSXFixtures"]),
        .testTarget(
            name: "ZonestatPipelineTests",
            dependencies: [
                "ZonestatPipeline", "ZonestatCommands", "XLSXFixtures",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)

// The fuzzer of the file reader (`make fuzz`): built only when asked, with
// `ZONESTAT_FUZZ=1 swift build --sanitize=fuzzer`, because it has no `main` of its own
// (libFuzzer brings it) and so cannot link in a plain `swift build`.
if Context.environment["ZONESTAT_FUZZ"] != nil {
    package.products.append(.executable(name: "zonestat-fuzz", targets: ["zonestat-fuzz"]))
    package.targets.append(
        .executableTarget(
            name: "zonestat-fuzz",
            dependencies: ["ZonestatPipeline", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
}
