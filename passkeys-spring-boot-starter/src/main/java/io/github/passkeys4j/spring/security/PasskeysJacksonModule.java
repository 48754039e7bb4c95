package io.github.passkeys4j.spring.security;

import org.springframework.security.jackson.SecurityJacksonModule;
import org.springframework.security.jackson.SecurityJacksonModules;
import tools.jackson.core.Version;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Lets Spring Security's JSON session serialisation (Jackson 3, {@link SecurityJacksonModules}, e.g. for Spring
 * Session Data Redis with a JSON serializer) write and read a {@link PasskeyAuthenticationToken}. Register it beside
 * Spring Security's modules, with its types allowed in the same validator:
 *
 * <pre>{@code
 * BasicPolymorphicTypeValidator.Builder types = BasicPolymorphicTypeValidator.builder();
 * PasskeysJacksonModule passkeys = new PasskeysJacksonModule();
 * passkeys.configurePolymorphicTypeValidator(types);
 * JsonMapper mapper = JsonMapper.builder()
 *         .addModules(SecurityJacksonModules.getModules(classLoader, types))
 *         .addModule(passkeys)
 *         .build();
 * }</pre>
 *
 * Java serialization (Spring Session's default for JDBC and Redis) needs nothing: the token is {@code Serializable}.
 */
public final class PasskeysJacksonModule extends SecurityJacksonModule {

    public PasskeysJacksonModule() {
        super(PasskeysJacksonModule.class.getName(), Version.unknownVersion());
    }

    @Override
    public void configurePolymorphicTypeValidator(BasicPolymorphicTypeValidator.Builder builder) {
        builder.allowIfSubType(PasskeyAuthenticationToken.class);
    }

    @Override
    public void setupModule(SetupContext context) {
        context.setMixIn(PasskeyAuthenticationToken.class, PasskeyAuthenticationTokenMixin.class);
    }
}
