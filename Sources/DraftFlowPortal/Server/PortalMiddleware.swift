import Foundation
import Hummingbird
import Logging

/// On every response: the security headers; and one log line per request with its method, its
/// route pattern (never the path as sent: a sign-in path holds a secret), status and duration.
struct PortalMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let logger: Logger

    static let headers: [(String, String)] = [
        ("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "no-referrer"),
        ("Cache-Control", "no-store"),
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response = Response(status: error.status, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: error.status == .notFound ? "Not found\n" : "\(error.status.reasonPhrase)\n")))
        }
        for (name, value) in Self.headers { response.headers[.init(name)!] = value }
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info("request", metadata: ["method": "\(request.method.rawValue)", "route": "\(context.endpointPath ?? "unmatched")",
                                          "status": "\(response.status.code)", "ms": "\(String(format: "%.1f", milliseconds))"])
        return response
    }
}
