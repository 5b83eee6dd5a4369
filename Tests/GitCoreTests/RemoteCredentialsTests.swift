import Foundation
@testable import GitCore
import Testing
import TestSupport

/// Where a fetch or a push finds its credentials, without ever showing a secret.
@Suite struct RemoteCredentialsTests {
    @Test func theEnvironmentsTokenIsUsedAndNeverShown() {
        let credentials = RemoteCredentials.fromEnvironment(["DRAFTFLOW_GIT_USERNAME": "itu", "DRAFTFLOW_GIT_TOKEN": "s3cret-token"])
        #expect(credentials.username == "itu")
        #expect(credentials.password == "s3cret-token")
        let shown = RemoteCredentials(username: "itu", password: "s3cret-token", helper: nil, useAgent: true).description
        #expect(shown == "the password of DRAFTFLOW_GIT_PASSWORD or DRAFTFLOW_GIT_TOKEN for itu, the ssh agent")
        #expect(!credentials.description.contains("s3cret"))
    }

    @Test func aCredentialHelperIsAskedWithTheGitCredentialsProtocol() throws {
        let scratch = try ScratchDirectory()
        let request = scratch.url.appendingPathComponent("request")
        let helper = "!f() { cat > '\(request.path)'; echo username=alice; echo password=pw-from-helper; }; f"
        let credentials = RemoteCredentials(username: nil, password: nil, helper: helper, useAgent: false)
        let found = try #require(credentials.fromHelper(url: "https://git.example.org:8443/itu/hlpf.git", username: nil))
        #expect(found.username == "alice")
        #expect(found.password == "pw-from-helper")
        #expect(try String(contentsOf: request, encoding: .utf8) == "protocol=https\nhost=git.example.org:8443\n\n")
        // A helper that knows nothing gives nothing.
        #expect(RemoteCredentials(helper: "!f() { cat > /dev/null; }; f", useAgent: false).fromHelper(url: "https://git.example.org/x.git", username: "bob") == nil)
    }
}
