import Foundation
import ZonestatPipeline

/// libFuzzer's entry point (`make fuzz`): the file reader, bytes in, records and problems out.
/// Built only with `ZONESTAT_FUZZ=1 swift build --sanitize=fuzzer` (Package.swift), which links
/// libFuzzer's own `main`. A crash, a trap or a broken invariant below is a finding: libFuzzer
/// saves the input, and it becomes a fixture of `FuzzFixtureTests`.
///
/// `ZONESTAT_FUZZ_TARGET=sheet` fuzzes the xlsx reader: the input is a worksheet's XML, put in
/// a workbook (``SheetWorkbook``) and read as `fuzz.xlsx`; otherwise the input is a whole file,
/// read in one pass and again split at record boundaries, which must agree.
private let config = PipelineConfig(zoneName: "fuzz", workspace: "/nonexistent")
private let parser = FileParser(config: config)
private let sheetOnly = ProcessInfo.processInfo.environment["ZONESTAT_FUZZ_TARGET"] == "sheet"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFileReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if sheetOnly {
        guard let workbook = SheetWorkbook.wrap(bytes) else { return 0 }
        check(parser.parse(workbook, name: "fuzz.xlsx"))
        return 0
    }
    check(parser.parse(bytes, name: "fuzz.csv"))
    if let broken = FuzzInvariants.splitViolation(bytes, name: "fuzz.csv", config: config) { finding(broken) }
    return 0
}

/// Reports a finding when `parsed` breaks an invariant.
private func check(_ parsed: ParsedFile) {
    if let broken = FuzzInvariants.violation(parsed) { finding(broken) }
}

/// A broken invariant: said on standard error, then the process aborts, which is how libFuzzer
/// learns of a finding and saves its input. The one place the harness stops: the library only
/// returns which invariant broke (``FuzzInvariants``), and this executable is built only for
/// `make fuzz`.
private func finding(_ broken: String) -> Never {
    FileHandle.standardError.write(Data("fuzz invariant broken: \(broken)\n".utf8))
    abort()
}
