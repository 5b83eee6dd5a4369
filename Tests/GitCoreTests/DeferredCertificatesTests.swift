import CGitTLS
import Clibgit2
import Foundation
import GitCore
import TestSupport
import Testing

/// libgit2's CA certificates are parsed at the first TLS connection instead of at start-up: they
/// must then be parsed by mbedTLS itself, into libgit2's chain, as its start-up would have.
@Suite struct DeferredCertificatesTests {
    @Test func theCertificatesWaitForTheFirstTLSStreamAndThenLoadThroughLibgit2() throws {
        let state = LibGit2.deferredCertificates
        // Nothing in this process opened a TLS stream before: the certificates wait, named.
        if state.waiting { #expect(state.file == "/etc/ssl/certs/ca-certificates.crt") }
        // libgit2 sets up its TLS stream before it connects: a clone over https from a port where
        // nothing listens fails, and the certificates have been parsed on the way.
        let scratch = try ScratchDirectory()
        var repository: OpaquePointer?
        let cloned = git_clone(&repository, "https://127.0.0.1:9/nothing.git", scratch.url.appendingPathComponent("clone").path, nil)
        #expect(cloned != 0)
        if let repository { git_repository_free(repository) }
        #expect(LibGit2.deferredCertificates.waiting == false)
        #expect(LibGit2.loadCertificates() == 0)
        // After start-up, a certificate file is parsed at once, by mbedTLS: a file that is not
        // there is an error, the system's file is not.
        #expect(draftflow_git_set_certificate_file("/nonexistent/ca.crt") != 0)
        #expect(draftflow_git_set_certificate_file("/etc/ssl/certs/ca-certificates.crt") == 0)
    }
}
