import ArgumentParser
import GapKit

/// Exit codes from sysexits.h, which scripts and CI understand.
enum ExitStatus {
    static let dataError = ExitCode(65)
    static let noInput = ExitCode(66)
    static let cannotCreate = ExitCode(73)
    static let ioError = ExitCode(74)
}

/// Prints what went wrong to standard error and returns the exit code that says what kind of failure it was.
func report(_ error: any Error) -> ExitCode {
    switch error {
    case let error as DiagnosticsError:
        Terminal.printError(error.description, terminator: "")
        return ExitStatus.dataError
    case let error as InputError:
        Terminal.printError(error.description)
        if case .notFound = error.reason { return ExitStatus.noInput }
        return ExitStatus.ioError
    case let error as BatchError:
        Terminal.printError(error.description)
        return ExitStatus.dataError
    case let error as OutputError:
        Terminal.printError(error.description)
        return ExitStatus.cannotCreate
    default:
        Terminal.printError("error: \(error)")
        return ExitStatus.ioError
    }
}
