package io.gridloop.platform.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Enforces {@link RequestLimits} before anything else looks at a request — before the token is checked, before
 * the body is parsed: 413 for a body larger than its endpoint takes (declared or, for a streamed body, counted
 * while it is read), 429 with {@code Retry-After} for an address sending more anonymous API requests than
 * allowed. Both as problem+json.
 */
public final class RequestLimitFilter extends OncePerRequestFilter {

    /** Addresses whose buckets are kept; the least recently seen go first (a bucket refills in a minute anyway). */
    private static final int MAX_ADDRESSES = 10_000;
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final RequestLimits limits;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    public RequestLimitFilter(RequestLimits limits, JsonMapper json, MeterRegistry meters) {
        this.limits = limits;
        this.json = json;
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = PATHS.getPathWithinApplication(request);
        if (anonymousApiCall(request, path)) {
            ConsumptionProbe probe = bucketOf(request.getRemoteAddr()).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
                meters.counter("gridloop.web.limited", "reason", "anonymous_rate").increment();
                response.setHeader("Retry-After", String.valueOf(seconds));
                ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS",
                        "请求过于频繁", "未登录的请求每分钟最多 " + limits.anonymousPerMinute() + " 次，请 " + seconds
                                + " 秒后再试");
                problem.setProperty("retryAfterSeconds", seconds);
                write(response, problem);
                return;
            }
        }
        if (isMultipart(request)) {
            chain.doFilter(request, response);
            return;
        }
        long max = limits.maxBodyBytes(path);
        if (request.getContentLengthLong() > max) {
            meters.counter("gridloop.web.limited", "reason", "body_size").increment();
            write(response, tooLarge(max));
            return;
        }
        try {
            chain.doFilter(new Counted(request, max), response);
        } catch (BodyTooLargeException tooLarge) {
            // A later filter (the bridge's body cache for signatures) read past the limit; Spring MVC's own reads
            // become 413 in ProblemDetailsAdvice.
            if (response.isCommitted()) {
                throw tooLarge;
            }
            meters.counter("gridloop.web.limited", "reason", "body_size").increment();
            response.reset();
            write(response, tooLarge(max));
        }
    }

    /** A call to the API that carries neither a token nor the 12345 platform's signature. */
    private static boolean anonymousApiCall(HttpServletRequest request, String path) {
        return (path.startsWith("/api/") || path.startsWith("/open311/"))
                && request.getHeader("Authorization") == null && request.getHeader("X-Hotline-Signature") == null;
    }

    private Bucket bucketOf(String address) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(address, a -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(limits.anonymousPerMinute())
                            .refillGreedy(limits.anonymousPerMinute(), Duration.ofMinutes(1)).build())
                    .build());
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/");
    }

    static ProblemDetail tooLarge(long max) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                "请求体过大", "请求体不能超过 " + (max >= 1024 * 1024 ? max / (1024 * 1024) + " MB" : max / 1024 + " KB"));
        problem.setProperty("maxBytes", max);
        return problem;
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        ProblemDetailsAdvice.write(response, problem, json);
    }

    /** A body over the limit, found while it was being read (a streamed body declares no length). */
    public static final class BodyTooLargeException extends IOException {
        private final long max;

        BodyTooLargeException(long max) {
            super("request body larger than " + max + " bytes");
            this.max = max;
        }

        public long max() {
            return max;
        }
    }

    /** Counts what is read of the body and stops at the limit. */
    private static final class Counted extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        Counted(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    encoding == null ? java.nio.charset.StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = in.read(b, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > max) {
                            throw new BodyTooLargeException(max);
                        }
                    }
                };
            }
            return stream;
        }
    }
}
