package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.UserVerification;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Settings of Passkeys for Java, under {@code passkeys.*}. */
@ConfigurationProperties("passkeys")
public class PasskeysProperties {

    /**
     * Relying party ID: the registrable domain passkeys are bound to, e.g. "example.com"; "localhost" for development.
     * Not a URL and not a top-level domain such as "com" (checked at start-up). Passkeys made for one RP ID never work
     * for another, so choose it once.
     */
    private String rpId = "localhost";

    /** Relying party name shown by authenticators. Defaults to spring.application.name, else "Passkeys". */
    private String rpName;

    /**
     * Origins (scheme://host[:port], no path) allowed to run ceremonies. Each host must be the rp-id or a subdomain of
     * it, over https unless it is localhost (checked at start-up). Also: "https://*.{rp-id}" (every subdomain, https,
     * default port; never a suffix such as evil{rp-id}) and Android apps, "android:apk-key-hash:{base64url SHA-256 of
     * the signing certificate}". Default: "https://{rp-id}"; when rp-id is "localhost", "http://localhost:*" and
     * "https://localhost:*" (any port).
     */
    private List<String> origins = new ArrayList<>();

    /**
     * Related origins (WebAuthn Level 3): other https sites that may use this rp-id, served as
     * {@code /.well-known/webauthn} {"origins": [...]} only when set. Each must be an https origin (checked at
     * start-up). Default: none, and the document is not served.
     */
    private List<String> relatedOrigins = new ArrayList<>();

    /** Path under which the JSON endpoints, the JavaScript client and the pages are served. */
    private String basePath = "/passkeys";

    /**
     * User verification (PIN, biometrics) asked for and enforced. "required" by default because a passkey is the only
     * factor of a passkey sign-in; "preferred" accepts authenticators that cannot verify.
     */
    private UserVerification userVerification = UserVerification.REQUIRED;

    /** How long a started ceremony (its one-time challenge) stays valid; positive, at most 1h. */
    private Duration ceremonyTimeout = Duration.ofMinutes(5);

    /**
     * How long one key signs username-less sign-in challenges before the next takes over; older keys still verify
     * the challenges they sealed until those expire. Keys are shared by all nodes (JDBC). At least 1m; default 1d.
     */
    private Duration challengeKeyRotation = Duration.ofDays(1);

    /**
     * Refuse a sign-in whose response carries a userHandle other than the credential owner's, or none in a
     * username-less sign-in.
     */
    private boolean requireUserHandleMatch = true;

    /** Refuse a sign-in whose signature counter is not above the last stored one (a cloned authenticator). */
    private boolean refuseSignCounterRegression = true;

    /** How many passkeys one account may have (at least 1); adding more is refused with a clear message. */
    private int maxPasskeysPerUser = 20;

    /** Largest accepted body of a ceremony request; bigger ones get 413. */
    private DataSize maxRequestSize = DataSize.ofKilobytes(32);

    /** Where the browser goes after a passkey sign-in when no page was asked for before it. */
    private String defaultSuccessUrl = "/";

    /**
     * A passkey-provider list (AAGUID to name and icons) in the format of passkeydeveloper's aaguid.json, replacing
     * the copy bundled with the library. An empty object means "no names known".
     */
    private Resource providersFile;

    private final Jdbc jdbc = new Jdbc();

    private final Diagnostics diagnostics = new Diagnostics();

    /** The developer diagnostics page, {@code <base-path>/diagnostics}. */
    public static class Diagnostics {

        /**
         * Serve the diagnostics page: the settings in effect, what the browser reports, and a test of both ceremonies
         * that stores nothing and signs nobody in. Off by default; for development. The app's own rules decide who
         * may open it.
         */
        private boolean enabled;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /**
     * When to create the JDBC storage's tables. The same values as Boot's {@code DatabaseInitializationMode}, in our
     * own type so that binding these properties never loads a class of Boot's JDBC modules, which an app without
     * JDBC does not have.
     */
    public enum InitializeSchema {
        /** Only on an embedded database such as in-memory H2. */
        EMBEDDED,
        /** On every start; the scripts only create what is missing. */
        ALWAYS,
        /** Never: the tables are created by the app's own migrations. */
        NEVER
    }

    /** JDBC storage, used when the app has one DataSource. */
    public static class Jdbc {

        /** When to create the passkeys_* tables: on an embedded database only (default), always, or never. */
        private InitializeSchema initializeSchema = InitializeSchema.EMBEDDED;

        /** Database platform of the schema file (schema-{platform}.sql); detected from the DataSource when unset. */
        private String platform;

        /**
         * Longest time one passkeys statement or storage transaction may take, waiting for an account's row lock
         * included; past it the request answers 503 (STORAGE_UNAVAILABLE) and its writes roll back. Whole seconds,
         * at least 1. Waiting for a pooled connection is bounded by the pool instead: for Spring Boot's Hikari pool,
         * spring.datasource.hikari.connection-timeout (default 30 s). Not set on H2, whose driver runs a SET for every
         * statement with a timeout, making every connection parse all statements again; H2's own lock timeout
         * (SET DEFAULT_LOCK_TIMEOUT) bounds its waits.
         */
        private Duration queryTimeout = Duration.ofSeconds(10);

        /**
         * At start-up, move the passkeys of Spring Security's own http.webAuthn() (its tables user_entities and
         * user_credentials in the same DataSource) into ours, bound to the app's users of the same names, so people
         * keep signing in with the passkeys they have. Each user's passkeys are stored here and deleted there in one
         * transaction, so it may stay on through a rolling deploy: later runs move only what Spring's tables got since.
         */
        private boolean importSpringSecurityPasskeys;

        public boolean isImportSpringSecurityPasskeys() {
            return importSpringSecurityPasskeys;
        }

        public void setImportSpringSecurityPasskeys(boolean importSpringSecurityPasskeys) {
            this.importSpringSecurityPasskeys = importSpringSecurityPasskeys;
        }

        public Duration getQueryTimeout() {
            return queryTimeout;
        }

        public void setQueryTimeout(Duration queryTimeout) {
            this.queryTimeout = queryTimeout;
        }

        public InitializeSchema getInitializeSchema() {
            return initializeSchema;
        }

        public void setInitializeSchema(InitializeSchema initializeSchema) {
            this.initializeSchema = initializeSchema;
        }

        public String getPlatform() {
            return platform;
        }

        public void setPlatform(String platform) {
            this.platform = platform;
        }
    }

    public String getRpId() {
        return rpId;
    }

    public void setRpId(String rpId) {
        this.rpId = rpId;
    }

    public String getRpName() {
        return rpName;
    }

    public void setRpName(String rpName) {
        this.rpName = rpName;
    }

    public List<String> getOrigins() {
        return origins;
    }

    public void setOrigins(List<String> origins) {
        this.origins = origins;
    }

    public List<String> getRelatedOrigins() {
        return relatedOrigins;
    }

    public void setRelatedOrigins(List<String> relatedOrigins) {
        this.relatedOrigins = relatedOrigins;
    }

    public String getBasePath() {
        return basePath;
    }

    public void setBasePath(String basePath) {
        this.basePath = basePath;
    }

    public UserVerification getUserVerification() {
        return userVerification;
    }

    public void setUserVerification(UserVerification userVerification) {
        this.userVerification = userVerification;
    }

    public Duration getChallengeKeyRotation() {
        return challengeKeyRotation;
    }

    public void setChallengeKeyRotation(Duration challengeKeyRotation) {
        this.challengeKeyRotation = challengeKeyRotation;
    }

    public Duration getCeremonyTimeout() {
        return ceremonyTimeout;
    }

    public void setCeremonyTimeout(Duration ceremonyTimeout) {
        this.ceremonyTimeout = ceremonyTimeout;
    }

    public boolean isRequireUserHandleMatch() {
        return requireUserHandleMatch;
    }

    public void setRequireUserHandleMatch(boolean requireUserHandleMatch) {
        this.requireUserHandleMatch = requireUserHandleMatch;
    }

    public boolean isRefuseSignCounterRegression() {
        return refuseSignCounterRegression;
    }

    public void setRefuseSignCounterRegression(boolean refuseSignCounterRegression) {
        this.refuseSignCounterRegression = refuseSignCounterRegression;
    }

    public int getMaxPasskeysPerUser() {
        return maxPasskeysPerUser;
    }

    public void setMaxPasskeysPerUser(int maxPasskeysPerUser) {
        this.maxPasskeysPerUser = maxPasskeysPerUser;
    }

    public DataSize getMaxRequestSize() {
        return maxRequestSize;
    }

    public void setMaxRequestSize(DataSize maxRequestSize) {
        this.maxRequestSize = maxRequestSize;
    }

    public String getDefaultSuccessUrl() {
        return defaultSuccessUrl;
    }

    public void setDefaultSuccessUrl(String defaultSuccessUrl) {
        this.defaultSuccessUrl = defaultSuccessUrl;
    }

    public Resource getProvidersFile() {
        return providersFile;
    }

    public void setProvidersFile(Resource providersFile) {
        this.providersFile = providersFile;
    }

    public Jdbc getJdbc() {
        return jdbc;
    }

    public Diagnostics getDiagnostics() {
        return diagnostics;
    }

    /** The configured origins, or the defaults described on {@link #setOrigins}. */
    public List<String> effectiveOrigins() {
        if (origins != null && !origins.isEmpty()) {
            return List.copyOf(origins);
        }
        if ("localhost".equals(rpId)) {
            return List.of("http://localhost:*", "https://localhost:*");
        }
        return List.of("https://" + rpId);
    }
}
