package io.gridloop.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import io.gridloop.platform.problem.Problem;
import io.gridloop.platform.problem.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error a service answers is RFC 9457 {@code application/problem+json}: {@code type}, {@code title},
 * {@code status}, {@code detail}, plus a stable {@code code} and, for invalid input, {@code errors} naming each
 * field with its constraint and a Chinese message.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String TYPE_BASE = "https://gridloop.io/problems/";

    /** One rejected field: what was wrong, for programs ({@code code}) and for people ({@code message}). */
    public record FieldProblem(String field, String code, String message) {
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> onApiException(ApiException e) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status());
        if (e.retryAfter() != null) {
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter().toSeconds()));
        }
        return answer.body(problem(e.status(), e));
    }

    /** The application turned it down: the status says why, the body what and how to go on. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> onRefusal(Refusal e) {
        HttpStatus status = switch (e.kind()) {
            case MALFORMED -> HttpStatus.BAD_REQUEST;
            case NOT_ALLOWED -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return ResponseEntity.status(status).body(problem(status, e));
    }

    /** Tomcat could not decode a query or form parameter (a broken percent-encoding): the client's mistake. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> onUndecodableParameter(InvalidParameterException e) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "MALFORMED_PARAMETER", "请求参数编码错误",
                "请求参数无法解码：请使用 UTF-8 并正确进行百分号编码"));
    }

    /**
     * A parameter of a {@code @Validated} controller out of its range ({@code page=-1}, {@code size=501}): the
     * method-validation proxy reports it before Spring MVC's own validation would. The client's mistake, not ours.
     */
    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<Object> onConstraintViolation(jakarta.validation.ConstraintViolationException e) {
        return invalid(e.getConstraintViolations().stream().map(v -> {
            String path = v.getPropertyPath().toString();
            String field = path.substring(path.lastIndexOf('.') + 1);
            String constraint = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            return new FieldProblem(field, constraint, v.getMessage());
        }).sorted(java.util.Comparator.comparing(FieldProblem::field)).toList());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> onUnexpected(Exception e) {
        log.error("Unhandled error", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "服务内部错误", "请求未能处理，请稍后重试；如持续出现请联系管理员"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getCode(), f.getDefaultMessage()))
                .toList());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldProblem(
                        r.getMethodParameter().getParameterName(),
                        err.getCodes() == null || err.getCodes().length == 0 ? "Invalid" : lastSegment(err.getCodes()[err.getCodes().length - 1]),
                        err.getDefaultMessage())))
                .toList();
        return invalid(errors);
    }

    private static Throwable causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static ResponseEntity<Object> invalid(List<FieldProblem> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "请求参数有误",
                errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem;
        if (causedBy(e, RequestLimitFilter.BodyTooLargeException.class) instanceof
                RequestLimitFilter.BodyTooLargeException tooLarge) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(RequestLimitFilter.tooLarge(tooLarge.max()));
        }
        if (e.getMostSpecificCause() instanceof DatabindException bind && !bind.getPath().isEmpty()) {
            String field = bind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            problem = problem(HttpStatus.BAD_REQUEST, "MALFORMED_FIELD", "字段格式错误",
                    field + ": 值的类型或格式不正确");
            problem.setProperty("errors", List.of(new FieldProblem(field, "Format", "值的类型或格式不正确")));
        } else if (e.getMostSpecificCause() instanceof JacksonException) {
            problem = problem(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "请求体不是合法的JSON",
                    "请求体无法解析为JSON");
        } else {
            problem = problem(HttpStatus.BAD_REQUEST, "UNREADABLE_BODY", "请求体无法读取", "缺少请求体或编码错误");
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /** A query or path parameter of the wrong type ({@code lat=abc}, a date that is not one, an unknown enum value). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : e.getPropertyName() != null ? e.getPropertyName() : "参数";
        Class<?> type = e.getRequiredType();
        String expected = type == null ? "" : "，应为" + (type.isEnum()
                ? "以下之一：" + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                .collect(Collectors.joining("、"))
                : Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class ? "数字"
                : java.time.temporal.Temporal.class.isAssignableFrom(type) ? "日期时间（ISO 8601，如 2026-12-06T08:00:00Z）"
                : type == Boolean.class || type == boolean.class ? "true 或 false" : type.getSimpleName());
        String message = "值「" + e.getValue() + "」格式不正确" + expected;
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "MALFORMED_FIELD", "字段格式错误", field + ": " + message);
        problem.setProperty("errors", List.of(new FieldProblem(field, "Format", message)));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return missing(e.getParameterName());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return missing(e.getRequestPartName());
    }

    private static ResponseEntity<Object> missing(String field) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "请求参数有误",
                field + ": 缺少必填参数");
        problem.setProperty("errors", List.of(new FieldProblem(field, "Required", "缺少必填参数")));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "不支持的请求方法",
                "该地址不支持 " + e.getMethod() + " 请求" + (e.getSupportedHttpMethods() == null ? ""
                        : "，支持：" + e.getSupportedHttpMethods().stream().map(Object::toString)
                        .collect(Collectors.joining("、"))));
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                "不支持的内容类型", "支持的类型: " + e.getSupportedMediaTypes());
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers).body(problem);
    }

    /** Everything else Spring MVC rejects (404, 405, 406…) keeps its status and gains a code. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() != null
                && problem.getProperties().containsKey("code")) {
            return super.handleExceptionInternal(e, body, headers, status, request);
        }
        String code = CODES.getOrDefault(status.value(), "HTTP_" + status.value());
        // Spring's own wording is English and names its classes: people get the Chinese of the status instead.
        ProblemDetail problem = problem(status, code, TITLES.getOrDefault(status.value(), "请求无法处理"),
                DETAILS.getOrDefault(status.value(), "请求无法处理（HTTP " + status.value() + "）"));
        return super.handleExceptionInternal(e, problem, headers, status, request);
    }

    private static final Map<Integer, String> CODES = Map.of(
            404, "NOT_FOUND", 405, "METHOD_NOT_ALLOWED", 406, "NOT_ACCEPTABLE", 413, "PAYLOAD_TOO_LARGE",
            400, "BAD_REQUEST", 503, "SERVICE_UNAVAILABLE");
    private static final Map<Integer, String> TITLES = Map.of(
            404, "资源不存在", 405, "不支持的请求方法", 406, "无法提供所要求的格式", 413, "请求体过大",
            400, "请求有误", 503, "服务暂不可用");

    private static final Map<Integer, String> DETAILS = Map.of(
            404, "请求的地址不存在，请核对路径", 405, "该地址不支持此请求方法", 406, "无法按请求的格式（Accept）作答",
            413, "请求体超过允许的大小", 400, "请求格式不正确", 503, "服务暂不可用，请稍后重试");

    /** The problem document for a bare status, with the code and title every service uses for it. */
    public static ProblemDetail standard(HttpStatusCode status, String detail) {
        return problem(status, CODES.getOrDefault(status.value(), status.is5xxServerError() ? "INTERNAL_ERROR"
                : "HTTP_" + status.value()), TITLES.getOrDefault(status.value(), status.is5xxServerError()
                ? "服务内部错误" : "请求无法处理"), detail);
    }

    /** A problem document with the stable {@code code} and its {@code type} URI. */
    /**
     * Writes a problem document straight to the response: for filters, which answer before Spring MVC (and so this
     * advice) is reached.
     */
    public static void write(HttpServletResponse response, ProblemDetail problem, JsonMapper json) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    public static ProblemDetail problem(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code.toLowerCase().replace('_', '-')));
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }

    /** The document of a thrown problem: its code, title and detail, and the members it adds. */
    private static ProblemDetail problem(HttpStatusCode status, Problem thrown) {
        ProblemDetail problem = problem(status, thrown.code(), thrown.title(), thrown.getMessage());
        thrown.properties().forEach(problem::setProperty);
        return problem;
    }

    private static String lastSegment(String code) {
        int dot = code.indexOf('.');
        return dot < 0 ? code : code.substring(0, dot);
    }
}
