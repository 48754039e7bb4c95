package io.github.passkeys4j.spring.autoconfigure;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.spring.account.AccountIdResolver;
import io.github.passkeys4j.spring.account.internal.UserDetailsManagerAccounts;
import io.github.passkeys4j.store.ChallengeKeys;
import io.github.passkeys4j.store.InMemoryChallengeKeys;
import io.github.passkeys4j.store.InMemoryPasskeyRepository;
import io.github.passkeys4j.store.InMemoryPasskeyUserRepository;
import io.github.passkeys4j.store.InMemoryPendingCeremonyStore;
import io.github.passkeys4j.store.InMemoryRecoveryCodeStore;
import io.github.passkeys4j.store.InMemoryUsedChallengeStore;
import io.github.passkeys4j.store.PasskeyRepository;
import io.github.passkeys4j.store.PasskeyUserRepository;
import io.github.passkeys4j.store.PendingCeremonyStore;
import io.github.passkeys4j.store.RecoveryCodeStore;
import io.github.passkeys4j.store.UsedChallengeStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.UserDetailsManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One INFO line on start saying what the passkeys are bound to and where they are kept, so a wrong RP ID or a
 * forgotten DataSource shows in the first log lines rather than after users have enrolled; a WARN when they are kept
 * in memory, where a restart loses them; and a WARN when the app stores passkeys itself but some other store fell back
 * to memory, which works on one instance only. (A {@link SmartInitializingSingleton} also runs under lazy
 * initialization.)
 */
final class PasskeysStartupLog implements SmartInitializingSingleton {

    private static final Log log = LogFactory.getLog(PasskeysStartupLog.class);

    private final ObjectProvider<RelyingParty> relyingParty;
    private final ObjectProvider<PasskeyRepository> passkeys;
    private final ObjectProvider<PasskeysStorageDescriber> describers;
    private final BeanFactory beans;

    PasskeysStartupLog(
            ObjectProvider<RelyingParty> relyingParty,
            ObjectProvider<PasskeyRepository> passkeys,
            ObjectProvider<PasskeysStorageDescriber> describers,
            BeanFactory beans) {
        this.relyingParty = relyingParty;
        this.passkeys = passkeys;
        this.describers = describers;
        this.beans = beans;
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
        warnIfDeletionsGoUnseen();
        if (inMemory) {
            log.warn("Passkeys for Java keeps passkeys in memory: they are lost on restart and not shared between "
                    + "instances. Add spring-boot-starter-jdbc and a DataSource to keep them in the app's database.");
            return;
        }
        List<String> local = new ArrayList<>();
        inMemory(PasskeyUserRepository.class, InMemoryPasskeyUserRepository.class, "accounts", local);
        inMemory(PendingCeremonyStore.class, InMemoryPendingCeremonyStore.class, "pending ceremonies", local);
        inMemory(UsedChallengeStore.class, InMemoryUsedChallengeStore.class, "used challenges", local);
        inMemory(ChallengeKeys.class, InMemoryChallengeKeys.class, "challenge keys", local);
        inMemory(RecoveryCodeStore.class, InMemoryRecoveryCodeStore.class, "recovery codes", local);
        if (!local.isEmpty()) {
            log.warn("Passkeys for Java keeps " + String.join(", ", local) + " in memory, beside passkeys in "
                    + storage(repository, inMemory) + ": right for one instance only. With more, a sign-in started"
                    + " on one cannot finish on another, a challenge could be used once on each, and recovery-code"
                    + " lockouts count per instance. Declare these stores as beans over your shared storage (README:"
                    + " \"Writing your own store\").");
        }
    }

    /**
     * Usernames as account ids, and no {@code UserDetailsManager} whose {@code deleteUser} the starter follows: an
     * account the app deletes its own way leaves its passkeys to whoever gets its name next, unless the app announces
     * the deletion. Said once, at start-up, with the two ways out.
     */
    private void warnIfDeletionsGoUnseen() {
        if (has(AccountIdResolver.class) || !has(UserDetailsService.class)) {
            return;
        }
        boolean followed = has(UserDetailsManager.class) && has(UserDetailsManagerAccounts.class);
        if (!followed) {
            log.warn("Passkeys for Java binds passkeys to usernames (there is no AccountIdResolver bean) and sees no"
                    + " UserDetailsManager whose deleteUser it follows: when your app deletes an account, publish an"
                    + " AccountDeletedEvent, or a later account given the same username could sign in with the deleted"
                    + " account's passkeys. An AccountIdResolver bean (your users' immutable id) rules this out"
                    + " (README: \"Account lifecycle\").");
        }
    }

    /** Whether there is a bean of {@code type}, however many: a log line must never stop start-up. */
    private boolean has(Class<?> type) {
        return beans.getBeanProvider(type).stream().findAny().isPresent();
    }

    private void inMemory(Class<?> type, Class<?> inMemoryType, String what, List<String> local) {
        Object store = beans.getBeanProvider(type).getIfUnique();
        if (inMemoryType.isInstance(store)) {
            local.add(what);
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
