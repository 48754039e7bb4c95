package io.github.passkeys4j.store;

import org.jspecify.annotations.Nullable;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * An application account as WebAuthn sees it. Passkeys belong to the account, named by {@code accountId}, which never
 * changes and is never reused; the username is only how the account is shown and looked up today, and may change.
 * The user handle is 64 random bytes (the most WebAuthn allows), made once per account and never derived from the
 * username, so it reveals nothing (WebAuthn Level 3 §14.6.1); handles stored by older releases (32 bytes) keep
 * working. Immutable; a store builds one with {@link #builder()} (required: user handle, account id, username).
 */
public final class PasskeyUser {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The size of a new account's user handle: 64 bytes, the most WebAuthn's {@code user.id} may have. */
    public static final int RANDOM_HANDLE_BYTES = 64;

    private final String userHandle;
    private final String accountId;
    private final String username;
    private final String displayName;
    private final Instant notBefore;

    private PasskeyUser(Builder b) {
        userHandle = Objects.requireNonNull(b.userHandle, "userHandle");
        accountId = Objects.requireNonNull(b.accountId, "accountId");
        username = Objects.requireNonNull(b.username, "username");
        if (accountId.isBlank()) {
            throw new IllegalArgumentException("accountId must not be blank");
        }
        if (username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        displayName = b.displayName == null || b.displayName.isBlank() ? username : b.displayName;
        notBefore = b.notBefore;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every field of this user. */
    public Builder toBuilder() {
        return new Builder()
                .userHandle(userHandle)
                .accountId(accountId)
                .username(username)
                .displayName(displayName)
                .notBefore(notBefore);
    }

    /**
     * A new account with a random user handle, shown by its username. (Named apart from the old
     * {@code create(username, displayName)}, whose two strings meant something else.)
     */
    public static PasskeyUser newAccount(String accountId, String username) {
        return builder()
                .randomUserHandle()
                .accountId(accountId)
                .username(username)
                .build();
    }

    /**
     * What is left of an account that was deleted (or whose id was given to another account) at {@code when}: a new
     * user handle, so nothing made for the old one matches, and sessions signed in before {@code when} do not count.
     */
    public static PasskeyUser startingAfresh(String accountId, String username, Instant when) {
        return builder()
                .randomUserHandle()
                .accountId(accountId)
                .username(username)
                .notBefore(Objects.requireNonNull(when, "when"))
                .build();
    }

    /** This account under a new username and display name (the account id and user handle stay). */
    public PasskeyUser withNames(String newUsername, @Nullable String newDisplayName) {
        return toBuilder().username(newUsername).displayName(newDisplayName).build();
    }

    /** Base64url user handle (the W3C {@code user.id}). */
    public String userHandle() {
        return userHandle;
    }

    /**
     * The application's immutable id of the account (its primary key, say); the username when the application has
     * nothing better and tells the library about renames and deletions.
     */
    public String accountId() {
        return accountId;
    }

    /** The account's current username (the W3C {@code user.name}), what the application's user lookup takes. */
    public String username() {
        return username;
    }

    /** The name shown by the authenticator's account chooser; the username unless another was given. */
    public String displayName() {
        return displayName;
    }

    /**
     * Sign-ins before this instant do not count for this account (it was deleted, or its name given to a new account,
     * then); {@code null} when there was no such change.
     */
    public @Nullable Instant notBefore() {
        return notBefore;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof PasskeyUser u
                && userHandle.equals(u.userHandle)
                && accountId.equals(u.accountId)
                && username.equals(u.username)
                && displayName.equals(u.displayName)
                && Objects.equals(notBefore, u.notBefore);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userHandle, accountId, username, displayName, notBefore);
    }

    @Override
    public String toString() {
        return "PasskeyUser[userHandle=" + userHandle + ", accountId=" + accountId + ", username=" + username
                + ", displayName=" + displayName + ", notBefore=" + notBefore + "]";
    }

    /** Builds a {@link PasskeyUser}; {@link #build()} checks the required fields. */
    public static final class Builder {
        private String userHandle;
        private String accountId;
        private String username;
        private String displayName;
        private Instant notBefore;

        private Builder() {}

        /** Required (or {@link #randomUserHandle()}): the base64url user handle. */
        public Builder userHandle(String value) {
            userHandle = value;
            return this;
        }

        /**
         * A new user handle of {@link #RANDOM_HANDLE_BYTES} random bytes (86 base64url characters), for a new account.
         */
        public Builder randomUserHandle() {
            byte[] handle = new byte[RANDOM_HANDLE_BYTES];
            RANDOM.nextBytes(handle);
            userHandle = Base64.getUrlEncoder().withoutPadding().encodeToString(handle);
            return this;
        }

        /** Required, not blank. */
        public Builder accountId(String value) {
            accountId = value;
            return this;
        }

        /** Required, not blank. */
        public Builder username(String value) {
            username = value;
            return this;
        }

        /** Default (and when {@code null} or blank) the username. */
        public Builder displayName(@Nullable String value) {
            displayName = value;
            return this;
        }

        /** Default {@code null}: the account never started afresh. */
        public Builder notBefore(@Nullable Instant value) {
            notBefore = value;
            return this;
        }

        /** @throws NullPointerException when a required field is missing */
        public PasskeyUser build() {
            return new PasskeyUser(this);
        }
    }
}
