package io.gridloop.infra.auth;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The development issuer's pages: the login form (the client's request carried along in hidden fields), a
 * refusal, and "signed out". Plain HTML with no script, in Chinese, as Keycloak's own theme would show it.
 */
final class LoginPage {

    /** The request parameters the form carries from the page to its POST. */
    private static final List<String> CARRIED = List.of("client_id", "redirect_uri", "response_type", "scope",
            "state", "nonce", "code_challenge", "code_challenge_method", "response_mode");

    private static final String STYLE = """
            body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;background:#f2f4f7;margin:0}
            main{max-width:22rem;margin:12vh auto;background:#fff;padding:2rem;border-radius:8px;
            box-shadow:0 2px 12px rgba(0,0,0,.08)}
            h1{font-size:1.25rem;margin:0 0 1.5rem}label{display:block;margin:.75rem 0 .25rem;color:#555}
            input{width:100%;box-sizing:border-box;padding:.6rem;border:1px solid #ccd;border-radius:4px;font-size:1rem}
            button{margin-top:1.5rem;width:100%;padding:.7rem;background:#1f6feb;color:#fff;border:0;border-radius:4px;
            font-size:1rem}.error{color:#c0392b;margin:0 0 1rem}.small{color:#888;font-size:.8rem;margin-top:1.5rem}
            """;

    static void show(HttpExchange exchange, Map<String, String> params, String error) throws IOException {
        StringBuilder hidden = new StringBuilder();
        for (String name : CARRIED) {
            String value = params.get(name);
            if (value != null) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                        .append(escape(value)).append("\">");
            }
        }
        String username = params.getOrDefault("username", "");
        page(exchange, error == null ? 200 : 401, "登录", """
                <h1>网格化服务管理 · 登录</h1>
                %s
                <form method="post" action="">
                %s
                <label for="username">用户名</label>
                <input id="username" name="username" autocomplete="username" required autofocus value="%s">
                <label for="password">密码</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <button type="submit" id="kc-login">登录</button>
                </form>
                <p class="small">本地开发用登录服务；演示账号在启动时打印。</p>
                """.formatted(error == null ? "" : "<p class=\"error\" id=\"login-error\">" + escape(error) + "</p>",
                hidden, escape(username)));
    }

    static void refuse(HttpExchange exchange, String message) throws IOException {
        page(exchange, 400, "登录失败", "<h1>登录失败</h1><p class=\"error\">" + escape(message) + "</p>");
    }

    static void signedOut(HttpExchange exchange) throws IOException {
        page(exchange, 200, "已退出", "<h1>已退出登录</h1><p>可以关闭此页面。</p>");
    }

    private static void page(HttpExchange exchange, int status, String title, String body) throws IOException {
        byte[] bytes = ("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                + "</title><style>" + STYLE + "</style></head><body><main>" + body + "</main></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        // No script, and the page may not be framed (clickjacking). No form-action: browsers apply it to the
        // redirect back to the application too.
        exchange.getResponseHeaders().add("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private LoginPage() {
    }
}
