import Testing
import ZonestatCSV
import ZonestatCore
@testable import ZonestatPublish

/// The bytes of a mid-size generated period, pinned: the renderers are tuned for province-size
/// periods, and every such change must leave every published byte as it was.
@Suite("Rendered bytes of a generated period")
struct RenderedBytesTests {
    static let manifest = Manifest(
        runID: "run-1", startedAt: "2023-05-10T02:00:00Z", finishedAt: "2023-05-10T02:00:05Z", softwareVersion: "0.2.0",
        pipelineFile: "default.yaml", pipelineSHA256: "00", period: nil,
        inputs: [ManifestInput(name: "2023-04企业月报.csv", sha256: "11", encoding: "utf-8", kind: "wide", rows: 400, periods: [GeneratedResult.period])],
        outputs: [])

    /// SHA-256 of every file, as the straightforward renderers wrote them.
    static let digests: [String: String] = [
        "bom/indicators.csv": "a7e38fc11f72945fed19b6f7d0e683b893f261b3b07f3ae0ebe9119c02e0b897",
        "bom/indicators.json": "d6600a4e7b6664a405142fdf5478410d445a8ec2eaa26c010910df27015a6662",
        "bom/changes.csv": "664a272402d288daca4a6b5b4635e7a4668449ffff30648601ddde916320cf9c",
        "bom/manifest.json": "01eb4d07af2a1c74dadaf7ee91a97513604769811815ddd669e995b85ee2d886",
        "bom/revisions.csv": "76a9cdaf2681f6cabe3caf20a1cdf05b6a12568f99f19e63e8b2033d1ab1adff",
        "bom/revisions.json": "37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570",
        "bom/report.html": "c0ca396f5682da7a0392bf4f959898ad765f924da0f156522edb7c10fe5c79b9",
        "bom/report.md": "d1d5aee63a8068e26f8c7ca320a057fc65e90b2f921194be081dec3a25955248",
        "bom/roster.csv": "e1806cb6ced2489d58177e6546e9f88dbd849f6cce8274482664e86f237da3c4",
        "bom/roster.json": "27ff1e92b91466316b8265bf1a8da767581c4d073ab89087e45e22710c9b2e2f",
        "bom/tables.xlsx": "38fd0779c3641cda16f281f63d934cfff4140c805301758b508e12954d49fc36",
        "bom/targets.csv": "eaaf386cd3e50f047a57748dbc8edcb382923697acc2ba38ee9e720ff7bc5899",
        "bom/targets.json": "1f9e3f9c7513bbfaafee6d0f714559a59af170f52cc09930be41506c505f8afb",
        "bom/units.csv": "55ebab641751a447b7c5fd5cdc89cd9168b49753c392edf3b0c7cc2e57cc823c",
        "bom/warnings.csv": "399d54ffc02bcc60e8a234a7d9e46e45067874016812f38bbec8f05cfa63520e",
        "plain/indicators.csv": "a38739ab7bfb5dada58240c56e88bad33d04942a707b2dfa429854aac2e2331d",
        "plain/indicators.json": "d6600a4e7b6664a405142fdf5478410d445a8ec2eaa26c010910df27015a6662",
        "plain/changes.csv": "e0888034570a0fe388df907984622a338536052c543fb86d7f73ec2c30952e59",
        "plain/manifest.json": "5f13eea330623ac5ddd22b3ea36fba7b2a16bc9e8e727bdd2c044290d9c50de7",
        "plain/revisions.csv": "46becaec041ef7a40d997ebc571ce1fd94e636640fcd6260e6e641eb7d44accf",
        "plain/revisions.json": "37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570",
        "plain/report.html": "c0ca396f5682da7a0392bf4f959898ad765f924da0f156522edb7c10fe5c79b9",
        "plain/report.md": "d1d5aee63a8068e26f8c7ca320a057fc65e90b2f921194be081dec3a25955248",
        "plain/roster.csv": "d0c372be62709caf0fabbc39af31c5c02b51d027398e2ab2df65e879c870514d",
        "plain/roster.json": "27ff1e92b91466316b8265bf1a8da767581c4d073ab89087e45e22710c9b2e2f",
        "plain/tables.xlsx": "38fd0779c3641cda16f281f63d934cfff4140c805301758b508e12954d49fc36",
        "plain/targets.csv": "22095bf2439432bdaa1d119e50557e409967710006f4b8f06908df422a015431",
        "plain/targets.json": "1f9e3f9c7513bbfaafee6d0f714559a59af170f52cc09930be41506c505f8afb",
        "plain/units.csv": "d61e1e32c6e69a319961a9b264e9b093ca97b73f5665c471f61478343b855af7",
        "plain/warnings.csv": "5db5260bee38d103ce630c2d2bfe46ffb71261c14c133a8ee47131bca3d9baa9",
    ]

    @Test(arguments: [true, false])
    func everyFileKeepsItsBytes(bom: Bool) throws {
        let folder = try PeriodFiles.render(GeneratedResult.context(), manifest: Self.manifest, bom: bom)
        var seen: [String: String] = [:]
        for (name, bytes) in folder.files.sorted(by: { $0.key < $1.key }) {
            seen["\(bom ? "bom" : "plain")/\(name)"] = SHA256.hexDigest(SHA256.digest(bytes))
        }
        for (name, digest) in seen.sorted(by: { $0.key < $1.key }) {
            #expect(Self.digests[name] == digest, "\(name) changed")
        }
        // The generated period reaches every section of the report.
        let report = TestText.string(folder.files["report.md"] ?? [])
        for phrase in ["全年目标存在冲突", "拉动较多的是", "下拉较多的是", "从增长面看", "每类至多列出10条", "附表", "附件：数据质量说明"] {
            #expect(report.contains(phrase), "report.md lacks \(phrase)")
        }
        #expect(TestText.string(folder.files["report.html"] ?? []).contains("<svg"))
    }

    @Test func tablesMatchTheReferenceWriters() throws {
        let context = GeneratedResult.context()
        let rows = context.result.indicators.filter { $0.period == context.period }
        let tables = [
            try IndicatorsTable.table(rows, catalog: context.catalog),
            try TargetsTable.table(context.result.targets.filter { $0.period == context.period }, catalog: context.catalog),
            RosterTable.table(context.result.roster), WarningsTable.table(context.warnings),
            PublishedTable(columns: ["a"], rows: []),
        ]
        for table in tables {
            for bom in [true, false] {
                var writer = CSVWriter(byteOrderMark: bom)
                writer.append(table.columns)
                for row in table.rows { writer.append(row.map(\.csvText)) }
                #expect(table.csv(bom: bom) == writer.bytes)
            }
            let objects = table.rows.map { row in JSONValue.object(zip(table.columns, row).map { JSONMember($0, $1.jsonValue) }) }
            #expect(table.json() == Array((JSONValue.array(objects).rendered() + "\n").utf8))
        }
    }
}
