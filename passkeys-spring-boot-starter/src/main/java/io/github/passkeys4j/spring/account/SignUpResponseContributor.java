package io.github.passkeys4j.spring.account;

import java.util.Map;

/**
 * Adds members to the answer of a successful passkey-only sign-up ({@code 201} from {@code POST <base>/sign-up}),
 * such as one-time recovery codes to show once. Every bean of this type is called, in order, after the account and
 * its passkey are stored and the new user is signed in; what it puts in {@code response} is sent as it is (never put
 * {@code redirectUrl}, {@code username} or {@code passkey} there: those are the starter's).
 */
@FunctionalInterface
public interface SignUpResponseContributor {

    /**
     * @param accountId the new account's id
     * @param username  its username
     * @param response  the JSON members of the answer so far; add yours
     */
    void contribute(String accountId, String username, Map<String, Object> response);
}
