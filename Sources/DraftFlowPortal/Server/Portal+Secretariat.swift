import DraftFlow
import DraftFlowExport
import Foundation
import Hummingbird
import NIOCore

/// The secretariat's routes: every one under `/secretariat`, answered only to its session (a
/// member's session gets "not found").
extension Portal {
    func addSecretariatRoutes(to router: Router<BasicRequestContext>) {
        router.get("/secretariat") { request, _ in try await answer(request) { try await dashboard(request) } }
        router.get("/secretariat/compilation") { request, _ in
            try await answer(request) { try await text(request, heading: "sec_compilationHeading") { try Texts($0).compilation(round: nil, html: false) } }
        }
        router.get("/secretariat/collisions") { request, _ in
            try await answer(request) {
                try await text(request, heading: "sec_collisionsHeading") { context in
                    String(decoding: try context.json(try MergeDesk(context).collisions(round: nil, includeResolved: true)), as: UTF8.self)
                }
            }
        }
        router.get("/secretariat/dispositions") { request, _ in
            try await answer(request) {
                try await text(request, heading: "sec_dispositionsHeading") { context in
                    DispositionTable.markdownTable(try DispositionDesk(context).rows(round: nil).rows)
                }
            }
        }
        router.get("/secretariat/packet") { request, _ in try await answer(request) { try await packet(request) } }
    }

    func secretariat(_ request: Request) async throws -> Session {
        let session = try await session(request)
        guard session.holder == .secretariat else { throw PortalRefusal.notFound }
        return session
    }

    func dashboard(_ request: Request) async throws -> Response {
        let session = try await secretariat(request)
        let language = language(request)
        let page = try await workspace.run { try SecretariatPage.build($0, language: language) }
        return try html(.ok, "secretariat", page, title: page.t["sec_title"] ?? "", frame: PortalPages.Frame(workspaceTitle: page.workspaceTitle, csrf: session.csrf, language: language),
                        keepLanguage: request)
    }

    /// A text page; `heading` is the key of its heading.
    func text(_ request: Request, heading key: String, _ make: @escaping @Sendable (DraftingContext) throws -> String) async throws -> Response {
        let session = try await secretariat(request)
        let language = language(request)
        let (text, title) = try await workspace.run { context in (try make(context), try context.workflow().title) }
        let heading = language.strings[key] ?? key
        return try html(.ok, "preformatted", TextModel(heading: heading, text: text, t: language.strings), title: heading,
                        frame: PortalPages.Frame(workspaceTitle: title, csrf: session.csrf, language: language), keepLanguage: request)
    }

    struct TextModel {
        var heading: String
        var text: String
        var t: [String: String]
    }

    func packet(_ request: Request) async throws -> Response {
        _ = try await secretariat(request)
        let bytes = try await workspace.run { context in FinalTextPacket.htmlData(try PacketBuilder(context).packet(version: nil)) }
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .contentDisposition: "attachment; filename=\"packet.html\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
