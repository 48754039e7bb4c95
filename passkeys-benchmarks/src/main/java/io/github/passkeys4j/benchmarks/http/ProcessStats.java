package io.github.passkeys4j.benchmarks.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's CPU time and resident memory, read from Linux's {@code /proc} (no agent in the app under test). */
final class ProcessStats {

    private ProcessStats() {}

    /** User plus system CPU time so far, in clock ticks ({@code utime + stime}, fields 14 and 15 of {@code stat}). */
    static long cpuTicks(long pid) {
        String stat = read(pid, "stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Resident set size ({@code VmRSS}) in kB. */
    static long residentKb(long pid) {
        for (String line : read(pid, "status").split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    private static String read(long pid, String file) {
        try {
            return Files.readString(Path.of("/proc", pid == 0 ? "self" : Long.toString(pid), file));
        } catch (IOException e) {
            throw new IllegalStateException("process " + pid + " is gone (" + e.getMessage() + ")", e);
        }
    }
}
