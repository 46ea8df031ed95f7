package io.gridloop.intake.api;

import io.gridloop.infra.EmbeddedInfra;
import io.gridloop.infra.ServiceIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests broken below the level of JSON — undecodable percent-encodings, characters the firewall will not
 * route — are the client's mistake: 400 as problem+json, whether Tomcat, the firewall or a controller notices.
 * (The fault suite found them answered 500, as HTML, or as Boot's plain JSON.)
 */
class MalformedRequestTest extends ServiceIntegrationTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GET|/api/v1/events/%E4%B8||BAD_REQUEST",
            "GET|/api/v1/events/..%2F..%2Fetc%2Fpasswd||",
            "GET|/api/v1/events/1;DROP||REQUEST_REJECTED",
            "GET|/api/v1/events/%00||",
            "GET|/api/v1/events?reporterId=%FF%FE||MALFORMED_PARAMETER",
            "POST|/open311/v2/requests.json|%%%%=%zz&lat=1e400|MALFORMED_PARAMETER"})
    void shouldAnswer400AsProblemJson(String method, String path, String form, String code) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + EmbeddedInfra.shared().tokens().mint(TESTER));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        HttpResponse<String> answer = client.send(request.method(method, form == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"status\":400");
        if (code != null) {
            assertThat(answer.body()).contains("\"code\":\"" + code + "\"");
        }
    }

    /** Spring's own refusals (a wrong type, a missing parameter) say it in Chinese too, naming the field. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GET|/api/v1/events?reporterId=gw-1&page=abc|400|MALFORMED_FIELD|page: 值「abc」格式不正确，应为数字",
            "GET|/api/v1/events|400|VALIDATION_FAILED|reporterId: 缺少必填参数"})
    void shouldSayWhatIsWrongInChinese(String method, String path, int status, String code, String detail)
            throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + EmbeddedInfra.shared().tokens().mint(TESTER))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"code\":\"" + code + "\"").contains(detail)
                .doesNotContain("Failed to convert", "is not present");
    }
}
