#ifndef DRAFTFLOW_GIT_TLS_H
#define DRAFTFLOW_GIT_TLS_H

/* libgit2 1.5.1 as Debian builds it (mbedTLS) parses every CA certificate of
 * /etc/ssl/certs/ca-certificates.crt in git_libgit2_init: 52 M instructions, most of the start-up
 * of a command that never opens a connection. Between begin and end, the certificates are not
 * parsed but remembered; they are parsed when the first TLS connection is set up (libgit2's
 * mbedtls_ssl_setup), or by draftflow_git_tls_load. See tls.c. */

/* Call just before git_libgit2_init. */
void draftflow_git_tls_defer_begin(void);
/* Call just after it. */
void draftflow_git_tls_defer_end(void);
/* 0: nothing deferred (or loaded since), 1: the certificates are deferred, not parsed yet. */
int draftflow_git_tls_deferred(void);
/* The certificate file libgit2 asked for at init, or "" when none was deferred. */
const char *draftflow_git_tls_deferred_file(void);
/* Parses the deferred certificates now (what the first connection does); 0 on success or when
 * nothing was deferred, else libgit2's error code. */
int draftflow_git_tls_load(void);

/* git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, NULL), which Swift cannot call (variadic). */
int draftflow_git_set_certificate_file(const char *file);

#endif
