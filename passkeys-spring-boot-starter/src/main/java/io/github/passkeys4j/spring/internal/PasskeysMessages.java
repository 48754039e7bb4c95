package io.github.passkeys4j.spring.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every text a user sees, in the request's language: the app's own messages ({@code passkeys.*} keys in its
 * {@code messages.properties}, Spring Boot's {@code spring.messages.*}) win over the starter's bundle
 * ({@value #BASENAME}{@code .properties}, English, and {@code _de}, {@code _fr}, {@code _es}: German, French,
 * Spanish). The locale is the app's {@link LocaleResolver}'s (Boot's default reads {@code Accept-Language}), else the
 * request's {@code Accept-Language}.
 *
 * <p>Internal: not API, may change in any release.
 */
public final class PasskeysMessages {

    /** The starter's bundle, on the class path. */
    public static final String BASENAME = "io/github/passkeys4j/spring/messages/passkeys";

    /** Keys of texts the browser client gets, without this prefix. */
    public static final String CLIENT_PREFIX = "passkeys.client.";

    private static final Set<String> KEYS = readKeys();
    private static final Pattern TEXT = Pattern.compile("\\{\\{text:([a-z0-9.-]+)}}");

    private final MessageSource app;
    private final Supplier<LocaleResolver> localeResolver;
    private final ResourceBundleMessageSource ours = new ResourceBundleMessageSource();

    private PasskeysMessages(MessageSource app, Supplier<LocaleResolver> localeResolver) {
        this.app = app;
        this.localeResolver = localeResolver;
        ours.setBasename(BASENAME);
        ours.setDefaultEncoding("UTF-8");
        // A language we have no bundle for gets English (the base), whatever the server's own locale is.
        ours.setFallbackToSystemLocale(false);
    }

    /** The app's messages over ours, the locale from the app's resolver (when there is exactly one). */
    public static PasskeysMessages of(MessageSource app, ObjectProvider<LocaleResolver> localeResolver) {
        return new PasskeysMessages(app, localeResolver::getIfUnique);
    }

    /** Only the starter's own texts, the locale from {@code Accept-Language}. */
    public static PasskeysMessages ours() {
        return new PasskeysMessages(null, () -> null);
    }

    /** Every key of the starter's bundle. */
    public static Set<String> keys() {
        return KEYS;
    }

    public Locale locale(HttpServletRequest request) {
        LocaleResolver resolver = localeResolver.get();
        Locale locale = resolver != null ? resolver.resolveLocale(request) : request.getLocale();
        return locale != null ? locale : Locale.ENGLISH;
    }

    /** The text for {@code key}; with {@code args}, a {@link java.text.MessageFormat} pattern filled in. */
    public String get(String key, Locale locale, Object... args) {
        Object[] arguments = args.length == 0 ? null : args;
        if (app != null) {
            String own = app.getMessage(key, arguments, null, locale);
            // An app with spring.messages.use-code-as-default-message answers the key itself for a missing text.
            if (own != null && !own.equals(key)) {
                return own;
            }
        }
        return ours.getMessage(key, arguments, key, locale);
    }

    public String get(String key, HttpServletRequest request, Object... args) {
        return get(key, locale(request), args);
    }

    /** The language the texts for {@code locale} are in (a language without a bundle gets English). */
    public String language(Locale locale) {
        return get("passkeys.language", locale);
    }

    /** The user's words for a refusal's {@code reason}. */
    public String problem(String reason, Locale locale) {
        String key = "passkeys.problem." + reason;
        return KEYS.contains(key) ? get(key, locale) : get("passkeys.problem.GENERIC", locale);
    }

    /** The browser client's texts ({@value #CLIENT_PREFIX} keys, without the prefix), sorted by key. */
    public Map<String, String> client(Locale locale) {
        Map<String, String> texts = new TreeMap<>();
        for (String key : KEYS) {
            if (key.startsWith(CLIENT_PREFIX)) {
                texts.put(key.substring(CLIENT_PREFIX.length()), get(key, locale));
            }
        }
        return texts;
    }

    /** What the browser client reads: {@code {"language": …, "texts": {…}}}, as JSON. */
    public String clientJson(Locale locale) {
        Map<String, Object> body = new TreeMap<>();
        body.put("language", language(locale));
        body.put("texts", client(locale));
        return Objects.requireNonNull(PasskeysJson.mapper().writeValueAsString(body));
    }

    /** Every {@code {{text:key}}} of an HTML template as its text in {@code locale}, HTML-escaped. */
    public String html(String template, Locale locale) {
        Matcher matcher = TEXT.matcher(template);
        StringBuilder page = new StringBuilder();
        while (matcher.find()) {
            String text = HtmlUtils.htmlEscape(get(matcher.group(1), locale), "UTF-8");
            matcher.appendReplacement(page, Matcher.quoteReplacement(text));
        }
        return matcher.appendTail(page).toString();
    }

    /**
     * The texts of the keys under {@code prefix} (without it), sorted by key, as JSON to put in a
     * {@code <script type="application/json">}: with no {@code <} at all, so no text can close the element.
     */
    public String json(String prefix, Locale locale) {
        Map<String, String> texts = new TreeMap<>();
        for (String key : KEYS) {
            if (key.startsWith(prefix)) {
                texts.put(key.substring(prefix.length()), get(key, locale));
            }
        }
        return PasskeysJson.mapper().writeValueAsString(texts).replace("<", "\\u003c");
    }

    private static Set<String> readKeys() {
        Properties properties = new Properties();
        try (InputStream in = new ClassPathResource(BASENAME + ".properties").getInputStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("missing resource " + BASENAME + ".properties", e);
        }
        return Collections.unmodifiableSet(new TreeSet<>(properties.stringPropertyNames()));
    }
}
