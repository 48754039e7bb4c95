package io.github.passkeys4j.example.jdk;

/**
 * A refusal the client gets as an RFC 9457 problem body: {@code status}, a plain-words {@code detail}, and the kind of
 * refusal as {@code reason} (as the Spring starter's problems have). Thrown by a handler, answered by the server loop.
 */
final class Problem extends RuntimeException {

    final int status;
    final String reason;

    Problem(int status, String reason, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.reason = reason;
    }
}
