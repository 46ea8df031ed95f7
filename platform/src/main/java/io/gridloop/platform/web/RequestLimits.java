package io.gridloop.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.util.List;

/**
 * How much one request may ask of a service ({@code gridloop.web.limits.*}), so that nobody can make it parse
 * megabytes it will refuse anyway or answer an endless stream of anonymous requests.
 *
 * @param maxBody            the largest body a request may have (multipart uploads keep their own limits,
 *                           {@code spring.servlet.multipart.*})
 * @param largerBodies       endpoints that take more: a path prefix and its limit
 * @param anonymousPerMinute requests an address may make per minute to the API without signing in (Open311
 *                           clients, probes of the sign-in); signed-in callers and the 12345 platform's signed
 *                           calls are not counted here
 */
@ConfigurationProperties("gridloop.web.limits")
public record RequestLimits(DataSize maxBody, List<PathLimit> largerBodies, Integer anonymousPerMinute) {

    /** An endpoint that takes larger bodies, e.g. the grid registry import. */
    public record PathLimit(String path, DataSize max) {
    }

    public RequestLimits {
        maxBody = maxBody == null ? DataSize.ofKilobytes(256) : maxBody;
        largerBodies = largerBodies == null ? List.of() : List.copyOf(largerBodies);
        anonymousPerMinute = anonymousPerMinute == null ? 120 : anonymousPerMinute;
    }

    /** The largest body a request to {@code path} may have, in bytes. */
    public long maxBodyBytes(String path) {
        return largerBodies.stream().filter(l -> path.startsWith(l.path())).mapToLong(l -> l.max().toBytes())
                .max().orElse(maxBody.toBytes());
    }
}
