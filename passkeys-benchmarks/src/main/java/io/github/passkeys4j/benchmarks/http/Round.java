package io.github.passkeys4j.benchmarks.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code clients} visitors signing in back to back against one app for a while. The first {@code leadIn} is not
 * recorded (the clients start together, and connections open); then sign-ins that end within the window are, and
 * the app's and the generator's CPU ticks are read at its two ends.
 */
final class Round {

    private static final int LEAD_IN = 0;
    private static final int RECORDING = 1;
    private static final int STOPPED = 2;

    private volatile int phase = LEAD_IN;
    private int steps = Target.FULL;

    static Cell run(Target target, int clients, Duration leadIn, Duration length) throws InterruptedException {
        return run(target, clients, leadIn, length, Target.FULL);
    }

    /** As {@link #run(Target, int, Duration, Duration)} with sign-ins cut short after {@code steps} requests. */
    static Cell run(Target target, int clients, Duration leadIn, Duration length, int steps)
            throws InterruptedException {
        Round round = new Round();
        round.steps = steps;
        return round.execute(target, clients, leadIn, length);
    }

    private Cell execute(Target target, int clients, Duration leadIn, Duration length) throws InterruptedException {
        List<Cell> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Cell cell = new Cell();
            int client = c;
            perClient.add(cell);
            Thread thread = new Thread(() -> loop(target, client, cell), "client-" + c);
            thread.start();
            threads.add(thread);
        }
        Thread.sleep(leadIn.toMillis());
        long serverStart = ProcessStats.cpuTicks(target.pid);
        long generatorStart = ProcessStats.cpuTicks(0);
        long start = System.nanoTime();
        phase = RECORDING;
        Thread.sleep(length.toMillis());
        phase = STOPPED;
        long nanos = System.nanoTime() - start;
        long serverTicks = ProcessStats.cpuTicks(target.pid) - serverStart;
        long generatorTicks = ProcessStats.cpuTicks(0) - generatorStart;
        for (Thread thread : threads) {
            thread.join();
        }
        Cell round = new Cell();
        perClient.forEach(round::add);
        round.nanos = nanos;
        round.serverTicks = serverTicks;
        round.generatorTicks = generatorTicks;
        round.residentKb = ProcessStats.residentKb(target.pid);
        return round;
    }

    private void loop(Target target, int client, Cell cell) {
        long[] times = new long[Cell.STEPS.length];
        for (int n = 0; phase != STOPPED; n++) {
            try {
                target.signIn(client + n, times, steps);
                if (phase == RECORDING) {
                    cell.record(times);
                }
            } catch (Target.StepFailure e) {
                failed(cell, e.step + " " + e.status, e.getMessage());
            } catch (Exception e) {
                failed(cell, e.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private void failed(Cell cell, String kind, String message) {
        if (phase == RECORDING) {
            cell.error(kind, message);
        }
        try {
            Thread.sleep(10); // a failing app must not turn the generator into a busy loop
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
