import Foundation

/// A `DecodingError` told for people: what is wrong, and where in the record, e.g.
/// "the key 'round' is missing (at members.0)".
public enum DecodingProblem {
    public static func describe(_ error: DecodingError) -> String {
        let problem: String
        let context: DecodingError.Context
        switch error {
        case .keyNotFound(let key, let found):
            problem = "the key '\(key.stringValue)' is missing"
            context = found
        case .valueNotFound(let type, let found):
            problem = "a value (\(type)) is missing"
            context = found
        case .typeMismatch(let type, let found):
            problem = "a value is not of the expected type (\(type))"
            context = found
        case .dataCorrupted(let found):
            problem = found.codingPath.isEmpty ? "it is not valid JSON" : found.debugDescription
            context = found
        @unknown default:
            return "\(error)"
        }
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return problem + (path.isEmpty ? "" : " (at \(path))")
    }
}
