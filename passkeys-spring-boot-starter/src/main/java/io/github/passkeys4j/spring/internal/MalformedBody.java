package io.github.passkeys4j.spring.internal;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * A request body of the wrong shape, with a message fit for the client (what the body must be): answered 400
 * {@code MALFORMED_REQUEST}, not as a device's malformed answer, since the request, not the authenticator, is wrong.
 *
 * <p>Internal: not API, may change in any release.
 */
public final class MalformedBody extends HttpMessageNotReadableException {

    public MalformedBody(String whatItMustBe) {
        super(whatItMustBe, (Throwable) null, (HttpInputMessage) null);
    }
}
