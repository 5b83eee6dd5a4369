#if canImport(Glibc)
import CMalloc
#endif

/// How far glibc's heap grows past what a command asks for, and what it gives back.
enum HeapGrowth {
    /// Sets the heap's growth for the command named first on the command line: to be called before
    /// other threads start (glibc sizes the heaps of threads that allocate later).
    static func set(forCommand name: String?) {
        switch name {
        case RedlineCommand.configuration.commandName:
            padTop()
        case Merge.configuration.commandName, Resolve.configuration.commandName:
            keepFreedMemory()
        default:
            break
        }
    }

    /// Has glibc grow (and keep) heaps `megabytes` past what is asked, instead of 128 KB, and map
    /// each thread's heap that much larger when the thread first allocates: a thread's heap
    /// otherwise grows a page at a time. `redline` on 1,000 paragraphs made 3,400 `mprotect` calls
    /// of one page each (5% of its time) in the heap of the thread running it; with 32 MB, a few
    /// dozen. Pages not touched take no memory: the peak resident memory stays the same.
    static func padTop(megabytes: Int32 = 32) {
        #if canImport(Glibc)
        _ = mallopt(M_TOP_PAD, megabytes << 20)
        #endif
    }

    /// For `merge` and `resolve`: memory freed is kept for the next allocation instead of going
    /// back to the kernel, which hands out fresh pages zeroed one by one. Blocks up to 32 MB
    /// (glibc's limit) come from the heap rather than from a mapping of their own, the heap is not
    /// trimmed below 1 GB of free space, and it grows 64 MB at a time. A scale-1 merge took 33,190
    /// page faults with glibc's defaults and 23,980 with these, its CPU 6% less (median) at the
    /// same peak; `resolve` 16% less (BENCHMARKS.md). `dispose` and `intake` gained nothing.
    /// One heap for all threads: what a helper thread frees (the compressed objects of the pack
    /// a large commit is written as) is then there for the main thread's next allocation, where a
    /// heap of the helper's own kept 12 MB more at the peak of a merge at 772 members.
    static func keepFreedMemory() {
        #if canImport(Glibc)
        _ = mallopt(M_ARENA_MAX, 1)
        _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        _ = mallopt(M_TRIM_THRESHOLD, 1 << 30)
        _ = mallopt(M_TOP_PAD, 64 << 20)
        #endif
    }
}
