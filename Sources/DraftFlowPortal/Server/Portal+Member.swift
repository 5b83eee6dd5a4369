import DraftFlow
import Foundation
import Hummingbird
import NIOCore

/// The member's routes: every one under `/member/CODE`, answered only to that member's session.
extension Portal {
    func addMemberRoutes(to router: Router<BasicRequestContext>) {
        router.get("/member/:code") { request, context in try await answer(request) { try await memberPage(request, context: context) } }
        router.post("/member/:code/comments") { request, context in try await answer(request) { try await postComment(request, context: context) } }
        router.post("/member/:code/upload") { request, context in try await answer(request) { try await upload(request, context: context) } }
        router.post("/member/:code/silence") { request, context in try await answer(request) { try await silence(request, context: context) } }
        router.get("/member/:code/receipts/:round/:number") { request, context in try await answer(request) { try await receipt(request, context: context) } }
    }

    func memberPage(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let (member, session) = try await member(request, code: context.parameters.get("code"))
        let query = request.uri.queryParameters
        let language = language(request)
        let strings = language.strings
        var notice: String?
        if let recorded = query.get("recorded").flatMap({ Int(String($0)) }) {
            notice = (strings["recordedBefore"] ?? "") + String(recorded) + (strings["recordedAfter"] ?? "")
        } else if query.get("same") != nil {
            notice = strings["same"]
        }
        let csrf = session.csrf
        let shown = notice
        let (built, title) = try await workspace.run { context in
            (try MemberPage.build(context, member: member, csrf: csrf, notice: shown, language: language), try context.workflow().title)
        }
        return try html(.ok, "member", built, title: "\(member.name) (\(member.code))",
                        frame: PortalPages.Frame(workspaceTitle: title, csrf: csrf, language: language), keepLanguage: request)
    }

    /// Reads a URL-encoded form and checks its CSRF token.
    func form(_ request: Request, session: Session) async throws -> FormData {
        var request = request
        let form = FormData.urlEncoded(Data(buffer: try await request.collectBody(upTo: 4 * 1024 * 1024)))
        guard session.acceptsCSRF(form["csrf"]) else { throw PortalRefusal.csrf }
        return form
    }

    func postComment(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let (member, session) = try await member(request, code: context.parameters.get("code"))
        let form = try await form(request, session: session)
        let paragraph = form["paragraph"] ?? "general"
        guard let type = CommentType(rawValue: form["type"] ?? "general"), type != .unspecified else {
            throw PortalRefusal.unrecorded("badType", fix: false)
        }
        let outcome = try await workspace.submit(member: member.code) { context in
            try MemberDesk(context: context, member: member).commentItem(paragraph: paragraph, type: type, text: form["comment"] ?? "", proposed: form["proposed"] ?? "")
        }
        return recorded(outcome, member: member, action: "comment")
    }

    func upload(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let (member, session) = try await member(request, code: context.parameters.get("code"))
        guard let boundary = request.headers[.contentType].flatMap(FormData.boundary(ofContentType:)) else {
            throw PortalRefusal.unrecorded("notUpload")
        }
        let body = try await uploadBody(request)
        guard let form = FormData.multipart(body, boundary: boundary) else {
            throw PortalRefusal.unrecorded("unreadableUpload")
        }
        guard session.acceptsCSRF(form["csrf"]) else { throw PortalRefusal.csrf }
        guard let file = form.file else {
            throw PortalRefusal.unrecorded("noFile")
        }
        guard file.data.count <= configuration.maximumUpload else { throw PortalRefusal.tooLarge }
        let kind = MemberDesk.UploadKind(rawValue: form["kind"] ?? "copy") ?? .editedCopy
        let outcome = try await workspace.submit(member: member.code) { context in
            try MemberDesk(context: context, member: member).uploadItem(name: file.name, data: file.data, kind: kind)
        }
        return recorded(outcome, member: member, action: "upload")
    }

    /// The body of an upload of at most the limit (and 64 KiB for the form around the file). A
    /// larger one is read to its end and dropped, up to 64 MiB, so that the browser gets the
    /// answer instead of a reset connection; nothing of it is kept.
    func uploadBody(_ request: Request) async throws -> Data {
        let limit = configuration.maximumUpload + 64 * 1024
        var body = Data()
        var total = 0
        for try await chunk in request.body {
            total += chunk.readableBytes
            if total <= limit {
                body.append(contentsOf: chunk.readableBytesView)
            } else {
                body = Data()
                if total > 64 * 1024 * 1024 { break }
            }
        }
        guard total <= limit else { throw PortalRefusal.tooLarge }
        return body
    }

    func silence(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let (member, session) = try await member(request, code: context.parameters.get("code"))
        let form = try await form(request, session: session)
        let object = form["reply"] == "object"
        let objection = object ? (form["objection"] ?? "") : nil
        guard form["confirm"] == "yes" else {
            let title = try await workspace.run { try $0.workflow().title }
            let language = language(request)
            let t = language.strings
            let key = object ? "confirmObject" : "confirmNoObjection"
            let text = object ? t["confirmObject.text"] ?? "" : (t["confirmNoObjection.textBefore"] ?? "") + member.name + (t["confirmNoObjection.textAfter"] ?? "")
            let model = ConfirmModel(heading: t[key + ".heading"] ?? "", text: text,
                                     objection: objection, code: member.code, csrf: session.csrf, reply: object ? "object" : "no-objection",
                                     button: t[key + ".button"] ?? "", t: t)
            return try html(.ok, "confirm", model, title: model.heading, frame: PortalPages.Frame(workspaceTitle: title, csrf: session.csrf, language: language))
        }
        let outcome = try await workspace.write { context in
            try MemberDesk(context: context, member: member).silenceReply(objection: objection)
        }
        return recorded(outcome, member: member, action: object ? "objection" : "no objection")
    }

    struct ConfirmModel {
        var heading: String
        var text: String
        var objection: String?
        var code: String
        var csrf: String
        var reply: String
        var button: String
        var t: [String: String]
    }

    func receipt(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let (member, _) = try await member(request, code: context.parameters.get("code"))
        let language = language(request)
        guard let round = context.parameters.get("round"), (try? SafeName.label(round)) != nil,
              let number = context.parameters.get("number").flatMap(Int.init) else { throw PortalRefusal.notFound }
        let page: String
        do {
            page = try await workspace.run { context in try Receipts(context).receipt("\(round)/\(member.code)/\(number)").html(language) }
        } catch let error as DraftFlowError where error.kind == .invalidInput {
            throw PortalRefusal.notFound
        }
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    /// After a write: the log line, and back to the member's page (post, redirect, get).
    func recorded(_ outcome: Submissions.Outcome, member: Member, action: String) -> Response {
        logStorageNotices()
        let submission = outcome.submission
        if outcome.alreadyRecorded {
            logger.info("write: nothing new", metadata: ["member": "\(member.code)", "action": "\(action)", "round": "\(submission.round)"])
            return redirect(to: "/member/\(member.code)?same=\(submission.number)")
        }
        logger.info("write: recorded", metadata: ["member": "\(member.code)", "action": "\(action)", "round": "\(submission.round)",
                                                  "submission": "\(submission.number)", "comments": "\(submission.comments.count)",
                                                  "commit": "\(outcome.commitID ?? "-")"])
        return redirect(to: "/member/\(member.code)?recorded=\(submission.number)")
    }
}
