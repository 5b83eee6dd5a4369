#ifndef DRAFTFLOW_CZLIB_SHIM_H
#define DRAFTFLOW_CZLIB_SHIM_H
/* zlib, the same library libgit2 uses: GitPack compresses the objects of its packs and inflates
   loose objects itself; GitCore names the compression level of loose objects. */
#include <zlib.h>
#endif
