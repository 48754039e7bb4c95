package io.github.passkeys4j.spring.security;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;

/**
 * JSON form of {@link PasskeyAuthenticationToken}, in the style of Spring Security's own token mixins: fields, with
 * the class name as type id; the passkey itself is not kept (as in Java serialization).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        creatorVisibility = JsonAutoDetect.Visibility.ANY)
@JsonIgnoreProperties(
        value = {"passkey", "authenticated"},
        ignoreUnknown = true)
abstract class PasskeyAuthenticationTokenMixin {

    @JsonCreator
    PasskeyAuthenticationTokenMixin(
            @JsonProperty("principal") UserDetails principal,
            @JsonProperty("credentialId") String credentialId,
            @JsonProperty("userHandle") String userHandle,
            @JsonProperty("userVerified") boolean userVerified,
            @JsonProperty("authorities") Collection<? extends GrantedAuthority> authorities) {}
}
