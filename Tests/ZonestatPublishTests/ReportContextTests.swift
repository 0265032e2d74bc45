import Testing
import ZonestatCore
@testable import ZonestatPublish

/// The context's lookups of its period's rows follow its result and period when either changes.
@Suite("Report context")
struct ReportContextTests {
    @Test func lookupsAreOfThePeriodOnly() {
        let context = GeneratedResult.context(units: 20)
        let april = context.result.indicators.filter { $0.period == GeneratedResult.period }
        #expect(context.periodIndicators == april)
        #expect(context.zoneRow("tax") == april.first { $0.scope == .zone && $0.indicator == "tax" })
        #expect(context.industryRows("tax") == april.filter { $0.scope == .industry && $0.indicator == "tax" })
        #expect(context.targets == context.result.targets.filter { $0.period == GeneratedResult.period })
        #expect(context.roster == context.result.roster.filter { $0.period == GeneratedResult.period })
    }

    @Test func lookupsFollowAChangedPeriodOrResult() {
        var context = GeneratedResult.context(units: 20)
        context.period = GeneratedResult.other
        let march = context.result.indicators.filter { $0.period == GeneratedResult.other }
        #expect(context.periodIndicators == march)
        #expect(context.zoneRow("tax") == march.first { $0.scope == .zone && $0.indicator == "tax" })
        #expect(context.roster.allSatisfy { $0.period == GeneratedResult.other })
        context.result.indicators.removeAll { $0.scope == .zone }
        #expect(context.zoneRow("tax") == nil)
        #expect(context.industryRows("tax") == march.filter { $0.scope == .industry && $0.indicator == "tax" })
        context.result.indicators = march
        #expect(context.periodIndicators == march)
    }
}
