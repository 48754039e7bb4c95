package io.github.passkeys4j.spring.internal;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBodiesTest {

    private static final String JSON = "{\"username\":\"zoë\",\"displayName\":\"Zoë 🙂\"}";

    @Test
    void aBodyWithItsLengthIsReadWholeAsUtf8() throws IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/passkeys/sign-in/options");
        request.setContent(JSON.getBytes(StandardCharsets.UTF_8)); // sets Content-Length too

        assertThat(request.getContentLengthLong()).isEqualTo(JSON.getBytes(StandardCharsets.UTF_8).length);
        assertThat(RequestBodies.text(request)).isEqualTo(JSON);
    }

    @Test
    void aBodyWithoutALengthIsReadToItsEnd() throws IOException {
        MockHttpServletRequest request = new Lengthless(JSON.repeat(5_000).getBytes(StandardCharsets.UTF_8), -1);

        assertThat(RequestBodies.text(request)).isEqualTo(JSON.repeat(5_000));
    }

    @Test
    void aDeclaredLengthBeyondTheBodyGivesTheBodyNotAnAllocationOfThatSize() throws IOException {
        MockHttpServletRequest request = new Lengthless(JSON.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE);

        assertThat(RequestBodies.text(request)).isEqualTo(JSON);
    }

    @Test
    void aBodyLongerThanItsDeclaredLengthIsReadWhole() throws IOException {
        // As behind an app's wrapper that decodes the body but leaves the header.
        MockHttpServletRequest request = new Lengthless(JSON.getBytes(StandardCharsets.UTF_8), 10);

        assertThat(RequestBodies.text(request)).isEqualTo(JSON);
    }

    @Test
    void aBodyShorterThanItsDeclaredLengthIsWhatCame() throws IOException {
        MockHttpServletRequest request = new Lengthless(JSON.getBytes(StandardCharsets.UTF_8), 1_000);

        assertThat(RequestBodies.text(request)).isEqualTo(JSON);
    }

    @Test
    void noBodyIsEmptyText() throws IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/passkeys/sign-in/options");
        request.setContent(new byte[0]);

        assertThat(RequestBodies.text(request)).isEmpty();
    }

    /** A request whose declared length is whatever the test says (-1: none, as with chunked transfer). */
    private static final class Lengthless extends MockHttpServletRequest {
        private final long declared;

        Lengthless(byte[] body, long declared) {
            super("POST", "/passkeys/sign-in/options");
            setContent(body);
            this.declared = declared;
        }

        @Override
        public long getContentLengthLong() {
            return declared;
        }
    }
}
