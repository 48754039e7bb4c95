package io.github.passkeys4j.spring.account.internal;

import io.github.passkeys4j.spring.account.AccountDeletedEvent;
import io.github.passkeys4j.spring.account.PasskeyAccounts;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.NameMatchMethodPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.UserDetailsManager;
import org.springframework.util.ReflectionUtils;

import java.lang.reflect.Modifier;

/**
 * Hooks the application's {@code UserDetailsManager} beans ({@code JdbcUserDetailsManager},
 * {@code InMemoryUserDetailsManager}, its own) so passkeys follow their accounts with nothing to remember:
 * {@code deleteUser} forgets the account's passkeys; and where usernames are the account ids, {@code createUser}
 * starts the id afresh, clearing what an account deleted some other way left under it. A final class is left as it
 * is (logged): publish {@link AccountDeletedEvent} from it.
 *
 * <p>Internal: created by the auto-configuration; not API, may change in any release.
 */
public final class UserDetailsManagerAccounts implements BeanPostProcessor {

    private static final Log log = LogFactory.getLog(UserDetailsManagerAccounts.class);

    // Looked up when first needed: a post-processor must not pull storage beans in early.
    private final ObjectProvider<PasskeyAccounts> accounts;

    public UserDetailsManagerAccounts(ObjectProvider<PasskeyAccounts> accounts) {
        this.accounts = accounts;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof UserDetailsManager manager)) {
            return bean;
        }
        if (Modifier.isFinal(bean.getClass().getModifiers())) {
            // No subclass proxy of a final class, and an interface proxy would break injection by its class.
            log.info("Passkeys for Java: the UserDetailsManager " + beanName + " is a final class, so its deleteUser "
                    + "is not hooked; publish AccountDeletedEvent when the app deletes an account");
            return bean;
        }
        ProxyFactory factory = new ProxyFactory(bean);
        // Only the two methods it watches: a sign-in's loadUserByUsername then goes to the bean without an
        // interceptor chain (which cost 2 % of the demo's allocation per sign-in, bench profile, JFR).
        NameMatchMethodPointcutAdvisor advisor = new NameMatchMethodPointcutAdvisor(new Interceptor(manager));
        advisor.setMappedNames("deleteUser", "createUser");
        factory.addAdvisor(advisor);
        // A subclass proxy keeps the bean injectable by its class (JdbcUserDetailsManager, say). Its final methods
        // (JdbcDaoSupport's getters) run on the proxy itself, so it gets a copy of the bean's fields; "optimize"
        // skips Spring's warnings about those methods.
        factory.setProxyTargetClass(true);
        factory.setOptimize(true);
        Object proxy = factory.getProxy(bean.getClass().getClassLoader());
        ReflectionUtils.shallowCopyFieldState(bean, proxy);
        return proxy;
    }

    private final class Interceptor implements MethodInterceptor {
        private final UserDetailsManager target;

        Interceptor(UserDetailsManager target) {
            this.target = target;
        }

        @Override
        public Object invoke(MethodInvocation invocation) throws Throwable {
            String method = invocation.getMethod().getName();
            Object[] args = invocation.getArguments();
            if ("deleteUser".equals(method) && args.length == 1 && args[0] instanceof String username) {
                String accountId = accountIdOf(username);
                Object result = invocation.proceed();
                accounts.getObject().onAccountDeleted(new AccountDeletedEvent(username, accountId));
                return result;
            }
            if (!("createUser".equals(method)
                    && args.length == 1
                    && args[0] instanceof UserDetails user
                    && accounts.getObject().usernameIsAccountId())) {
                return invocation.proceed();
            }
            Boolean taken = taken(user.getUsername());
            if (Boolean.FALSE.equals(taken)) {
                // Before the user exists: cleared after, an old passkey signing in between lands in the new account.
                accounts.getObject().deleteAccount(user.getUsername());
                return invocation.proceed();
            }
            Object result = invocation.proceed();
            if (taken == null) {
                // The store could not say: cleared once the user is made (the way that leaves the moment open).
                accounts.getObject().deleteAccount(user.getUsername());
            }
            return result;
        }

        /** Whether the name is taken (then createUser fails, and that account keeps its passkeys); null: unknown. */
        private Boolean taken(String username) {
            try {
                return target.userExists(username);
            } catch (RuntimeException unknown) {
                log.warn("Passkeys for Java: " + target.getClass().getSimpleName() + ".userExists failed (" + unknown
                        + "); what a deleted account left under the name is cleared after createUser");
                return null;
            }
        }

        /**
         * Read before the delete, while the user can still be loaded; {@code null} when it cannot be (unknown, or an
         * {@code AccountIdResolver} made for another kind of user): the account is then found by its username.
         */
        private String accountIdOf(String username) {
            try {
                return accounts.getObject().accountIdOf(target.loadUserByUsername(username));
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
