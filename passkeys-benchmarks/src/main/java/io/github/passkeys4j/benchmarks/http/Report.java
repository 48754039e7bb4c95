package io.github.passkeys4j.benchmarks.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures as Markdown tables: the apps, each client count, each step, and the ratios the goals are set in. */
final class Report {

    private final long ticksPerSecond;
    private final StringBuilder out = new StringBuilder();

    Report(long ticksPerSecond) {
        this.ticksPerSecond = ticksPerSecond;
    }

    String render(
            List<Target> targets,
            Map<Target, Long> idleKb,
            Map<Integer, Map<Target, Cell>> results,
            Map<Target, Cell[]> stepCosts) {
        line("## Apps");
        line("");
        line("| app | endpoints | start-up (to the first 200 on /login) | resident memory after set-up |");
        line("|---|---|---|---|");
        for (Target target : targets) {
            line("| %s | %s | %s | %d MB |", target.name, kind(target), target.startup, idleKb.get(target) / 1024);
        }
        line("");
        line("## Sign-ins");
        line("");
        line("Latency: the whole sign-in as the visitor waits for it (login page, options, the generator's signature,"
                + " finish). Server CPU: the app's user + system time in the measured windows. Resident memory: the"
                + " highest at the end of a round. Generator CPU: of one core; near 100 % means it set the pace.");
        line("");
        line("| clients | app | sign-ins | sign-ins/s | p50 ms | p99 ms | errors | server CPU s / 1,000 sign-ins"
                + " | sign-ins per server CPU-second | resident MB | generator CPU |");
        line("|---|---|---|---|---|---|---|---|---|---|---|");
        results.forEach((clients, cells) -> cells.forEach((target, cell) -> line(
                "| %d | %s | %d | %.0f | %.2f | %.2f | %d | %.2f | %.0f | %d | %.0f %% |",
                clients,
                target.name,
                cell.signIns,
                cell.signInsPerSecond(),
                ms(cell.total.getValueAtPercentile(50)),
                ms(cell.total.getValueAtPercentile(99)),
                cell.errorCount(),
                cell.serverCpuPerThousand(ticksPerSecond),
                1000 / cell.serverCpuPerThousand(ticksPerSecond),
                cell.residentKb / 1024,
                100 * cell.generatorCpuShare(ticksPerSecond))));
        line("");
        line("## Steps (p50 ms)");
        line("");
        line("| clients | app | " + String.join(" | ", Cell.STEPS) + " |");
        line("|---|---|---|---|---|---|");
        results.forEach((clients, cells) -> cells.forEach((target, cell) -> {
            StringBuilder row = new StringBuilder("| " + clients + " | " + target.name + " |");
            for (var step : cell.steps) {
                row.append(String.format(Locale.ROOT, " %.2f |", ms(step.getValueAtPercentile(50))));
            }
            line(row.toString());
        }));
        if (targets.size() > 1) {
            ratios(targets, results);
        }
        if (!stepCosts.isEmpty()) {
            stepCosts(stepCosts);
        }
        errors(results);
        return out.toString();
    }

    /** Server CPU per request: the login page alone, then what options and finish each add. */
    private void stepCosts(Map<Target, Cell[]> stepCosts) {
        line("");
        line("## Server CPU per request (ms, by subtraction)");
        line("");
        line("Visits cut short after the login page, after options, and whole sign-ins, measured in turn; each"
                + " request's cost is what it adds to the one before.");
        line("");
        line("| app | login page | options | finish | whole sign-in | visits measured | errors |");
        line("|---|---|---|---|---|---|---|");
        stepCosts.forEach((target, cells) -> {
            double page = cells[0].serverCpuPerThousand(ticksPerSecond);
            double options = cells[1].serverCpuPerThousand(ticksPerSecond);
            double whole = cells[2].serverCpuPerThousand(ticksPerSecond);
            line(
                    "| %s | %.3f | %.3f | %.3f | %.3f | %d / %d / %d | %d |",
                    target.name,
                    page,
                    options - page,
                    whole - options,
                    whole,
                    cells[0].signIns,
                    cells[1].signIns,
                    cells[2].signIns,
                    cells[0].errorCount() + cells[1].errorCount() + cells[2].errorCount());
        });
    }

    /**
     * The goals as ratios: sign-ins per server CPU-second and p99 against the first target (the baseline),
     * and server CPU per sign-in against the last (the floor).
     */
    private void ratios(List<Target> targets, Map<Integer, Map<Target, Cell>> results) {
        Target first = targets.get(0);
        Target last = targets.get(targets.size() - 1);
        line("");
        line("## Ratios");
        line("");
        line(
                "| clients | app | sign-ins per server CPU-second, × %s | p99, × %s | server CPU per sign-in, × %s |",
                first.name, first.name, last.name);
        line("|---|---|---|---|---|");
        results.forEach((clients, cells) -> {
            Cell base = cells.get(first);
            Cell floor = cells.get(last);
            for (Target target : targets) {
                Cell cell = cells.get(target);
                line(
                        "| %d | %s | %.2f | %.2f | %.2f |",
                        clients,
                        target.name,
                        base.serverCpuPerThousand(ticksPerSecond) / cell.serverCpuPerThousand(ticksPerSecond),
                        (double) cell.total.getValueAtPercentile(99) / base.total.getValueAtPercentile(99),
                        cell.serverCpuPerThousand(ticksPerSecond) / floor.serverCpuPerThousand(ticksPerSecond));
            }
        });
    }

    private void errors(Map<Integer, Map<Target, Cell>> results) {
        StringBuilder errors = new StringBuilder();
        results.forEach((clients, cells) -> cells.forEach((target, cell) -> {
            if (cell.errorCount() > 0) {
                errors.append(String.format(
                        Locale.ROOT,
                        "- %d clients, %s: %s; first: %s%n",
                        clients,
                        target.name,
                        cell.errors,
                        cell.firstError.replace('\n', ' ').replace("|", "\\|")));
            }
        }));
        if (errors.length() > 0) {
            line("");
            line("## Errors");
            line("");
            out.append(errors);
        }
    }

    private static String kind(Target target) {
        return target.flavour == Flavour.SPRING_SECURITY ? "Spring Security `webAuthn()`" : "`/passkeys/*`";
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    private void line(String format, Object... args) {
        out.append(args.length == 0 ? format : String.format(Locale.ROOT, format, args))
                .append('\n');
    }
}
