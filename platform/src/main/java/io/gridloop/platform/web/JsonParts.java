package io.gridloop.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.Set;

/**
 * Reads a JSON part of a multipart request whatever content type the client gave it, and validates it as a
 * {@code @Valid @RequestBody} would: errors answer exactly as they would for a JSON body (400 naming the field).
 */
public class JsonParts {

    private final JsonMapper json;
    private final Validator validator;

    public JsonParts(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public <T> T read(String part, Class<T> type, HttpServletRequest request) {
        T value;
        try {
            value = json.readValue(part, type);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException("JSON part not readable: " + e.getOriginalMessage(), e,
                    new ServletServerHttpRequest(request));
        }
        if (value == null) {
            throw new HttpMessageNotReadableException("JSON part is empty", new ServletServerHttpRequest(request));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }
}
