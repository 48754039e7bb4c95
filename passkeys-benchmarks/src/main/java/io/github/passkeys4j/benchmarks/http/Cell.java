package io.github.passkeys4j.benchmarks.http;

import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one app did at one client count, added up over the measured rounds: sign-ins, errors, latency histograms (in
 * microseconds: the whole sign-in and each step), the measured wall time, and the CPU the app and the generator used
 * in exactly those windows.
 */
final class Cell {

    /** The steps of a sign-in, in order; the generator's signature is timed so that it can be told apart. */
    static final String[] STEPS = {"login page", "options", "signature (generator)", "finish"};

    final Histogram total = histogram();
    final Histogram[] steps = {histogram(), histogram(), histogram(), histogram()};
    final Map<String, Integer> errors = new TreeMap<>();
    String firstError;
    long signIns;
    long nanos;
    long serverTicks;
    long generatorTicks;
    long residentKb;

    static Histogram histogram() {
        return new Histogram(60_000_000L, 3); // 1 µs to 60 s
    }

    synchronized void add(Cell round) {
        total.add(round.total);
        for (int i = 0; i < steps.length; i++) {
            steps[i].add(round.steps[i]);
        }
        round.errors.forEach((step, count) -> errors.merge(step, count, Integer::sum));
        if (firstError == null) {
            firstError = round.firstError;
        }
        signIns += round.signIns;
        nanos += round.nanos;
        serverTicks += round.serverTicks;
        generatorTicks += round.generatorTicks;
        residentKb = Math.max(residentKb, round.residentKb);
    }

    /** A finished sign-in's step times in nanoseconds; a step it stopped before is 0 and not recorded. */
    void record(long[] times) {
        long sum = 0;
        for (int i = 0; i < times.length; i++) {
            if (times[i] > 0) {
                steps[i].recordValue(Math.max(1, times[i] / 1000));
                sum += times[i];
            }
        }
        total.recordValue(Math.max(1, sum / 1000));
        signIns++;
    }

    void error(String step, String message) {
        errors.merge(step, 1, Integer::sum);
        if (firstError == null) {
            firstError = message;
        }
    }

    int errorCount() {
        return errors.values().stream().mapToInt(Integer::intValue).sum();
    }

    double seconds() {
        return nanos / 1e9;
    }

    double signInsPerSecond() {
        return signIns / seconds();
    }

    /** Server CPU seconds per 1,000 sign-ins (equal to milliseconds per sign-in). */
    double serverCpuPerThousand(long ticksPerSecond) {
        return signIns == 0 ? Double.NaN : (double) serverTicks / ticksPerSecond / signIns * 1000;
    }

    /** Generator CPU as a share of one core: near 100 % means the generator, not the app, set the pace. */
    double generatorCpuShare(long ticksPerSecond) {
        return (double) generatorTicks / ticksPerSecond / seconds();
    }
}
