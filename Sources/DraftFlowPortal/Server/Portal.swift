import DraftFlow
import DraftFlowGit
import Foundation
import Hummingbird
import Logging
import NIOCore

/// `draftflow serve`: the member portal on a workspace, on Hummingbird.
public struct Portal: Sendable {
    let configuration: PortalConfiguration
    let workspace: PortalWorkspace
    let pages: PortalPages
    let logger: Logger
    let limiter: RateLimiter

    public init(_ configuration: PortalConfiguration, logger: Logger) throws {
        self.configuration = configuration
        workspace = PortalWorkspace(folder: configuration.workspace, now: configuration.now, document: configuration.document)
        pages = try PortalPages()
        self.logger = logger
        limiter = RateLimiter(limit: configuration.requestsPerMinute)
    }

    /// Serves until the task is cancelled or the process is told to stop; `onRunning` gets the
    /// port bound once the server listens.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let router = Router()
        router.middlewares.add(PortalMiddleware(logger: logger))
        addRoutes(to: router)
        let app = Application(router: router,
                              configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "DraftFlow"),
                              onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
                              logger: logger)
        try await app.runService()
    }

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in try await answer(request) { try await home(request) } }
        router.get("/signin/:secret") { request, context in try await answer(request) { try await signIn(request, context: context) } }
        router.post("/signout") { request, _ in try await answer(request) { try await signOut(request) } }
        router.get("/static/portal.css") { _, _ in StaticFiles.response(StaticFiles.css, type: "text/css; charset=utf-8") }
        router.get("/static/portal.js") { _, _ in StaticFiles.response(StaticFiles.script, type: "text/javascript; charset=utf-8") }
        addMemberRoutes(to: router)
        addSecretariatRoutes(to: router)
    }

    // MARK: - Sign-in

    func home(_ request: Request) async throws -> Response {
        if let session = try await Session.open(request, workspace: workspace) {
            return redirect(to: landing(session.holder))
        }
        let title = try await workspace.run { try $0.workflow().title }
        let language = language(request)
        let strings = language.strings
        return try html(.ok, "message", PortalPages.MessageModel(heading: strings["home.heading"] ?? "", text: strings["home.text"] ?? "",
                                                              fix: nil, back: nil),
                        title: strings["home.heading"] ?? "", frame: PortalPages.Frame(workspaceTitle: title, csrf: nil, language: language),
                        keepLanguage: request)
    }

    func signIn(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let secret = context.parameters.get("secret") ?? ""
        guard let holder = try await workspace.run({ try PortalAccess($0).holder(ofSecret: secret) }) else {
            throw PortalRefusal.badLink
        }
        logger.info("signed in", metadata: ["holder": "\(holder.recordName)"])
        var response = redirect(to: landing(holder))
        response.headers[.setCookie] = Session.setCookie(secret, secure: secure(request))
        return response
    }

    func signOut(_ request: Request) async throws -> Response {
        var request = request
        let form = FormData.urlEncoded(Data(buffer: try await request.collectBody(upTo: 64 * 1024)))
        if let session = try await Session.open(request, workspace: workspace), !session.acceptsCSRF(form["csrf"]) {
            throw PortalRefusal.csrf
        }
        var response = redirect(to: "/")
        response.headers[.setCookie] = Session.clearCookie(secure: secure(request))
        return response
    }

    func landing(_ holder: PortalHolder) -> String {
        switch holder {
        case .member(let member): return "/member/\(member.code)"
        case .secretariat: return "/secretariat"
        }
    }

    // MARK: - Answers

    /// Runs a handler, turning refusals and the use cases' errors into pages.
    func answer(_ request: Request, _ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let refusal as PortalRefusal {
            return try await refusalPage(refusal, language: language(request))
        } catch let error as DraftFlowError {
            if error.kind == .storage || error.kind == .workspace {
                logger.error("request failed", metadata: ["error": "\(error.message)"])
            }
            return try await refusalPage(.from(error), language: language(request))
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return try await refusalPage(.tooLarge, language: language(request))
        }
    }

    func refusalPage(_ refusal: PortalRefusal, language: PortalLanguage) async throws -> Response {
        let title = (try? await workspace.run { try $0.workflow().title }) ?? "DraftFlow"
        let strings = language.strings
        let heading = refusal.heading.text(in: strings)
        return try html(refusal.status, "message",
                        PortalPages.MessageModel(heading: heading, text: refusal.text.text(in: strings), fix: refusal.fix?.text(in: strings), back: nil),
                        title: heading, frame: PortalPages.Frame(workspaceTitle: title, csrf: nil, language: language))
    }

    /// The language of the request's pages: `?lang=`, else the one the browser chose before (the
    /// language cookie), else its Accept-Language, else English.
    func language(_ request: Request) -> PortalLanguage {
        let asked: String? = request.uri.queryParameters.get("lang").map { String($0) }
        return PortalLanguage.chosen(query: asked, cookie: request.cookies[PortalLanguage.cookieName]?.value,
                                     acceptLanguage: request.headers[.acceptLanguage])
    }

    /// A page; with `keepLanguage`, a language the request asked for with `?lang=` is kept in a
    /// cookie for the pages that follow (a post's answer, the next visit).
    func html(_ status: HTTPResponse.Status, _ template: String, _ model: Any, title: String, frame: PortalPages.Frame,
              keepLanguage request: Request? = nil) throws -> Response {
        let page = pages.page(template, model, title: title, frame: frame)
        var response = Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page)))
        if let request, let asked = request.uri.queryParameters.get("lang"), let language = PortalLanguage(tag: String(asked)) {
            response.headers[.setCookie] = "\(PortalLanguage.cookieName)=\(language.rawValue); Path=/; HttpOnly; SameSite=Lax" + (secure(request) ? "; Secure" : "")
        }
        return response
    }

    func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// Whether the browser reached the portal over HTTPS (directly configured, or through a proxy).
    func secure(_ request: Request) -> Bool {
        configuration.secureCookies || request.headers[.init("X-Forwarded-Proto")!]?.lowercased() == "https"
    }

    /// The session of `request`, refused when there is none or it is over its rate limit.
    func session(_ request: Request) async throws -> Session {
        guard let session = try await Session.open(request, workspace: workspace) else { throw PortalRefusal.signIn }
        guard await limiter.admit(PortalTokens.hash(session.secret)) else { throw PortalRefusal.tooMany }
        return session
    }

    /// The member session of `request` for the member page `code`: another member's page, or the
    /// secretariat's session, is not found.
    func member(_ request: Request, code: String?) async throws -> (Member, Session) {
        let session = try await session(request)
        guard case .member(let member) = session.holder, member.code == code else { throw PortalRefusal.notFound }
        return (member, session)
    }

    /// Drains what storage had to say into the log.
    func logStorageNotices() {
        for notice in StorageNotices.take() { logger.notice("storage", metadata: ["notice": "\(notice)"]) }
    }
}
