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
            try await answer(request) { try await text(request, heading: "Compilation of the proposals") { try Texts($0).compilation(round: nil, html: false) } }
        }
        router.get("/secretariat/collisions") { request, _ in
            try await answer(request) {
                try await text(request, heading: "Collisions (JSON)") { context in
                    String(decoding: try context.json(try MergeDesk(context).collisions(round: nil, includeResolved: true)), as: UTF8.self)
                }
            }
        }
        router.get("/secretariat/dispositions") { request, _ in
            try await answer(request) {
                try await text(request, heading: "Disposition of comments") { context in
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
        let page = try await workspace.run { try SecretariatPage.build($0) }
        return try html(.ok, "secretariat", page, title: "Secretariat", frame: PortalPages.Frame(workspaceTitle: page.workspaceTitle, csrf: session.csrf))
    }

    func text(_ request: Request, heading: String, _ make: @escaping @Sendable (DraftingContext) throws -> String) async throws -> Response {
        let session = try await secretariat(request)
        let (text, title) = try await workspace.run { context in (try make(context), try context.workflow().title) }
        return try html(.ok, "preformatted", TextModel(heading: heading, text: text), title: heading,
                        frame: PortalPages.Frame(workspaceTitle: title, csrf: session.csrf))
    }

    struct TextModel {
        var heading: String
        var text: String
    }

    func packet(_ request: Request) async throws -> Response {
        _ = try await secretariat(request)
        let bytes = try await workspace.run { context in FinalTextPacket.htmlData(try PacketBuilder(context).packet(version: nil)) }
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .contentDisposition: "attachment; filename=\"packet.html\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
