package io.github.passkeys4j.spring.web.internal;

import ua_parser.Client;
import ua_parser.Parser;

import java.util.Map;

/**
 * "Chrome on Windows", "Safari on iPhone", "Firefox on Linux" from a {@code User-Agent} header, for naming a passkey
 * whose provider is not in the AAGUID list. The parsing is ua-parser's (uap-core's maintained patterns); this class
 * only turns its family names into the words people know. Thread-safe; build once (about 0.2 s).
 */
public final class BrowserNames {

    /** Longer headers are cut before parsing: no name needs more, and the patterns' cost grows with the length. */
    static final int MAX_USER_AGENT = 512;

    private static final Map<String, String> BROWSERS = Map.ofEntries(
            Map.entry("Mobile Safari", "Safari"),
            Map.entry("Mobile Safari UI/WKWebView", "Safari"),
            Map.entry("Chrome Mobile", "Chrome"),
            Map.entry("Chrome Mobile iOS", "Chrome"),
            Map.entry("Chrome Mobile WebView", "Chrome"),
            Map.entry("HeadlessChrome", "Chrome"),
            Map.entry("Firefox Mobile", "Firefox"),
            Map.entry("Firefox iOS", "Firefox"),
            Map.entry("Edge Mobile", "Edge"),
            Map.entry("Opera Mobile", "Opera"));

    private static final Map<String, String> SYSTEMS =
            Map.of("Mac OS X", "Mac", "Chrome OS", "ChromeOS", "Windows Phone", "Windows");

    private final Parser parser = new Parser();

    /** The browser and system, either alone when only one is known; {@code null} when neither is. */
    public String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        Client client =
                parser.parse(userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT) : userAgent);
        String browser = known(client.userAgent == null ? null : client.userAgent.family, BROWSERS);
        String system = system(client);
        if (browser != null && system != null) {
            return browser + " on " + system;
        }
        return browser != null ? browser : system;
    }

    private static String system(Client client) {
        String os = client.os == null ? null : client.os.family;
        String device = client.device == null ? null : client.device.family;
        // "iOS" says less than the device people hold.
        if ("iOS".equals(os) && device != null && (device.startsWith("iPhone") || device.startsWith("iPad"))) {
            return device.startsWith("iPhone") ? "iPhone" : "iPad";
        }
        return known(os, SYSTEMS);
    }

    private static String known(String family, Map<String, String> words) {
        if (family == null || family.isBlank() || "Other".equals(family)) {
            return null;
        }
        return words.getOrDefault(family, family);
    }
}
