package io.github.passkeys4j.benchmarks.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP benchmark's load generator (started by {@code scripts/bench.sh}, which starts the apps): registers
 * passkeys on each app through its own endpoints, warms each app up, then measures complete passkey sign-ins by
 * first-time visitors at each client count, the apps taking turns in short rounds (in a rotating order) so that
 * noise on the machine falls on all of them alike. Prints a Markdown report.
 *
 * <pre>
 * --target name=ours,kind=passkeys4j,origin=http://localhost:18082,pid=1234[,startup=3.1 s]   (one per app)
 * --clients 1,4,16  --warmup 240s  --warmup-clients 4  --measure 60s  --round 10s  --passkeys 16  --clk-tck 100
 * --step-costs 4   (off by default: also measure each request's server CPU at 4 clients)
 * </pre>
 */
public final class HttpBench {

    private HttpBench() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        List<Target> targets = options.targets;
        for (Target target : targets) {
            say("%s: registering %d passkeys", target.name, options.passkeys);
            target.registerPasskeys(options.passkeys);
        }
        Map<Target, Long> idleKb = new LinkedHashMap<>();
        targets.forEach(t -> idleKb.put(t, ProcessStats.residentKb(t.pid)));
        for (Target target : targets) {
            warmUp(target, options);
        }
        Map<Integer, Map<Target, Cell>> results = new LinkedHashMap<>();
        for (int clients : options.clients) {
            Map<Target, Cell> cells = new LinkedHashMap<>();
            targets.forEach(t -> cells.put(t, new Cell()));
            int rounds = (int) Math.max(1, Math.ceil((double) options.measure.toMillis() / options.round.toMillis()));
            Duration length = options.measure.dividedBy(rounds);
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < targets.size(); i++) {
                    Target target = targets.get((r + i) % targets.size());
                    Cell round = Round.run(target, clients, Duration.ofSeconds(1), length);
                    cells.get(target).add(round);
                    say(
                            "%d clients, round %d/%d, %s: %.0f sign-ins/s, %d errors",
                            clients, r + 1, rounds, target.name, round.signInsPerSecond(), round.errorCount());
                }
            }
            results.put(clients, cells);
        }
        Map<Target, Cell[]> stepCosts = options.stepCostClients > 0 ? stepCosts(options) : Map.of();
        System.out.print(new Report(options.ticksPerSecond).render(targets, idleKb, results, stepCosts));
    }

    /**
     * Each request's server CPU, by subtraction: visits cut short after the login page, after options, and whole
     * sign-ins, each for {@code --measure} per app at {@code --step-costs} clients, in rotating rounds as above.
     */
    private static Map<Target, Cell[]> stepCosts(Options options) throws InterruptedException {
        int[] depths = {1, 2, Target.FULL};
        Map<Target, Cell[]> cells = new LinkedHashMap<>();
        options.targets.forEach(t -> cells.put(t, new Cell[] {new Cell(), new Cell(), new Cell()}));
        int rounds = (int) Math.max(1, Math.ceil((double) options.measure.toMillis() / options.round.toMillis()));
        Duration length = options.measure.dividedBy(rounds);
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < options.targets.size(); i++) {
                Target target = options.targets.get((r + i) % options.targets.size());
                for (int d = 0; d < depths.length; d++) {
                    Cell round = Round.run(target, options.stepCostClients, Duration.ofSeconds(1), length, depths[d]);
                    cells.get(target)[d].add(round);
                }
                say("step costs, round %d/%d, %s done", r + 1, rounds, target.name);
            }
        }
        return cells;
    }

    /** Un-recorded rounds of at most 30 s; each one's pace is logged, so a run shows whether the JIT has settled. */
    private static void warmUp(Target target, Options options) throws InterruptedException {
        Duration left = options.warmup;
        while (!left.isZero() && !left.isNegative()) {
            Duration chunk = left.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : left;
            Cell round = Round.run(target, options.warmupClients, Duration.ZERO, chunk);
            left = left.minus(chunk);
            say(
                    "%s warm-up: %.0f sign-ins/s, %.2f ms server CPU each, %d errors%s",
                    target.name,
                    round.signInsPerSecond(),
                    round.serverCpuPerThousand(options.ticksPerSecond),
                    round.errorCount(),
                    round.firstError == null ? "" : " (first: " + round.firstError + ")");
        }
    }

    static void say(String format, Object... args) {
        System.err.println("bench: " + String.format(format, args));
    }

    /** The command line. */
    private static final class Options {
        final List<Target> targets = new ArrayList<>();
        List<Integer> clients = List.of(1, 4, 16);
        Duration warmup = Duration.ofSeconds(240);
        int warmupClients = 4;
        Duration measure = Duration.ofSeconds(60);
        Duration round = Duration.ofSeconds(10);
        int passkeys = 16;
        int stepCostClients = 0;
        long ticksPerSecond = 100;

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--target" -> options.targets.add(target(value));
                    case "--clients" ->
                        options.clients = List.of(value.split(",")).stream()
                                .map(Integer::parseInt)
                                .toList();
                    case "--warmup" -> options.warmup = duration(value);
                    case "--warmup-clients" -> options.warmupClients = Integer.parseInt(value);
                    case "--measure" -> options.measure = duration(value);
                    case "--round" -> options.round = duration(value);
                    case "--passkeys" -> options.passkeys = Integer.parseInt(value);
                    case "--step-costs" -> options.stepCostClients = Integer.parseInt(value);
                    case "--clk-tck" -> options.ticksPerSecond = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (args.length % 2 != 0 || options.targets.isEmpty() || options.passkeys < 1) {
                throw new IllegalArgumentException("usage: see HttpBench's javadoc (at least one --target)");
            }
            return options;
        }

        private static Target target(String spec) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String field : spec.split(",")) {
                String[] pair = field.split("=", 2);
                fields.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
            return new Target(
                    required(fields, "name"),
                    required(fields, "origin"),
                    Long.parseLong(required(fields, "pid")),
                    Flavour.parse(required(fields, "kind")),
                    fields.getOrDefault("startup", "?"));
        }

        private static String required(Map<String, String> fields, String key) {
            String value = fields.get(key);
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("--target needs " + key + "=…");
            }
            return value;
        }

        /** {@code 240s}, {@code 4m}, {@code 500ms} or plain seconds. */
        private static Duration duration(String value) {
            if (value.endsWith("ms")) return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            if (value.endsWith("s")) return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            if (value.endsWith("m")) return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            return Duration.ofSeconds(Long.parseLong(value));
        }
    }
}
