import CGitTLS
import Foundation
import GitCore
import Testing

/// libgit2's CA certificates are parsed at the first TLS connection instead of at start-up: they
/// must then be parsed by mbedTLS itself, into libgit2's chain, as its start-up would have.
@Suite struct DeferredCertificatesTests {
    @Test func theCertificatesWaitAndThenLoadThroughLibgit2() throws {
        let state = LibGit2.deferredCertificates
        // Another test of this process may have loaded them already; until then they wait, named.
        if state.waiting { #expect(state.file == "/etc/ssl/certs/ca-certificates.crt") }
        #expect(LibGit2.loadCertificates() == 0)
        #expect(LibGit2.deferredCertificates.waiting == false)
        #expect(LibGit2.loadCertificates() == 0)
        // After start-up, a certificate file is parsed at once, by mbedTLS: a file that is not
        // there is an error, the system's file is not.
        #expect(draftflow_git_set_certificate_file("/nonexistent/ca.crt") != 0)
        #expect(draftflow_git_set_certificate_file("/etc/ssl/certs/ca-certificates.crt") == 0)
    }
}
