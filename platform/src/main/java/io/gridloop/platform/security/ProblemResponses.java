package io.gridloop.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import io.gridloop.platform.web.ProblemDetailsAdvice;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * 401 and 403 from the security filters as problem+json, like every other error, with the standard
 * {@code WWW-Authenticate: Bearer …} header kept (RFC 6750) so OAuth2 clients know to fetch a new token.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler,
        RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        bearerEntryPoint.commence(request, response, e);
        String message = e.getMessage() == null ? "" : e.getMessage();
        ProblemDetail problem;
        if (request.getHeader("Authorization") == null) {
            problem = problem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "未登录",
                    "请求缺少访问令牌（Authorization: Bearer …），请先登录");
        } else if (message.contains("aud claim")) {
            problem = problem(HttpStatus.UNAUTHORIZED, "TOKEN_WRONG_AUDIENCE", "访问令牌不适用于本服务",
                    "该访问令牌不是为本服务签发的（aud 不含本服务），请通过相应的应用登录");
        } else if (message.contains("expired")) {
            problem = problem(HttpStatus.UNAUTHORIZED, "TOKEN_EXPIRED", "登录已过期", "访问令牌已过期，请重新登录");
        } else {
            problem = problem(HttpStatus.UNAUTHORIZED, "TOKEN_INVALID", "访问令牌无效",
                    "访问令牌无法验证（签名、签发方或格式不正确），请重新登录");
        }
        write(response, problem);
    }

    /**
     * A token that could not be checked at all — the realm's keys could not be fetched — is not the caller's
     * fault: 503 with {@code Retry-After}, not 401 (which tells clients to sign in again) nor a bare 500.
     */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException e) throws IOException {
        if (e instanceof AuthenticationServiceException) {
            log.warn("Could not check a bearer token: {}", e.getMessage());
            response.setHeader("Retry-After", "5");
            ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "SIGN_IN_UNAVAILABLE", "登录服务暂不可用",
                    "暂时无法校验访问令牌（无法取得签发方的公钥），请稍后重试");
            problem.setProperty("retryAfterSeconds", 5);
            write(response, problem);
            return;
        }
        commence(request, response, e);
    }

    /** The firewall's refusal of a request it will not route (a {@code ;}, an encoded slash, a NUL). */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        log.debug("Rejected {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        write(response, problem(HttpStatus.BAD_REQUEST, "REQUEST_REJECTED", "请求有误",
                "请求的地址含不允许的字符或编码（如 ; 、编码的 / 或 NUL）"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        bearerDenied.handle(request, response, e);
        write(response, problem(HttpStatus.FORBIDDEN, "FORBIDDEN", "无权执行此操作",
                "当前账号的角色不能访问 " + request.getMethod() + " " + request.getRequestURI()));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        ProblemDetailsAdvice.write(response, problem, json);
    }

    private static ProblemDetail problem(HttpStatus status, String code, String title, String detail) {
        return ProblemDetailsAdvice.problem(status, code, title, detail);
    }
}
