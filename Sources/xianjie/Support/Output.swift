import Foundation

/// Writing to the terminal, and failing with a message an operator can act on.
enum Output {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("xianjie: " + text + "\n").utf8))
    }

    static func readInput(file: String?) throws -> Data {
        if let file, file != "-" {
            do {
                return try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw CLIError("cannot read \(file): \(error.localizedDescription)")
            }
        }
        return FileHandle.standardInput.readDataToEndOfFile()
    }

    static func time(_ date: Date) -> String {
        date.formatted(.iso8601.time(includingFractionalSeconds: true))
    }
}

struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
