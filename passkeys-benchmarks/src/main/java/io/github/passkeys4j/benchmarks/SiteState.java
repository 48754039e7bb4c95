package io.github.passkeys4j.benchmarks;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One {@link Site} per benchmark run (shared by its threads), built before the first warmup iteration. */
@State(Scope.Benchmark)
public class SiteState {

    /**
     * Accounts with a passkey each, already stored. The in-memory stores look accounts up by username and list an
     * account's passkeys by scanning everything stored, so registration figures depend on this (try
     * {@code -p users=10000}).
     */
    @Param("1000")
    public int users;

    Site site;
    private int nextAccount;

    @Setup(Level.Trial)
    public void buildSite() {
        site = Site.withUsers(users);
    }

    /** The accounts in turn (for one benchmark thread). */
    String nextUsername() {
        return site.username(nextAccount++);
    }
}
