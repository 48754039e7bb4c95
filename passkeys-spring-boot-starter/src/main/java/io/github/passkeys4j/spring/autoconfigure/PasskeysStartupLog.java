package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.store.InMemoryPasskeyRepository;
import io.github.passkeys4j.store.PasskeyRepository;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One INFO line on start saying what the passkeys are bound to and where they are kept, so a wrong RP ID or a
 * forgotten DataSource shows in the first log lines rather than after users have enrolled; and a WARN when they are
 * kept in memory, where a restart loses them. (A {@link SmartInitializingSingleton} also runs under lazy
 * initialization.)
 */
final class PasskeysStartupLog implements SmartInitializingSingleton {

    private static final Log log = LogFactory.getLog(PasskeysStartupLog.class);

    private final ObjectProvider<RelyingParty> relyingParty;
    private final ObjectProvider<PasskeyRepository> passkeys;
    private final ObjectProvider<PasskeysStorageDescriber> describers;

    PasskeysStartupLog(
            ObjectProvider<RelyingParty> relyingParty,
            ObjectProvider<PasskeyRepository> passkeys,
            ObjectProvider<PasskeysStorageDescriber> describers) {
        this.relyingParty = relyingParty;
        this.passkeys = passkeys;
        this.describers = describers;
    }

    @Override
    public void afterSingletonsInstantiated() {
        RelyingParty rp = relyingParty.getIfUnique();
        PasskeyRepository repository = passkeys.getIfUnique();
        if (rp == null || repository == null) {
            return;
        }
        boolean inMemory = repository instanceof InMemoryPasskeyRepository;
        log.info("Passkeys for Java: rp-id " + rp.rpId() + ", origins " + new TreeSet<>(rp.origins())
                + ", storage " + storage(repository, inMemory)
                + ", user verification " + rp.userVerification().name().toLowerCase(Locale.ROOT));
        if (inMemory) {
            log.warn("Passkeys for Java keeps passkeys in memory: they are lost on restart and not shared between "
                    + "instances. Add spring-boot-starter-jdbc and a DataSource to keep them in the app's database.");
        }
    }

    private String storage(PasskeyRepository repository, boolean inMemory) {
        return inMemory ? "in memory" : storage(repository, describers);
    }

    /** "in memory", "JDBC (PostgreSQL)", or the app's own repository class: never a URL or a password. */
    static String storage(PasskeyRepository repository, ObjectProvider<PasskeysStorageDescriber> describers) {
        if (repository instanceof InMemoryPasskeyRepository) {
            return "in memory (lost on restart)";
        }
        return describers
                .orderedStream()
                .map(describer -> describer.describe(repository))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse("the app's own (" + repository.getClass().getName() + ")");
    }
}
