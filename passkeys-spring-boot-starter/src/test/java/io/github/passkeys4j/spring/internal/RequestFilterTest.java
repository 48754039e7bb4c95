package io.github.passkeys4j.spring.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The starter's filters act on a request's own dispatch only, as {@code OncePerRequestFilter} does by default. */
class RequestFilterTest {

    /** Records what it handled; answers 204 itself for {@code /mine}, passes everything else on. */
    private static final class Recording extends RequestFilter {
        final List<String> handled = new ArrayList<>();

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return request.getRequestURI().startsWith("/skip");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            handled.add(request.getRequestURI());
            if (request.getRequestURI().equals("/mine")) {
                response.setStatus(204);
                return;
            }
            chain.doFilter(request, response);
        }
    }

    @Test
    void aRequestDispatchIsFiltered() throws Exception {
        Recording filter = new Recording();
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(new MockHttpServletRequest("POST", "/mine"), response, chain);

        assertThat(filter.handled).containsExactly("/mine");
        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(chain.getRequest()).as("answered, not passed on").isNull();
    }

    @ParameterizedTest
    @EnumSource(
            value = DispatcherType.class,
            names = {"FORWARD", "INCLUDE", "ERROR", "ASYNC"})
    void otherDispatchesPassThroughUntouched(DispatcherType type) throws Exception {
        Recording filter = new Recording();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/mine");
        request.setDispatcherType(type);
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(filter.handled).isEmpty();
        assertThat(chain.getRequest()).isSameAs(request);
    }

    @Test
    void shouldNotFilterPassesTheRequestOn() throws Exception {
        Recording filter = new Recording();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/skip/this");
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(filter.handled).isEmpty();
        assertThat(chain.getRequest()).isSameAs(request);
    }

    @Test
    void aNonHttpRequestIsRefused() {
        ServletRequest plain = new ServletRequestWrapper(new MockHttpServletRequest());
        assertThatThrownBy(() -> new Recording().doFilter(plain, new MockHttpServletResponse(), new MockFilterChain()))
                .isInstanceOf(ServletException.class)
                .hasMessageContaining("HTTP requests only");
    }
}
