package io.github.passkeys4j.accountids;

import io.github.passkeys4j.spring.account.AccountIdResolver;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An app with its own user store whose users carry an immutable id, as most real apps have, and that deletes and
 * renames accounts its own way without telling the starter: the {@link AccountIdResolver} alone must keep passkeys
 * with their accounts. (Outside {@code io.github.passkeys4j.spring}, so the starter tests' app does not scan it.)
 */
@SpringBootApplication
public class AccountIdsTestApplication {

    /** The app's user: a username that may change and an id that never does. */
    public static final class AppUser extends User {
        private final long id;

        AppUser(long id, String username, String password) {
            super(username, password, AuthorityUtils.createAuthorityList("ROLE_USER"));
            this.id = id;
        }

        public long id() {
            return id;
        }
    }

    /** The app's user table, in memory. */
    public static final class Accounts implements UserDetailsService {
        private final AtomicLong ids = new AtomicLong(100);
        private final Map<String, AppUser> byName = new ConcurrentHashMap<>();

        public AppUser signUp(String username, String password) {
            AppUser user = new AppUser(ids.incrementAndGet(), username, "{noop}" + password);
            if (byName.putIfAbsent(username, user) != null) {
                throw new IllegalStateException("taken");
            }
            return user;
        }

        public void delete(String username) {
            byName.remove(username);
        }

        public void rename(String from, String to) {
            AppUser user = byName.remove(from);
            byName.put(to, new AppUser(user.id(), to, user.getPassword()));
        }

        @Override
        public UserDetails loadUserByUsername(String username) {
            AppUser user = byName.get(username);
            if (user == null) {
                throw new UsernameNotFoundException(username);
            }
            return new AppUser(user.id(), user.getUsername(), user.getPassword());
        }
    }

    @Bean
    Accounts accounts() {
        return new Accounts();
    }

    @Bean
    AccountIdResolver accountIds() {
        return user -> Long.toString(((AppUser) user).id());
    }

    @Bean
    SecurityFilterChain app(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(
                        a -> a.requestMatchers("/csrf").permitAll().anyRequest().authenticated())
                .formLogin(f -> f.permitAll())
                .build();
    }

    @RestController
    static class Probe {
        @GetMapping("/csrf")
        Map<String, String> csrf(CsrfToken token) {
            return Map.of("header", token.getHeaderName(), "token", token.getToken());
        }

        @GetMapping("/whoami")
        Map<String, Object> whoami(org.springframework.security.core.Authentication authentication) {
            return Map.of("name", authentication.getName(), "id", ((AppUser) authentication.getPrincipal()).id());
        }
    }
}
