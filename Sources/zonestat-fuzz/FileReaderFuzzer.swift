import ZonestatPipeline

/// libFuzzer's entry point (`make fuzz`): the file reader, bytes in, records and problems out.
/// Built only with `ZONESTAT_FUZZ=1 swift build --sanitize=fuzzer` (Package.swift), which links
/// libFuzzer's own `main`. A crash, a trap or a broken invariant below is a finding: libFuzzer
/// saves the input, and it becomes a fixture of `FuzzFixtureTests`.
private let parser = FileParser(config: PipelineConfig(zoneName: "fuzz", workspace: "/nonexistent"))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFileReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let parsed = parser.parse(bytes, name: "fuzz.csv")
    FuzzInvariants.check(parsed)
    return 0
}
