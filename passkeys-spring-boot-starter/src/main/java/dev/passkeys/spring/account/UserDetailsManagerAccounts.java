package dev.passkeys.spring.account;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.provisioning.UserDetailsManager;

import java.lang.reflect.Modifier;

/**
 * Hooks the application's {@code UserDetailsManager} beans ({@code JdbcUserDetailsManager},
 * {@code InMemoryUserDetailsManager}, its own) so passkeys follow their accounts with nothing to remember:
 * {@code deleteUser} forgets the account's passkeys, and {@code createUser} clears what an account deleted some other
 * way left under the new account's id, so a new owner of a username never inherits passkeys.
 */
public final class UserDetailsManagerAccounts implements BeanPostProcessor {

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
        ProxyFactory proxy = new ProxyFactory(bean);
        // A subclass proxy keeps the bean injectable by its class (JdbcUserDetailsManager, say). "Optimize" skips
        // Spring's warnings about final methods (JdbcDaoSupport's getters), which stay the proxy's own: not advice.
        proxy.setProxyTargetClass(!Modifier.isFinal(bean.getClass().getModifiers()));
        proxy.setOptimize(true);
        proxy.addAdvice(new Interceptor(manager));
        return proxy.getProxy(bean.getClass().getClassLoader());
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
                if (accountId != null) {
                    accounts.getObject().deleteAccount(accountId);
                } else {
                    accounts.getObject().onAccountDeleted(new AccountDeletedEvent(username));
                }
                return result;
            }
            if ("createUser".equals(method) && args.length == 1 && args[0] instanceof UserDetails user) {
                Object result = invocation.proceed();
                accounts.getObject().deleteAccount(accounts.getObject().accountIdOf(user));
                return result;
            }
            return invocation.proceed();
        }

        /** Read before the delete: afterwards the user can no longer be loaded. */
        private String accountIdOf(String username) {
            try {
                return accounts.getObject().accountIdOf(target.loadUserByUsername(username));
            } catch (UsernameNotFoundException e) {
                return null;
            }
        }
    }
}
