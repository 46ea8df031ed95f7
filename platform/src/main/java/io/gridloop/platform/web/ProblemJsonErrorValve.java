package io.gridloop.platform.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.io.Writer;

/**
 * Tomcat's own error answers — a request it cannot even parse (a broken percent-encoding in the path, a
 * forbidden character) never reaches Spring — as problem+json instead of an HTML page.
 */
public final class ProblemJsonErrorValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ProblemDetail problem = ProblemDetailsAdvice.standard(HttpStatusCode.valueOf(status), status == 400
                ? "请求的地址、参数或请求头无法解析（编码错误或含不允许的字符）"
                : status >= 500 ? "请求未能处理，请稍后重试；如持续出现请联系管理员" : "请求无法处理");
        // Spring's JSON mapper lives in the application, not in Tomcat's valve; the fields are few and fixed.
        String body = "{\"type\":\"" + problem.getType() + "\",\"title\":\"" + problem.getTitle()
                + "\",\"status\":" + status + ",\"detail\":\"" + problem.getDetail() + "\",\"code\":\""
                + problem.getProperties().get("code") + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // The client went away or the answer was committed meanwhile: nothing more can be said.
        }
    }
}
