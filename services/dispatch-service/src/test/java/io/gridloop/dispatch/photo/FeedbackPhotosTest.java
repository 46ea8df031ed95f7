package io.gridloop.dispatch.photo;

import io.gridloop.contracts.event.CaseAction;
import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.EventEnvelope;
import io.gridloop.contracts.ServiceNames;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.dispatch.Reports;
import io.gridloop.dispatch.casestore.CaseFiles;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.auth.Identity;
import io.gridloop.infra.TopicReader;
import io.gridloop.infra.TopicWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Photos through the platform's photo API, attached to a handler's feedback (反馈). */
class FeedbackPhotosTest extends ServiceIntegrationTest {

    @Autowired
    CaseFiles cases;

    static byte[] jpeg(int size) {
        byte[] b = new byte[size];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        return b;
    }

    private RestTestClient.ResponseSpec upload(String declaredType, byte[]... photos) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        for (int i = 0; i < photos.length; i++) {
            String name = "photo-" + i + ".jpg";
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.parseMediaType(declaredType));
            body.add("photos", new HttpEntity<>(new ByteArrayResource(photos[i]) {
                @Override
                public String getFilename() {
                    return name;
                }
            }, headers));
        }
        return http.post().uri("/api/v1/photos")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body).exchange();
    }

    private List<Map<String, Object>> uploaded(byte[]... photos) {
        return upload("image/jpeg", photos).expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
    }

    @Test
    void shouldStoreAPhotoByItsContentAndServeItBackWithItsChecksum() {
        byte[] photo = jpeg(50_000);

        Map<String, Object> first = uploaded(photo).getFirst();
        Map<String, Object> again = uploaded(photo).getFirst();

        assertThat(again.get("id")).as("a retried upload is the same photo").isEqualTo(first.get("id"));
        assertThat(first.get("contentType")).isEqualTo("image/jpeg");
        assertThat(first.get("size")).isEqualTo(50_000);
        byte[] served = http.get().uri((String) first.get("url")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_JPEG)
                .expectHeader().valueEquals("ETag", "\"" + first.get("sha256") + "\"")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(Arrays.equals(served, photo)).isTrue();
        http.get().uri("/api/v1/photos/p" + "0".repeat(64)).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("PHOTO_NOT_FOUND");
    }

    @Test
    void shouldJudgeThePhotoByItsContentNotByWhatTheClientDeclares() {
        byte[] gif = "GIF89a-not-a-phone-photo".getBytes();

        upload("image/jpeg", gif).expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("UNSUPPORTED_PHOTO_TYPE");
        upload("application/octet-stream", jpeg(1_000)).expectStatus().isCreated()
                .expectBody().jsonPath("$[0].contentType").isEqualTo("image/jpeg");
    }

    @Test
    void shouldRefuseTooLargeAndTooManyPhotos() {
        upload("image/jpeg", jpeg(10 * 1024 * 1024 + 1)).expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody().jsonPath("$.code").isEqualTo("PHOTO_TOO_LARGE");
        byte[][] ten = new byte[10][];
        for (int i = 0; i < ten.length; i++) {
            ten[i] = jpeg(100);
        }
        upload("image/jpeg", ten).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.code").isEqualTo("TOO_MANY_PHOTOS");
    }

    @Test
    void shouldKeepTheResultPhotosWithTheFeedbackAndRefuseUnknownOnes() {
        String id = UUID.randomUUID().toString();
        EventReported event = Reports.of(id, "MANHOLE", "150104001001001", "玉泉区", Instant.now());
        TopicWriter.send(bootstrap, Topics.EVENT_REPORTED.name(), id, new EventCodec().encode(EventEnvelope.of(
                Topics.EVENT_REPORTED, id, ServiceNames.INTAKE, event.reportedAt(), id, event)));
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(id).isPresent());
        http.post().uri("/api/v1/cases/{id}/actions/accept", id).contentType(MediaType.APPLICATION_JSON)
                .body("{\"actor\":\"h-1\"}").exchange().expectStatus().isOk();
        List<Map<String, Object>> photos = uploaded(jpeg(2_000), jpeg(3_000));
        String ids = "\"" + photos.get(0).get("id") + "\",\"" + photos.get(1).get("id") + "\"";

        http.post().uri("/api/v1/cases/{id}/actions/feedback", id).contentType(MediaType.APPLICATION_JSON)
                .body("{\"actor\":\"h-1\",\"comment\":\"已更换井盖\",\"photoIds\":[\"p" + "1".repeat(64) + "\"]}")
                .exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_PHOTO");
        http.post().uri("/api/v1/cases/{id}/actions/feedback", id).contentType(MediaType.APPLICATION_JSON)
                .body("{\"actor\":\"h-1\",\"comment\":\"已更换井盖\",\"photoIds\":[" + ids + "]}")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("FEEDBACK_SUBMITTED")
                .jsonPath("$.timeline[3].comment").isEqualTo("已更换井盖")
                .jsonPath("$.timeline[3].photoIds.length()").isEqualTo(2)
                .jsonPath("$.timeline[3].photoIds[0]").isEqualTo(photos.get(0).get("id"));
        // The transition carries them too: the 12345 bridge names them in the 办结反馈.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TopicReader.readAll(bootstrap,
                        Topics.CASE_TRANSITIONED.name()).stream().filter(r -> id.equals(r.key()))
                .map(r -> new EventCodec().decode(Topics.CASE_TRANSITIONED, r.value()).data())
                .filter(t -> t.action() == CaseAction.FEEDBACK).toList()).singleElement()
                .satisfies(t -> assertThat(t.photoIds()).containsExactly((String) photos.get(0).get("id"),
                        (String) photos.get(1).get("id"))));

        // A result photo is read by whoever may read the case, the grid's own workers (on their phones, under the
        // report), and by nobody else.
        String url = (String) photos.get(0).get("url");
        as(Identity.of("op-yuquan", List.of("OPERATOR"), "150104")).get().uri(url).exchange().expectStatus().isOk();
        as(Identity.of("gw-yuquan", List.of("GRID_WORKER"), "150104001001001")).get().uri(url).exchange()
                .expectStatus().isOk();
        as(Identity.of("gw-next-grid", List.of("GRID_WORKER"), "150104001001002")).get().uri(url).exchange()
                .expectStatus().isNotFound();
        as(Identity.of("sv-yuquan", List.of("SUPERVISOR"), "150104")).get().uri(url).exchange().expectStatus().isOk();
        as(Identity.of("op-saihan", List.of("OPERATOR"), "150105")).get().uri(url).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("PHOTO_NOT_FOUND");
        as(Identity.of("prometheus", List.of("MONITOR"), "1501")).get().uri(url).exchange()
                .expectStatus().isForbidden();
        as(Identity.of("op-saihan", List.of("OPERATOR"), "150105")).get().uri(url + "/info").exchange()
                .expectStatus().isNotFound();
    }
}
