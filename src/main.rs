//! The `factlint` command.

mod cli;

/// mimalloc (its version 2 line) serves the command's allocations: a run
/// makes a few hundred small, short-lived allocations per file, and it was
/// faster than the system allocator over the benchmark corpus, within the
/// memory target (docs/performance.md). Built without transparent huge
/// pages: with them, memory it returned and took back was faulted in again
/// 2 MiB at a time, and zeroing those pages took 8% of a run. The library
/// leaves the choice of allocator to its user.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::main());
}
