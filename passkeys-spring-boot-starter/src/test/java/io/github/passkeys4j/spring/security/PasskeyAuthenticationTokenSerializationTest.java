package io.github.passkeys4j.spring.security;

import io.github.passkeys4j.RelyingParty;
import io.github.passkeys4j.spring.internal.PasskeysMessages;
import io.github.passkeys4j.store.InMemoryPasskeyRepository;
import io.github.passkeys4j.store.Passkey;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A passkey sign-in's security context survives both ways Spring Session stores it: Java serialization (its default
 * for JDBC and Redis) and Spring Security's Jackson 3 modules with {@link PasskeysJacksonModule}.
 */
class PasskeyAuthenticationTokenSerializationTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final PasskeyAuthenticationToken token = token();

    private static PasskeyAuthenticationToken token() {
        Passkey passkey = Passkey.builder()
                .credentialId("Y3JlZC0x")
                .userHandle("aGFuZGxlLTE")
                .publicKey("key")
                .backupEligible(true)
                .backupState(true)
                .uvInitialized(true)
                .createdAt(T0)
                .name("Laptop")
                .build();
        List<GrantedAuthority> authorities = List.of(
                new SimpleGrantedAuthority("ROLE_USER"),
                FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY)
                        .issuedAt(T0)
                        .build());
        PasskeyAuthenticationToken token = new PasskeyAuthenticationToken(
                User.withUsername("alice").password("{noop}x").roles("USER").build(), passkey, true, authorities);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("192.0.2.7");
        token.setDetails(new WebAuthenticationDetails(request));
        return token;
    }

    /**
     * A session kept from a version that did not record the passkey's account (its token has no user handle) is signed
     * out once: trusted, it would outlive its passkey being deleted and registered again by another account.
     */
    @Test
    void aTokenWithoutItsAccountIsSignedOutOnceAndACurrentOneStays() throws Exception {
        InMemoryPasskeyRepository passkeys = new InMemoryPasskeyRepository();
        passkeys.add(token.getPasskey());
        RelyingParty relyingParty = RelyingParty.builder("example.com", "Example")
                .passkeys(passkeys)
                .build();
        JsonMapper mapper = jsonMapper();
        String current = mapper.writeValueAsString(new SecurityContextImpl(token.withoutPasskey()));
        String earlier = current.replace(",\"userHandle\":\"aGFuZGxlLTE\"", "");
        assertThat(earlier).isNotEqualTo(current);

        assertThat(survives(relyingParty, (SecurityContext) mapper.readValue(current, Object.class)))
                .isTrue();
        assertThat(survives(relyingParty, (SecurityContext) mapper.readValue(earlier, Object.class)))
                .isFalse();
    }

    private static boolean survives(RelyingParty relyingParty, SecurityContext context) throws Exception {
        PasskeyRevocationFilter filter =
                new PasskeyRevocationFilter(relyingParty, "/passkeys", PasskeysMessages.ours());
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/account");
        request.getSession(true);
        SecurityContextHolder.setContext(context);
        try {
            filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
            return request.getSession(false) != null
                    && SecurityContextHolder.getContext().getAuthentication() != null;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void javaSerializationKeepsEverythingButThePasskey() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new SecurityContextImpl(token));
        }
        SecurityContext read;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            read = (SecurityContext) in.readObject();
        }

        assertReadBack(read);
    }

    @Test
    void springSecuritysJsonModulesWithOursKeepEverythingButThePasskey() {
        JsonMapper mapper = jsonMapper();

        String json = mapper.writeValueAsString(new SecurityContextImpl(token));
        Object read = mapper.readValue(json, Object.class);

        // The passkey's account (its user handle, random and no secret) stays: revocation checks the ID is still its.
        assertThat(json).contains("PasskeyAuthenticationToken", "Y3JlZC0x", "\"userHandle\":\"aGFuZGxlLTE\"");
        assertReadBack((SecurityContext) read);
    }

    private JsonMapper jsonMapper() {
        BasicPolymorphicTypeValidator.Builder types = BasicPolymorphicTypeValidator.builder();
        PasskeysJacksonModule passkeys = new PasskeysJacksonModule();
        passkeys.configurePolymorphicTypeValidator(types);
        return JsonMapper.builder()
                .addModules(SecurityJacksonModules.getModules(getClass().getClassLoader(), types))
                .addModule(passkeys)
                .build();
    }

    private void assertReadBack(SecurityContext read) {
        PasskeyAuthenticationToken back = (PasskeyAuthenticationToken) read.getAuthentication();
        assertThat(back).isEqualTo(token);
        assertThat(back.getName()).isEqualTo("alice");
        assertThat(back.getCredentialId()).isEqualTo("Y3JlZC0x");
        assertThat(back.getUserHandle()).isEqualTo("aGFuZGxlLTE");
        assertThat(back.isUserVerified()).isTrue();
        assertThat(back.isAuthenticated()).isTrue();
        assertThat(back.getPasskey()).isNull();
        assertThat(back.getAuthorities()).containsExactlyInAnyOrderElementsOf(token.getAuthorities());
        assertThat(((WebAuthenticationDetails) back.getDetails()).getRemoteAddress())
                .isEqualTo("192.0.2.7");
    }
}
