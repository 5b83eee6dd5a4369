#if canImport(Glibc)
import CMalloc
#endif

/// How far glibc's heap grows past what a command asks for.
enum HeapGrowth {
    /// Has glibc grow (and keep) heaps `megabytes` past what is asked, instead of 128 KB, and map
    /// each thread's heap that much larger when the thread first allocates: a thread's heap
    /// otherwise grows a page at a time. `redline` on 1,000 paragraphs made 3,400 `mprotect` calls
    /// of one page each (5% of its time) in the heap of the thread running it; with 32 MB, a few
    /// dozen. Pages not touched take no memory: the peak resident memory stays the same. To be
    /// called before other threads start (glibc sizes the heaps of threads that allocate later).
    static func padTop(megabytes: Int32 = 32) {
        #if canImport(Glibc)
        _ = mallopt(M_TOP_PAD, megabytes << 20)
        #endif
    }
}
