package io.github.passkeys4j.benchmarks.scale;

import java.util.HashMap;
import java.util.Map;

/** ScaleBench's command line: {@code --name value} pairs, each with a default (see {@link ScaleBench}). */
record ScaleOptions(
        String url,
        String user,
        String password,
        long passkeys,
        int perAccount,
        int accounts,
        int signins,
        int threads,
        int pending,
        int warmupSeconds) {

    static ScaleOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            given.put(args[i].substring(2), args[i + 1]);
        }
        ScaleOptions options = new ScaleOptions(
                given.getOrDefault("url", "jdbc:postgresql://127.0.0.1:55432/passkeys"),
                given.getOrDefault("user", "passkeys"),
                given.getOrDefault("password", "passkeys"),
                Long.parseLong(given.getOrDefault("passkeys", "1000000")),
                Integer.parseInt(given.getOrDefault("per-account", "2")),
                Integer.parseInt(given.getOrDefault("accounts", "100")),
                Integer.parseInt(given.getOrDefault("signins", "2000")),
                Integer.parseInt(given.getOrDefault("threads", "2")),
                Integer.parseInt(given.getOrDefault("pending", "100000")),
                Integer.parseInt(given.getOrDefault("warmup", "60")));
        if (options.passkeys < (long) options.accounts * options.perAccount) {
            throw new IllegalArgumentException("--passkeys must be at least --accounts x --per-account");
        }
        return options;
    }
}
