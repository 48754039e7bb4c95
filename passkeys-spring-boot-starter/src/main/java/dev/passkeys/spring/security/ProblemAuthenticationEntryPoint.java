package dev.passkeys.spring.security;

import dev.passkeys.spring.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;

/** Signed-out calls to the JSON endpoints get a 401 problem body, not a redirect to the login page. */
public final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "Sign in first."));
    }
}
