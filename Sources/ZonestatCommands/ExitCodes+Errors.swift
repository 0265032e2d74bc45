import ArgumentParser
import Foundation
import ZonestatPipeline
import ZonestatPublish

extension ExitCodes {
    /// The documented exit code and the one-line message for an error a stage threw: every
    /// I/O failure of any stage is 4, with the path and the system's reason.
    static func classify(_ error: any Error) -> (code: Int32, message: String) {
        switch error {
        case let failure as Failure:
            return (failure.code, failure.message)
        case let error as ConfigError:
            return (badPipeline, "\(error)")
        case let error as WorkspaceError:
            if case .locked = error { return (locked, "\(error)") }
            return (ioFailure, "\(error)")
        case let error as RebuildError:
            return (ioFailure, "\(error)")
        case let error as WarehouseError:
            if case .interrupted = error { return (internalFailure, "internal failure: \(error)") }
            return (ioFailure, "\(error)")
        case let error as PublicationError:
            if case .invalidName = error { return (internalFailure, "internal failure: \(error)") }
            return (ioFailure, "\(error)")
        case let error as PublishError:
            return (badPipeline, "\(error)")
        case let error as CocoaError where error.isFileError:
            let path = (error.userInfo[NSFilePathErrorKey] as? String) ?? error.filePath ?? "?"
            let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
            let reason = underlying.map { $0.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32($0.code))) : $0.localizedDescription }
            return (ioFailure, "\(path): \(reason ?? error.localizedDescription)")
        case let error as POSIXError:
            return (ioFailure, "\(String(cString: strerror(error.code.rawValue)))")
        default:
            return (internalFailure, "internal failure: \(error)")
        }
    }
}

extension CocoaError {
    /// Whether the error is about a file (reading, writing, a missing or unwritable path).
    var isFileError: Bool { (code.rawValue >= 0 && code.rawValue < 1024) || filePath != nil }
}
