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
        } catch let failure as Failure {
            Terminal.error(failure.message)
            throw ExitCode(failure.code)
        } catch let error as ConfigError {
            Terminal.error("\(error)")
            throw ExitCode(ExitCodes.badPipeline)
        } catch let error as WorkspaceError {
            Terminal.error("\(error)")
            if case .locked = error { throw ExitCode(ExitCodes.locked) }
            throw ExitCode(ExitCodes.ioFailure)
        } catch let error as RebuildError {
            Terminal.error("\(error)")
            throw ExitCode(ExitCodes.ioFailure)
        } catch let error as WarehouseError {
            Terminal.error("\(error)")
            throw ExitCode(ExitCodes.ioFailure)
        } catch {
            Terminal.error("internal failure: \(error)")
            throw ExitCode(ExitCodes.internalFailure)
        }
    }
}
