package io.github.passkeys4j.spring.autoconfigure;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses, at start-up, a {@code passkeys.base-path} under which the app has endpoints of its own: the starter opens
 * some URLs there to anonymous users, caps request sizes and answers errors as problems, which would silently change
 * the app's endpoints.
 */
final class BasePathOverlapCheck implements SmartInitializingSingleton {

    private static final String OURS = "io.github.passkeys4j.spring.";

    private final ListableBeanFactory beans;
    private final String basePath;

    BasePathOverlapCheck(ListableBeanFactory beans, String basePath) {
        this.beans = beans;
        this.basePath = basePath;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> clashes = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping :
                beans.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> handler :
                    mapping.getHandlerMethods().entrySet()) {
                if (handler.getValue().getBeanType().getName().startsWith(OURS)) {
                    continue;
                }
                for (String pattern : handler.getKey().getPatternValues()) {
                    if (pattern.equals(basePath) || pattern.startsWith(basePath + "/")) {
                        clashes.add(pattern + " (" + handler.getValue().getShortLogMessage() + ")");
                    }
                }
            }
        }
        if (!clashes.isEmpty()) {
            throw new InvalidPasskeysPropertiesException(
                    List.of("passkeys.base-path: " + basePath + " is also where the app has its own endpoints "
                            + clashes + "; give passkeys a path of their own"));
        }
    }
}
