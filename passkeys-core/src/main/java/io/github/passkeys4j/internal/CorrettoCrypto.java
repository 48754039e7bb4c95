package io.github.passkeys4j.internal;

import java.security.Provider;
import java.util.Optional;

/**
 * Amazon Corretto Crypto Provider (AWS-LC, FIPS-validated, kept by AWS) when the application has it on its class path
 * and its native library loads on this machine (Linux on x86-64 or ARM): its ECDSA verifies P-256 about 1.6× as fast
 * as BouncyCastle's here. Optional: no dependency of ours brings it; without it, or where it does not load, the
 * answer is empty and BouncyCastle checks. The instance is used as it is, never installed in
 * {@code java.security.Security}, so the host app's cryptography is unchanged. Looked up by name, so this class
 * loads without it.
 */
final class CorrettoCrypto {

    private static final String PROVIDER_CLASS = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";

    private static final System.Logger LOG = System.getLogger(CorrettoCrypto.class.getName());

    private CorrettoCrypto() {}

    /** The provider, healthy (its self-tests passed), or empty. */
    static Optional<Provider> provider() {
        Class<?> type;
        try {
            type = Class.forName(PROVIDER_CLASS, true, CorrettoCrypto.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            return Optional.empty();
        }
        try {
            Provider provider = (Provider) type.getField("INSTANCE").get(null);
            Object loadingError = type.getMethod("getLoadingError").invoke(provider);
            if (loadingError != null) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "Amazon Corretto Crypto Provider is on the class path but does not load here (" + loadingError
                                + "): BouncyCastle checks ES256 signatures.");
                return Optional.empty();
            }
            type.getMethod("assertHealthy").invoke(provider);
            return Optional.of(provider);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError broken) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Amazon Corretto Crypto Provider failed its checks (" + broken
                            + "): BouncyCastle checks ES256 signatures.");
            return Optional.empty();
        }
    }
}
