package io.github.passkeys4j.sample;

import io.github.passkeys4j.spring.account.AccountDeletedEvent;
import io.github.passkeys4j.spring.account.UsernameChangedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deleting and renaming accounts. Each tells the passkeys starter with the event its README documents, in the same
 * transaction: if the starter cannot follow, the change is rolled back rather than left half done.
 */
@Service
class AccountService {

    private final AppUsers users;
    private final ApplicationEventPublisher events;

    AccountService(AppUsers users, ApplicationEventPublisher events) {
        this.users = users;
        this.events = events;
    }

    @Transactional
    void delete(AcmeUser user) {
        users.delete(user.id());
        events.publishEvent(new AccountDeletedEvent(user.getUsername()));
    }

    /**
     * Renames the account and returns it as now stored.
     *
     * @throws org.springframework.dao.DuplicateKeyException when {@code newUsername} is taken
     */
    @Transactional
    AcmeUser rename(AcmeUser user, String newUsername) {
        users.rename(user.id(), newUsername);
        events.publishEvent(new UsernameChangedEvent(user.getUsername(), newUsername));
        return users.loadUserByUsername(newUsername);
    }
}
