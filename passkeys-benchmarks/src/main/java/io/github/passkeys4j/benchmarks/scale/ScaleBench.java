package io.github.passkeys4j.benchmarks.scale;

import com.zaxxer.hikari.HikariDataSource;
import io.github.passkeys4j.FinishAuthentication;
import io.github.passkeys4j.StartAuthentication;
import io.github.passkeys4j.store.Passkey;
import io.github.passkeys4j.testing.QueryPlans;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Sign-in at scale on PostgreSQL (scripts/bench-scale.sh runs it and says what it measures): in-process, the real
 * core over our JDBC stores, so the figures are the library's work plus its SQL round trips, without HTTP.
 * Markdown to stdout, progress to stderr.
 *
 * <pre>
 * ScaleBench --url jdbc:postgresql://… [--user passkeys] [--password passkeys] [--passkeys 1000000]
 *            [--per-account 2] [--accounts 100] [--signins 2000] [--threads 2] [--pending 100000] [--warmup 60]
 * </pre>
 */
public final class ScaleBench {

    private final ScaleOptions options;
    private final HikariDataSource pool;
    private final BulkLoad db;
    private final ScaleSite site;
    private final StringBuilder out = new StringBuilder();

    private ScaleBench(ScaleOptions options) {
        this.options = options;
        pool = new HikariDataSource();
        pool.setJdbcUrl(options.url());
        pool.setUsername(options.user());
        pool.setPassword(options.password());
        pool.setMaximumPoolSize(options.threads() + 2);
        db = new BulkLoad(pool);
        db.freshSchema();
        site = new ScaleSite(pool);
    }

    public static void main(String[] args) throws Exception {
        ScaleOptions options = ScaleOptions.parse(args);
        ScaleBench bench = new ScaleBench(options);
        try {
            bench.run();
        } finally {
            bench.pool.close();
        }
        System.out.print(bench.out);
    }

    private void run() throws Exception {
        say("registering " + options.accounts() + " accounts x " + options.perAccount() + " passkeys (real path)");
        Passkey template = site.registerAccounts(options.accounts(), options.perAccount());
        long real = (long) options.accounts() * options.perAccount();
        out.append("PostgreSQL ")
                .append(db.serverVersion())
                .append("; ")
                .append(real)
                .append(" real passkeys (")
                .append(options.accounts())
                .append(" accounts) among the rows; credential id ")
                .append(template.credentialId().length())
                .append(" chars, user handle ")
                .append(template.userHandle().length())
                .append(" chars, public key ")
                .append(template.publicKey().length())
                .append(" chars.\n\n");
        out.append("| stored passkeys | accounts | load + VACUUM ANALYZE | finish p50 | finish p99 | finish max")
                .append(" | finishes/s (")
                .append(options.threads())
                .append(" threads)")
                .append(" | options p50 / p99 | username-first options, measured accounts p50 / p99")
                .append(" | username-first options, random accounts p50 / p99 |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        long loaded = 0;
        boolean first = true;
        for (long target : stages()) {
            long bulk = target - real;
            long began = System.nanoTime();
            say("loading bulk passkeys up to " + target);
            db.passkeys(loaded, bulk, options.perAccount(), template);
            loaded = Math.max(loaded, bulk);
            db.vacuumAnalyze();
            double loadSeconds = (System.nanoTime() - began) / 1e9;
            // The JIT first: --warmup seconds of sign-ins once, a short warm-up per stage (the same code, new data).
            say("warming up");
            if (first) {
                long until = System.nanoTime() + options.warmupSeconds() * 1_000_000_000L;
                while (System.nanoTime() < until) {
                    finishes(100, null);
                }
            }
            finishes(options.signins() / 4, null);
            first = false;
            say("measuring at " + target);
            Histogram finish = new Histogram(3);
            finishes(options.signins(), finish);
            double perSecond = throughput();
            Histogram anonymous =
                    time(options.signins(), i -> site.rp.startAuthentication(StartAuthentication.discoverable()));
            Histogram measured = time(options.signins(), i -> usernameFirst(ScaleSite.account(i % options.accounts())));
            SplittableRandom random = new SplittableRandom(target);
            long bulkAccounts = Math.max(1, loaded / options.perAccount());
            Histogram randomAccounts =
                    time(options.signins(), i -> usernameFirst("bulk-" + random.nextLong(bulkAccounts)));
            out.append(String.format(
                    Locale.ROOT,
                    "| %,d | %,d | %.1f s | %s | %s | %s | %,.0f | %s / %s | %s / %s | %s / %s |%n",
                    target,
                    db.rows("passkeys_user"),
                    loadSeconds,
                    ms(finish, 50),
                    ms(finish, 99),
                    ms(finish, 100),
                    perSecond,
                    ms(anonymous, 50),
                    ms(anonymous, 99),
                    ms(measured, 50),
                    ms(measured, 99),
                    ms(randomAccounts, 50),
                    ms(randomAccounts, 99)));
        }
        explain();
        storage();
    }

    private List<Long> stages() {
        List<Long> stages = new ArrayList<>();
        for (long stage : new long[] {1_000, 100_000, 1_000_000}) {
            if (stage < options.passkeys()) {
                stages.add(stage);
            }
        }
        stages.add(options.passkeys());
        return stages;
    }

    private void usernameFirst(String account) {
        site.rp.startAuthentication(StartAuthentication.usernameFirst(account, account));
    }

    /** {@code count} sign-ins on one thread, the finish timed into {@code latencies} when it is not null. */
    private void finishes(int count, Histogram latencies) {
        for (int i = 0; i < count; i++) {
            String json = site.assertion(i);
            long began = System.nanoTime();
            site.rp.finishAuthentication(new FinishAuthentication(json));
            if (latencies != null) {
                latencies.recordValue((System.nanoTime() - began) / 1000);
            }
        }
    }

    /** Finishes per second with {@code threads} threads on responses signed beforehand. */
    private double throughput() throws InterruptedException {
        List<String> responses = IntStream.range(0, options.signins())
                .parallel()
                .mapToObj(site::assertion)
                .toList();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < options.threads(); t++) {
            int offset = t;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = offset; i < responses.size(); i += options.threads()) {
                    site.rp.finishAuthentication(new FinishAuthentication(responses.get(i)));
                }
            });
            thread.start();
            threads.add(thread);
        }
        long began = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return responses.size() / ((System.nanoTime() - began) / 1e9);
    }

    private static Histogram time(int count, IntConsumer work) {
        Histogram latencies = new Histogram(3);
        for (int i = 0; i < count; i++) {
            long began = System.nanoTime();
            work.accept(i);
            latencies.recordValue((System.nanoTime() - began) / 1000);
        }
        return latencies;
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of every statement one finish and one username-first options really run. */
    private void explain() {
        QueryPlans plans = new QueryPlans(pool);
        ScaleSite explaining = new ScaleSite(plans.dataSource(), site.devices);
        // A node reads each challenge key once per rotation period (and the stand-ins' key once) and caches them:
        // not statements of every request.
        report(
                "the challenge keys, read once per rotation period and node (a table of a few rows)",
                plans.explain(() -> {
                    explaining.rp.startAuthentication(StartAuthentication.discoverable());
                    return explaining.rp.startAuthentication(StartAuthentication.usernameFirst("nobody", null));
                }));
        String json = explaining.assertion(7);
        report(
                "a username-less sign-in's finish",
                plans.explain(() -> explaining.rp.finishAuthentication(new FinishAuthentication(json))));
        String account = "bulk-" + new SplittableRandom(1).nextLong(options.passkeys() / options.perAccount() / 2);
        report(
                "username-first options for a bulk account (" + account + ")",
                plans.explain(
                        () -> explaining.rp.startAuthentication(StartAuthentication.usernameFirst(account, account))));
    }

    private void report(String what, List<QueryPlans.Plan> plans) {
        long scans = plans.stream().filter(QueryPlans.Plan::seqScan).count();
        out.append("\n### Plans at ")
                .append(String.format(Locale.ROOT, "%,d", options.passkeys()))
                .append(" stored passkeys: ")
                .append(what)
                .append("\n\n")
                .append(plans.size())
                .append(" statements, ")
                .append(scans)
                .append(" with a Seq Scan.\n");
        for (QueryPlans.Plan plan : plans) {
            out.append("\n```\n")
                    .append(plan.sql())
                    .append("\n\n")
                    .append(plan.plan())
                    .append("```\n");
        }
    }

    /** Bytes per row at this size: the table's own and its indexes', from pg_table_size and pg_indexes_size. */
    private void storage() {
        say("storage: pending ceremonies through the real path, then copies");
        int made = Math.min(2_000, options.pending());
        for (int i = 0; i < made; i++) {
            site.rp.startAuthentication(StartAuthentication.forAccount(ScaleSite.account(i % options.accounts())));
        }
        db.copyPendingCeremonies(options.pending() - made);
        db.usedChallenges(options.pending());
        db.vacuumAnalyze();
        out.append("\n### Storage\n\n| table | rows | table bytes/row | index bytes/row | total bytes/row"
                + " | total |\n|---|---|---|---|---|---|\n");
        for (BulkLoad.Size size : db.sizes()) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %.0f | %.0f | %.0f | %,.1f MB |%n",
                    size.table(),
                    size.rows(),
                    (double) size.heap() / size.rows(),
                    (double) size.indexes() / size.rows(),
                    (double) size.total() / size.rows(),
                    size.total() / 1e6));
        }
    }

    private static String ms(Histogram histogram, double percentile) {
        long micros = percentile >= 100 ? histogram.getMaxValue() : histogram.getValueAtPercentile(percentile);
        return String.format(Locale.ROOT, "%.2f ms", micros / 1000.0);
    }

    private static void say(String message) {
        System.err.println("ScaleBench: " + message);
    }
}
