package io.gridloop.intake.report;

import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.auth.Identity;
import io.gridloop.infra.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports with photos of the scene: one multipart request, or photos uploaded first and named by id. */
class ReportPhotosTest extends ServiceIntegrationTest {

    private final String reporter = "gw-" + UUID.randomUUID();

    static byte[] photo(int size, int... signature) {
        byte[] b = new byte[size];
        ThreadLocalRandom.current().nextBytes(b);
        for (int i = 0; i < signature.length; i++) {
            b[i] = (byte) signature[i];
        }
        return b;
    }

    static byte[] jpeg(int size) {
        return photo(size, 0xFF, 0xD8, 0xFF);
    }

    static byte[] png(int size) {
        return photo(size, 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
    }

    private RestTestClient.ResponseSpec reportWith(String reportJson, byte[]... photos) {
        return reportWith(MediaType.APPLICATION_JSON, reportJson, photos);
    }

    /** {@code reportType} null: the report part carries no content type at all. */
    private RestTestClient.ResponseSpec reportWith(MediaType reportType, String reportJson, byte[]... photos) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        HttpHeaders json = new HttpHeaders();
        if (reportType != null) {
            json.setContentType(reportType);
        }
        body.add("report", new HttpEntity<>(reportJson, json));
        for (int i = 0; i < photos.length; i++) {
            String name = "scene-" + i + ".jpg";
            HttpHeaders image = new HttpHeaders();
            image.setContentType(MediaType.IMAGE_JPEG);
            body.add("photos", new HttpEntity<>(new ByteArrayResource(photos[i]) {
                @Override
                public String getFilename() {
                    return name;
                }
            }, image));
        }
        return http.post().uri("/api/v1/events").contentType(MediaType.MULTIPART_FORM_DATA).body(body).exchange();
    }

    private String reportJson() {
        return ReportApiTest.report(UUID.randomUUID().toString(), reporter, "150105001001003");
    }

    private long reportsOfReporter() {
        return ((Number) http.get().uri("/api/v1/events?reporterId={r}", reporter).exchange().expectStatus().isOk()
                .expectBody(java.util.Map.class).returnResult().getResponseBody().get("total")).longValue();
    }

    @Test
    void shouldTakeAReportWithItsPhotosInOneRequestAndServeThemBack() {
        byte[] first = jpeg(40_000);
        byte[] second = png(20_000);

        ReportReceipt receipt = reportWith(reportJson(), first, second).expectStatus().isAccepted()
                .expectBody(ReportReceipt.class).returnResult().getResponseBody();

        EventReported event = TopicReader.readAll(bootstrap, Topics.EVENT_REPORTED.name()).stream()
                .filter(r -> receipt.eventId().equals(r.key()))
                .map(r -> new EventCodec().decode(Topics.EVENT_REPORTED, r.value()).data()).findFirst().orElseThrow();
        assertThat(event.photoIds()).hasSize(2);
        byte[] served = http.get().uri("/api/v1/photos/{id}", event.photoIds().get(1)).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(Arrays.equals(served, second)).isTrue();
        http.get().uri("/api/v1/events/{id}", receipt.eventId()).exchange().expectBody()
                .jsonPath("$.photos[0]").isEqualTo("/api/v1/photos/" + event.photoIds().get(0));

        // A report's photo is read by whoever may read the report, and by nobody else — not even by a scraper.
        String photo = "/api/v1/photos/" + event.photoIds().get(0);
        as(Identity.of("op-saihan", List.of("OPERATOR"), "150105")).get().uri(photo).exchange()
                .expectStatus().isOk();
        as(Identity.of("op-xincheng", List.of("OPERATOR"), "150102")).get().uri(photo).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("PHOTO_NOT_FOUND");
        as(Identity.of("gw-other", List.of("GRID_WORKER"), "150105001001003")).get().uri(photo).exchange()
                .expectStatus().isNotFound();
        as(Identity.of("prometheus", List.of("MONITOR"), "1501")).get().uri(photo).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void shouldReadTheReportPartAsJsonWhateverTypePhoneLibrariesGiveIt() {
        reportWith(MediaType.TEXT_PLAIN, reportJson(), jpeg(2_000)).expectStatus().isAccepted();
        reportWith(null, reportJson(), jpeg(2_000)).expectStatus().isAccepted();
        // Its content is checked as a JSON body's would be: the field named, in Chinese.
        reportWith(MediaType.TEXT_PLAIN, "{\"clientEventId\":\"x\"}", jpeg(2_000))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[?(@.field == 'gridCode')]").exists();
        reportWith(MediaType.TEXT_PLAIN, "not json", jpeg(2_000)).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("MALFORMED_JSON");
    }

    @Test
    void shouldNeverOfferOrReadYaml() {
        http.post().uri("/api/v1/events").contentType(MediaType.parseMediaType("application/yaml"))
                .body("clientEventId: x\n").exchange()
                .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE).expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContainIgnoringCase("yaml"));
    }

    @Test
    void shouldRefuseTheWholeReportWhenAPhotoIsNotAPhoto() {
        reportWith(reportJson(), jpeg(1_000), "GIF89a-animated".getBytes())
                .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("UNSUPPORTED_PHOTO_TYPE");

        assertThat(reportsOfReporter()).isZero();
    }

    @Test
    void shouldRefuseTooManyTooLargeAndUnknownPhotos() {
        byte[][] ten = new byte[10][];
        for (int i = 0; i < ten.length; i++) {
            ten[i] = jpeg(200);
        }
        reportWith(reportJson(), ten).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.code").isEqualTo("TOO_MANY_PHOTOS");
        reportWith(reportJson(), jpeg(10 * 1024 * 1024 + 1)).expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody().jsonPath("$.code").isEqualTo("PHOTO_TOO_LARGE");
        http.post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON)
                .body(reportJson().replace("\"reporterId\"", "\"photoIds\":[\"p" + "0".repeat(64) + "\"],\"reporterId\""))
                .exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_PHOTO");

        assertThat(reportsOfReporter()).isZero();
    }
}
