import ArgumentParser
import Foundation
import ZonestatPipeline

/// Maps every failure of a stage to its documented exit code and a one-line message.
enum Runner {
    static func execute(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            let (code, message) = ExitCodes.classify(error)
            Terminal.error(message)
            throw ExitCode(code)
        }
    }
}
