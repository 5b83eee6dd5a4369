#ifndef DRAFTFLOW_CLIBGIT2_SHIM_H
#define DRAFTFLOW_CLIBGIT2_SHIM_H
#define GIT_DEPRECATE_HARD
#include <git2.h>
#include <git2/sys/repository.h>
#include <git2/sys/odb_backend.h>

/* The trailer of the index as libgit2 last read or wrote it (the SHA-1 git verifies on every read).
   Deprecated in libgit2 1.5 "with no replacement", so hidden by GIT_DEPRECATE_HARD, but exported by
   the library: syncWorkTree compares it with the one it recorded after its own write. */
GIT_EXTERN(const git_oid *) git_index_checksum(git_index *index);

/* git_libgit2_opts is variadic, which Swift cannot call: these wrap the options DraftFlow sets. */
static inline int draftflow_git_enable_fsync(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, enabled);
}
static inline int draftflow_git_enable_strict_objects(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, enabled);
}
/* Whether every object read is hashed again (libgit2's default). Git itself does not do this on reads;
   `draftflow verify` re-hashes every object on its own. */
static inline int draftflow_git_enable_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}
/* The largest object of a type that libgit2 keeps in its object cache (trees: 4 KB by default). */
static inline int draftflow_git_set_cache_object_limit(git_object_t type, size_t size) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, type, size);
}
#endif
