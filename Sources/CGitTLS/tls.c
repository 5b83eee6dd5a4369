/* Deferred CA certificates for libgit2's mbedTLS back end (see include/git_tls.h).
 *
 * The two mbedTLS functions libgit2 calls are defined here, in the executable, so that the
 * dynamic linker binds libgit2's calls to them (an executable's definition comes first); each
 * forwards to the real one in libmbedx509 / libmbedtls, found with dlsym(RTLD_NEXT).
 * - mbedtls_x509_crt_parse_file, called while deferring (inside git_libgit2_init only), records
 *   the file and parses nothing; called at any other time, it parses as always.
 * - mbedtls_ssl_setup, called by libgit2 for every TLS stream, first parses the deferred
 *   certificates through git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS), which installs them as
 *   libgit2's CA chain exactly as its init would have: a connection verifies as before. */
#define _GNU_SOURCE
#include "git_tls.h"

#include <dlfcn.h>
#include <git2.h>
#include <pthread.h>
#include <string.h>

static pthread_mutex_t tls_lock = PTHREAD_MUTEX_INITIALIZER;
static int deferring = 0;
static int deferred = 0;
static char deferred_file[4096];

typedef int (*parse_file_fn)(void *chain, const char *path);
typedef int (*ssl_setup_fn)(void *ssl, const void *conf);

int mbedtls_x509_crt_parse_file(void *chain, const char *path) {
    pthread_mutex_lock(&tls_lock);
    if (deferring && path != NULL && strlen(path) < sizeof(deferred_file)) {
        strcpy(deferred_file, path);
        deferred = 1;
        pthread_mutex_unlock(&tls_lock);
        return 0;
    }
    pthread_mutex_unlock(&tls_lock);
    parse_file_fn real = (parse_file_fn)dlsym(RTLD_NEXT, "mbedtls_x509_crt_parse_file");
    return real ? real(chain, path) : -1;
}

int draftflow_git_tls_load(void) {
    pthread_mutex_lock(&tls_lock);
    if (!deferred) {
        pthread_mutex_unlock(&tls_lock);
        return 0;
    }
    deferred = 0;
    char file[sizeof(deferred_file)];
    strcpy(file, deferred_file);
    pthread_mutex_unlock(&tls_lock);
    return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, NULL);
}

int mbedtls_ssl_setup(void *ssl, const void *conf) {
    draftflow_git_tls_load();
    ssl_setup_fn real = (ssl_setup_fn)dlsym(RTLD_NEXT, "mbedtls_ssl_setup");
    return real ? real(ssl, conf) : -1;
}

void draftflow_git_tls_defer_begin(void) {
    pthread_mutex_lock(&tls_lock);
    deferring = 1;
    pthread_mutex_unlock(&tls_lock);
}

void draftflow_git_tls_defer_end(void) {
    pthread_mutex_lock(&tls_lock);
    deferring = 0;
    pthread_mutex_unlock(&tls_lock);
}

int draftflow_git_tls_deferred(void) {
    pthread_mutex_lock(&tls_lock);
    int result = deferred;
    pthread_mutex_unlock(&tls_lock);
    return result;
}

const char *draftflow_git_tls_deferred_file(void) {
    return deferred ? deferred_file : "";
}

int draftflow_git_set_certificate_file(const char *file) {
    return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, NULL);
}
