package io.github.passkeys4j;

import io.github.passkeys4j.PasskeyException.Reason;
import io.github.passkeys4j.internal.MetadataBlobs;
import io.github.passkeys4j.internal.MetadataBlobs.Blob;
import io.github.passkeys4j.internal.MetadataBlobs.Entry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The FIDO Metadata Service (MDS3) BLOB, read from a file the app keeps fresh (e.g. a daily download of
 * https://mds3.fidoalliance.org/), as a source of attestation roots, status reports and authenticator names. Its JWS
 * signature and its signer's chain to the given MDS root are verified on every read; a BLOB that fails them, or whose
 * {@code nextUpdate} has passed, is refused by {@link #read}. The file is looked at again at most once per
 * {@code recheckEvery} and re-read when it changed; a new file that fails the checks is logged and the old BLOB is
 * kept. Once the BLOB in use is out of date (today, UTC, after its {@code nextUpdate}), registrations that rely on it
 * are refused ({@code ATTESTATION_NOT_TRUSTED}) until a fresh file is there: stale status reports could hide a revoked
 * authenticator. Thread-safe.
 */
public final class FidoMetadata {

    /** How often the file is looked at by default. */
    public static final Duration DEFAULT_RECHECK = Duration.ofMinutes(1);

    private static final System.Logger LOG = System.getLogger(FidoMetadata.class.getName());

    private final Path file;
    private final X509Certificate root;
    private final Clock clock;
    private final Duration recheckEvery;
    private volatile Snapshot snapshot;
    private Instant lastCheck;
    private String lastSeenStamp;

    private FidoMetadata(Path file, X509Certificate root, Clock clock, Duration recheckEvery, Snapshot first) {
        this.file = file;
        this.root = root;
        this.clock = clock;
        this.recheckEvery = recheckEvery;
        this.snapshot = first;
        this.lastCheck = clock.instant();
        this.lastSeenStamp = first.stamp;
    }

    /** {@link #read(Path, X509Certificate, Clock, Duration)} with the system clock and {@link #DEFAULT_RECHECK}. */
    public static FidoMetadata read(Path blob, X509Certificate mdsRoot) {
        return read(blob, mdsRoot, Clock.systemUTC(), DEFAULT_RECHECK);
    }

    /**
     * Reads and verifies the BLOB.
     *
     * @param blob         the BLOB file (the JWT text as downloaded)
     * @param mdsRoot      the root certificate that signs the BLOB's signer (FIDO's "Root CA - R3" for the real one)
     * @param clock        the time at which {@code nextUpdate} is judged
     * @param recheckEvery how often at most the file is looked at for a newer copy
     * @throws IllegalArgumentException when it cannot be read, does not verify, or is out of date; the message names
     *     the file and the failed check
     */
    public static FidoMetadata read(Path blob, X509Certificate mdsRoot, Clock clock, Duration recheckEvery) {
        Objects.requireNonNull(blob, "blob");
        Objects.requireNonNull(mdsRoot, "mdsRoot");
        Snapshot first = load(blob, mdsRoot);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (today.isAfter(first.blob.nextUpdate())) {
            throw new IllegalArgumentException(outOfDate(blob, first.blob.nextUpdate()));
        }
        return new FidoMetadata(blob, mdsRoot, clock, recheckEvery, first);
    }

    /** The {@code description} of the AAGUID's metadata statement, e.g. "YubiKey 5 Series with NFC". */
    public Optional<String> description(UUID aaguid) {
        return current().byAaguid.getOrDefault(aaguid, List.of()).stream()
                .map(Entry::description)
                .filter(d -> d != null && !d.isBlank())
                .findFirst();
    }

    /** The attestation roots the BLOB lists for this AAGUID; empty when it has no entry for it. */
    public Set<X509Certificate> attestationRoots(UUID aaguid) {
        return roots(current().byAaguid.getOrDefault(aaguid, List.of()));
    }

    /** The same for a U2F authenticator, by the hex SHA-1 of its attestation certificate's public key. */
    public Set<X509Certificate> attestationRootsForKeyIdentifier(String keyIdentifier) {
        return roots(current().byKeyIdentifier.getOrDefault(keyIdentifier.toLowerCase(Locale.ROOT), List.of()));
    }

    /**
     * The security notifications among this AAGUID's status reports (REVOKED, USER_VERIFICATION_BYPASS,
     * ATTESTATION_KEY_COMPROMISE, USER_KEY_REMOTE_COMPROMISE, USER_KEY_PHYSICAL_COMPROMISE); empty when none.
     */
    public List<String> securityNotices(UUID aaguid) {
        return notices(current().byAaguid.getOrDefault(aaguid, List.of()));
    }

    /** The same by attestation certificate key identifier (hex). */
    public List<String> securityNoticesForKeyIdentifier(String keyIdentifier) {
        return notices(current().byKeyIdentifier.getOrDefault(keyIdentifier.toLowerCase(Locale.ROOT), List.of()));
    }

    /** The {@code nextUpdate} of the BLOB in use. */
    public LocalDate nextUpdate() {
        return current().blob.nextUpdate();
    }

    /** The serial number ({@code no}) of the BLOB in use. */
    public int number() {
        return current().blob.number();
    }

    /** How many entries the BLOB in use has. */
    public int size() {
        return current().blob.entries().size();
    }

    /**
     * Throws {@code ATTESTATION_NOT_TRUSTED} when the BLOB in use is out of date and no fresh file verified: its
     * status reports can no longer be relied on.
     */
    public void requireCurrent() {
        Snapshot s = current();
        if (LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).isAfter(s.blob.nextUpdate())) {
            String message = outOfDate(file, s.blob.nextUpdate());
            LOG.log(System.Logger.Level.ERROR, message);
            throw new PasskeyException(
                    Reason.ATTESTATION_NOT_TRUSTED,
                    Reason.ATTESTATION_NOT_TRUSTED.message() + " The FIDO metadata the server checks it against is"
                            + " out of date.");
        }
    }

    private static String outOfDate(Path file, LocalDate nextUpdate) {
        return "FIDO metadata BLOB " + file + " is out of date: its nextUpdate " + nextUpdate
                + " has passed; download a fresh one (a BLOB past its nextUpdate may hide revoked authenticators)";
    }

    private static Set<X509Certificate> roots(Collection<Entry> entries) {
        return entries.stream().flatMap(e -> e.roots().stream()).collect(Collectors.toUnmodifiableSet());
    }

    private static List<String> notices(Collection<Entry> entries) {
        return entries.stream()
                .flatMap(e -> e.refusedStatuses().stream())
                .distinct()
                .toList();
    }

    private Snapshot current() {
        synchronized (this) {
            Instant now = clock.instant();
            if (now.isBefore(lastCheck.plus(recheckEvery))) {
                return snapshot;
            }
            lastCheck = now;
            String stamp;
            try {
                stamp = stamp(file);
            } catch (UncheckedIOException e) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "FIDO metadata BLOB " + file + " cannot be read now; the one" + " read before stays in use: "
                                + e.getCause().getMessage());
                return snapshot;
            }
            if (stamp.equals(lastSeenStamp)) {
                return snapshot;
            }
            lastSeenStamp = stamp;
            try {
                snapshot = load(file, root);
                LOG.log(
                        System.Logger.Level.INFO,
                        "FIDO metadata BLOB " + file + " re-read: number " + snapshot.blob.number() + ", nextUpdate "
                                + snapshot.blob.nextUpdate());
            } catch (IllegalArgumentException e) {
                LOG.log(System.Logger.Level.ERROR, e.getMessage() + "; the BLOB read before stays in use");
            }
            return snapshot;
        }
    }

    private static Snapshot load(Path file, X509Certificate root) {
        String stamp;
        String jwt;
        try {
            stamp = stamp(file);
            jwt = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("FIDO metadata BLOB " + file + " cannot be read: " + e.getMessage(), e);
        }
        try {
            return new Snapshot(MetadataBlobs.verify(jwt, root), stamp);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "FIDO metadata BLOB " + file + " does not verify against the given MDS root: " + e.getMessage(), e);
        }
    }

    /** Size and modification time: a changed file is re-read. */
    private static String stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.size() + "@" + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Snapshot {
        final Blob blob;
        final String stamp;
        final Map<UUID, List<Entry>> byAaguid;
        final Map<String, List<Entry>> byKeyIdentifier;

        Snapshot(Blob blob, String stamp) {
            this.blob = blob;
            this.stamp = stamp;
            this.byAaguid = blob.entries().stream()
                    .filter(e -> e.aaguid() != null)
                    .collect(Collectors.groupingBy(Entry::aaguid));
            this.byKeyIdentifier = blob.entries().stream()
                    .flatMap(e -> e.keyIdentifiers().stream().map(id -> Map.entry(id, e)))
                    .collect(Collectors.groupingBy(
                            Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        }
    }

    @Override
    public String toString() {
        return "FidoMetadata[" + file + ", number " + number() + ", nextUpdate " + nextUpdate() + "]";
    }
}
