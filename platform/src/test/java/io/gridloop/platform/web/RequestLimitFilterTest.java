package io.gridloop.platform.web;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Oversized bodies and floods of anonymous requests are refused before anything else looks at them. */
class RequestLimitFilterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RequestLimitFilter filter = new RequestLimitFilter(new RequestLimits(DataSize.ofKilobytes(1),
            List.of(new RequestLimits.PathLimit("/api/v1/admin/grid-registry", DataSize.ofKilobytes(8))), 5),
            JsonMapper.builder().build(), meters);

    private static MockHttpServletRequest request(String method, String path, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setRemoteAddr(address);
        return request;
    }

    private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void shouldAnswer429WithRetryAfterToAnAddressSendingTooManyAnonymousRequests() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(run(request("POST", "/open311/v2/requests.json", "203.0.113.7")).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = run(request("POST", "/open311/v2/requests.json", "203.0.113.7"));

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 60);
        assertThat(refused.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("TOO_MANY_REQUESTS", "请求过于频繁");
        assertThat(meters.counter("gridloop.web.limited", "reason", "anonymous_rate").count()).isEqualTo(1);

        // Another address, a signed-in caller, the 12345 platform's signed calls and the pages are not held back.
        assertThat(run(request("POST", "/open311/v2/requests.json", "203.0.113.8")).getStatus()).isEqualTo(200);
        MockHttpServletRequest signedIn = request("GET", "/api/v1/cases", "203.0.113.7");
        signedIn.addHeader("Authorization", "Bearer x");
        assertThat(run(signedIn).getStatus()).isEqualTo(200);
        MockHttpServletRequest hotline = request("POST", "/api/v1/hotline/orders", "203.0.113.7");
        hotline.addHeader("X-Hotline-Signature", "sha256=00");
        assertThat(run(hotline).getStatus()).isEqualTo(200);
        assertThat(run(request("GET", "/index.html", "203.0.113.7")).getStatus()).isEqualTo(200);
    }

    @Test
    void shouldRefuseADeclaredBodyOverItsEndpointsLimitBeforeReadingIt() throws Exception {
        MockHttpServletRequest big = request("POST", "/api/v1/events", "127.0.0.1");
        big.addHeader("Authorization", "Bearer x");
        big.setContent(new byte[2048]);
        big.setContentType("application/json");

        MockHttpServletResponse refused = run(big);

        assertThat(refused.getStatus()).isEqualTo(413);
        assertThat(refused.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("PAYLOAD_TOO_LARGE");
        MockHttpServletRequest registry = request("POST", "/api/v1/admin/grid-registry", "127.0.0.1");
        registry.setContent(new byte[4096]);
        registry.addHeader("Authorization", "Bearer x");
        assertThat(run(registry).getStatus()).as("the registry import takes more").isEqualTo(200);
    }

    @Test
    void shouldStopAStreamedBodyAtTheLimit() throws Exception {
        MockHttpServletRequest streamed = new MockHttpServletRequest("POST", "/api/v1/events") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        streamed.addHeader("Authorization", "Bearer x");
        streamed.setContent(new byte[4096]);
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
        filter.doFilter(streamed, new MockHttpServletResponse(), (req, res) -> seen.set((HttpServletRequest) req));

        assertThatThrownBy(() -> seen.get().getInputStream().readAllBytes())
                .isInstanceOf(RequestLimitFilter.BodyTooLargeException.class);
        assertThat(seen.get().getInputStream()).isNotNull();
    }

    @Test
    void shouldLeaveMultipartUploadsToTheirOwnLimits() throws Exception {
        MockHttpServletRequest upload = request("POST", "/api/v1/photos", "127.0.0.1");
        upload.addHeader("Authorization", "Bearer x");
        upload.setContentType("multipart/form-data; boundary=x");
        upload.setContent(new byte[4096]);
        assertThat(run(upload).getStatus()).isEqualTo(200);
    }
}
