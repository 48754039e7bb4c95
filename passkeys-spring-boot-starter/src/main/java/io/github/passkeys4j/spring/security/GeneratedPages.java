package io.github.passkeys4j.spring.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;

/** What the filters that edit Spring Security's generated login and logout pages share. */
final class GeneratedPages {

    private GeneratedPages() {}

    /**
     * Lets Spring's {@code generator} render into a buffer and writes the page {@code decorate} makes of it; a
     * request that is not the generator's (it then calls the chain given, untouched) goes on down {@code chain}.
     */
    static void render(
            Filter generator,
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            UnaryOperator<String> decorate)
            throws ServletException, IOException {
        Buffer buffer = new Buffer(response);
        boolean[] passedOn = {false};
        generator.doFilter(request, buffer, (req, res) -> passedOn[0] = true);
        if (passedOn[0]) {
            chain.doFilter(request, response);
            return;
        }
        byte[] page = decorate.apply(buffer.html()).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    /**
     * What screen readers navigate by, which the generated page lacks (axe-core's landmark-one-main, region and
     * page-has-heading-one): its content in a {@code <main>}, and its first heading at level one.
     * The look stays Spring's: the heading keeps its {@code h2} style.
     */
    static String landmarks(String html) {
        int open = html.indexOf("<body>");
        int close = html.lastIndexOf("</body>");
        if (open < 0 || close < open || html.contains("<main")) {
            return html;
        }
        int start = open + "<body>".length();
        String body = html.substring(start, close)
                .replaceFirst("<h2>", Matcher.quoteReplacement("<h2 role=\"heading\" aria-level=\"1\">"));
        return html.substring(0, start) + "\n<main>" + body + "</main>\n" + html.substring(close);
    }

    /** Holds what a generator writes (it writes through getWriter and sets the length of the original page). */
    static final class Buffer extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private PrintWriter writer;

        Buffer(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return new ServletOutputStream() {
                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public void setContentLength(int length) {}

        @Override
        public void setContentLengthLong(long length) {}

        String html() {
            if (writer != null) {
                writer.flush();
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
