package io.gridloop.hotline.signature;

import io.gridloop.platform.audit.AuditFilter;
import io.gridloop.contracts.hotline.HotlineSignature;
import io.gridloop.hotline.HotlineSettings;
import io.gridloop.platform.web.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

/**
 * Refuses, with 401 and before anything is parsed or stored, every request to a {@link SignedByHotline} endpoint
 * that does not carry a valid, fresh HMAC signature over its exact body. A filter keeps the body bytes (the
 * signature covers bytes, not parsed JSON); an interceptor checks them once the endpoint is known, so the
 * refusal is an ordinary problem+json answer.
 */
@Configuration(proxyBeanMethods = false)
class HotlineSignatureCheck implements WebMvcConfigurer {

    static final String PATHS = "/api/v1/hotline/*";

    private static final Logger log = LoggerFactory.getLogger(HotlineSignatureCheck.class);

    private final HotlineSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final SeenNonces nonces;

    HotlineSignatureCheck(HotlineSettings settings, Clock clock, MeterRegistry meters, SeenNonces nonces) {
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        this.nonces = nonces;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> hotlineBodyCache() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws ServletException, IOException {
                        if (!"POST".equals(request.getMethod())) {
                            chain.doFilter(request, response);
                            return;
                        }
                        // The platform's request limit (gridloop.web.limits, 1 MB for /api/v1/hotline) bounds
                        // what this reads, and answers 413 beyond it.
                        byte[] body;
                        try (InputStream in = request.getInputStream()) {
                            body = in.readAllBytes();
                        }
                        chain.doFilter(new CachedBody(request, body), response);
                    }
                });
        registration.addUrlPatterns(PATHS);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(SignedByHotline.class)) {
                    verify(request);
                }
                return true;
            }
        });
    }

    private void verify(HttpServletRequest request) {
        byte[] body = unwrap(request);
        // The target as the hotline sent it: the raw (undecoded) path and query.
        String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String nonce = request.getHeader(HotlineSignature.NONCE_HEADER);
        HotlineSignature.Verdict verdict = HotlineSignature.verify(settings.acceptedSecrets(),
                request.getHeader(HotlineSignature.TIMESTAMP_HEADER), nonce,
                request.getHeader(HotlineSignature.SIGNATURE_HEADER), request.getMethod(), target, body,
                clock.instant(), settings.signatureTolerance());
        if (verdict == HotlineSignature.Verdict.VALID && !nonces.firstTime(nonce)) {
            verdict = HotlineSignature.Verdict.REPLAYED;
        }
        meters.counter("gridloop.hotline.signatures", "verdict", verdict.name().toLowerCase()).increment();
        if (verdict == HotlineSignature.Verdict.VALID) {
            request.setAttribute(AuditFilter.MACHINE_CALLER, "12345-hotline (HMAC)");
            return;
        }
        request.setAttribute(AuditFilter.MACHINE_CALLER, "unsigned (" + verdict.name().toLowerCase() + ")");
        log.warn("Refused {} {} from {}: signature {}", request.getMethod(), request.getRequestURI(),
                request.getRemoteAddr(), verdict);
        String detail = switch (verdict) {
            case MISSING -> "缺少签名头 " + HotlineSignature.TIMESTAMP_HEADER + " / " + HotlineSignature.NONCE_HEADER
                    + " / " + HotlineSignature.SIGNATURE_HEADER;
            case REPLAYED -> "该请求已收到过（随机数 " + HotlineSignature.NONCE_HEADER + " 重复），每次请求须使用新的随机数";
            case MALFORMED -> "签名头格式不正确";
            case STALE -> "请求时间戳超出允许范围（±" + settings.signatureTolerance().toSeconds() + " 秒），请校准时钟后重发";
            default -> "签名与请求内容不符";
        };
        throw new ApiException(HttpStatus.UNAUTHORIZED, "SIGNATURE_" + verdict.name(), "签名校验失败", detail);
    }

    private static byte[] unwrap(HttpServletRequest request) {
        jakarta.servlet.ServletRequest r = request;
        while (r instanceof jakarta.servlet.ServletRequestWrapper wrapper) {
            if (r instanceof CachedBody cached) {
                return cached.bytes();
            }
            r = wrapper.getRequest();
        }
        throw new IllegalStateException("signed endpoint " + request.getRequestURI()
                + " is not covered by the body cache (" + PATHS + ")");
    }
}
