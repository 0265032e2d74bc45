import Foundation
import Testing
import ZonestatCore

@testable import ZonestatPipeline

@Suite("The pipeline file")
struct ConfigTests {
    @Test func defaultPipelineLoads() throws {
        let path = EndToEndTests.packageRoot.appendingPathComponent("pipelines/default.yaml").path
        let config = try PipelineConfig.load(path: path)
        #expect(config.zoneName == "XX经济开发区")
        #expect(config.indicators.map(\.id) == ["tax", "output_value", "value_added", "fixed_investment", "tech_investment"])
        #expect(config.indicator("tax")?.mergeJanFeb == false)
        #expect(config.indicator("output_value")?.mergeJanFeb == true)
        #expect(config.indicator("tax")?.displayPrecision == 2)
        #expect(config.indicator("tech_investment")?.subsetOf == "fixed_investment")
        #expect(config.settleSeconds == 60)
        #expect(config.workspace.hasSuffix("/workspace"))
        #expect(!config.workspace.contains(".."))
    }

    @Test func keyUnitsDefaultToTenForOutputValueAndTax() throws {
        let config = try PipelineConfig.parse(yaml: """
            zone: 测试区
            indicators:
              - id: output_value
                name: 规上工业总产值
              - id: tax
                name: 一般公共预算收入
                key_units: 5
              - id: value_added
                name: 规上工业增加值
              - id: energy
                name: 综合能耗
            """)
        #expect(config.indicators.map(\.keyUnits) == [10, 5, 0, 0])
        #expect(throws: ConfigError.self) {
            try PipelineConfig.parse(yaml: "zone: x\nindicators:\n  - id: a\n    name: A\n    key_units: -1\n")
        }
    }

    @Test func extraAliasesAddToTheDefaults() throws {
        let config = try PipelineConfig.parse(yaml: """
            zone: 测试区
            header_aliases:
              fields:
                credit_code: [组织机构代码证号]
            """)
        #expect(config.aliases.aliases(of: "credit_code").contains("组织机构代码证号"))
        #expect(config.aliases.aliases(of: "credit_code").contains("统一社会信用代码"))
        #expect(config.indicators == IndicatorSpec.defaults)
    }

    @Test(arguments: [
        ("zone: x\ninput:\n  default_unit: 美元\n", "input.default_unit"),
        ("zone: x\nindicators:\n  - id: a\n    name: A\n    subset_of: b\n", "subset_of b"),
        ("zone: x\nindicators:\n  - id: a\n    name: A\n  - id: a\n    name: B\n", "declared twice"),
        ("zone: [unclosed\n", "invalid pipeline file"),
        ("workspace: x\n", "invalid pipeline file"),
    ])
    func invalidFilesSayWhy(_ yaml: String, _ fragment: String) {
        #expect {
            try PipelineConfig.parse(yaml: yaml, path: "p.yaml")
        } throws: { error in
            "\(error)".contains(fragment) && "\(error)".hasPrefix("p.yaml")
        }
    }
}
