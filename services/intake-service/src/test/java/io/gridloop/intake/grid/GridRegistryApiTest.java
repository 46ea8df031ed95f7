package io.gridloop.intake.grid;

import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.contracts.EventCodec;
import io.gridloop.contracts.Topics;
import io.gridloop.contracts.event.AreaRegistered;
import io.gridloop.contracts.event.EventReported;
import io.gridloop.contracts.event.GeoPoint;
import io.gridloop.infra.ServiceIntegrationTest;
import io.gridloop.infra.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

class GridRegistryApiTest extends ServiceIntegrationTest {

    /** A district code no other test uses (9xxxxx is no real county), never ending in 00 (a city's code). */
    private final String district = "9" + ThreadLocalRandom.current().nextInt(100, 1_000)
            + String.format("%02d", ThreadLocalRandom.current().nextInt(1, 100));
    private final EventCodec codec = new EventCodec();

    private RestTestClient.ResponseSpec importCsv(String csv) {
        return http.post().uri("/api/v1/admin/grid-registry").contentType(MediaType.parseMediaType("text/csv"))
                .body(csv).exchange();
    }

    private RestTestClient.ResponseSpec report(String grid, double latitude, double longitude) {
        return report(grid, latitude, longitude, null);
    }

    private RestTestClient.ResponseSpec report(String grid, double latitude, double longitude, String system) {
        return http.post().uri("/api/v1/events").contentType(MediaType.APPLICATION_JSON).body("""
                {"clientEventId":"%s","source":"GRID_PATROL","category":"HAZARD","subCategory":"MANHOLE",
                 "gridCode":"%s","description":"井盖缺失","location":{"latitude":%s,"longitude":%s%s},
                 "occurredAt":"2026-03-02T01:20:00Z","reporterId":"gw-r"}"""
                .formatted(UUID.randomUUID(), grid, latitude, longitude,
                        system == null ? "" : ",\"coordinateSystem\":\"" + system + "\"")).exchange();
    }

    /** The district, a street, a community and {@code grid}: a square of 0.01° from 40°N 111°E. */
    private RestTestClient.ResponseSpec importSquareGrid(String grid) {
        return http.post().uri("/api/v1/admin/grid-registry").contentType(MediaType.APPLICATION_JSON).body("""
                [{"code":"%1$s","name":"测试区"},
                 {"code":"%1$s001","name":"测试街道"},
                 {"code":"%1$s001001","name":"测试社区"},
                 {"code":"%2$s","name":"测试社区第1网格",
                  "polygon":[{"latitude":40.000,"longitude":111.000},{"latitude":40.000,"longitude":111.010},
                             {"latitude":40.010,"longitude":111.010},{"latitude":40.010,"longitude":111.000}]}]
                """.formatted(district, grid)).exchange();
    }

    private EventReported published(String eventId) {
        return TopicReader.readAll(bootstrap, Topics.EVENT_REPORTED.name()).stream()
                .filter(r -> eventId.equals(r.key())).map(r -> new EventCodec().decode(Topics.EVENT_REPORTED,
                        r.value()).data()).findFirst().orElseThrow();
    }

    private static String eventIdOf(RestTestClient.ResponseSpec accepted) {
        return accepted.expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody()
                .replaceAll(".*\"eventId\":\"([^\"]+)\".*", "$1");
    }

    /**
     * A grid of 0.01° × 0.01° (about 850 m × 1,110 m): "near" is measured to the nearest edge, not corner, and a
     * position from a Chinese map (GCJ-02, BD-09) is converted to WGS-84 before it is judged and stored.
     */
    @Test
    void shouldMeasureNearnessToTheEdgeAndTakePositionsFromChineseMaps() {
        String grid = district + "001001001";
        importSquareGrid(grid).expectStatus().isOk();

        // 50 m south of the middle of the south edge: 430 m from the nearest corner, within the 300 m of an edge.
        eventIdOf(report(grid, 40.000 - 50 / 111_195.0, 111.005));
        report(grid, 40.000 - 400 / 111_195.0, 111.005).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.code").isEqualTo("LOCATION_OUTSIDE_GRID");

        // 43 m inside the east edge, as Amap shows it: some 500 m further east.
        GeoPoint gps = new GeoPoint(40.005, 111.0095);
        GeoPoint amap = CoordinateSystem.GCJ02.fromWgs84(gps);
        report(grid, amap.latitude(), amap.longitude()).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        GeoPoint stored = published(eventIdOf(report(grid, amap.latitude(), amap.longitude(), "GCJ02")))
                .location();
        assertThat(Geo.distance(stored, gps)).as("stored in WGS-84").isLessThan(0.01);
        GeoPoint baidu = CoordinateSystem.BD09.fromWgs84(gps);
        assertThat(Geo.distance(published(eventIdOf(report(grid, baidu.latitude(), baidu.longitude(), "BD09")))
                .location(), gps)).isLessThan(0.5);
        report(grid, 40.005, 111.005, "MARS").expectStatus().isBadRequest();
    }

    @Test
    void shouldShipTheDemoRegistryOfTheTenDistrictsAndWalkItsLevels() {
        http.get().uri("/api/v1/areas/150105").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("赛罕区")
                .jsonPath("$.level").isEqualTo("DISTRICT")
                .jsonPath("$.levelLabel").isEqualTo("区县");
        http.get().uri("/api/v1/areas/150105001001/children?size=2").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].code").isEqualTo("150105001001001")
                .jsonPath("$.items[0].level").isEqualTo("GRID")
                .jsonPath("$.items[0].centroid.latitude").exists();
        http.get().uri("/api/v1/areas/150172").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.name").isEqualTo("呼和浩特经济技术开发区");
        http.get().uri("/api/v1/areas/110101").exchange().expectStatus().isNotFound().expectBody()
                .jsonPath("$.code").isEqualTo("AREA_NOT_FOUND");
        // A city-wide person's area is the city, which the registry does not hold: its districts are its children.
        for (String city : List.of("1501", "150100")) {
            http.get().uri("/api/v1/areas/{c}/children?size=50", city).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.items[0].code").isEqualTo("150102")
                    .jsonPath("$.items[0].level").isEqualTo("DISTRICT")
                    .jsonPath("$.items[?(@.code == '150105')].name").isEqualTo("赛罕区");
        }
        http.get().uri("/api/v1/areas/1101/children").exchange().expectStatus().isNotFound();
    }

    @Test
    void shouldTellOtherServicesEveryAreaAtStartAndWhatAnImportChanged() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(TopicReader.readAll(bootstrap, Topics.AREA_REGISTERED.name()).stream()
                        .filter(r -> "150105001001".equals(r.key()))
                        .map(r -> codec.decode(Topics.AREA_REGISTERED, r.value()).data()))
                        .anySatisfy(a -> {
                            assertThat(a.level()).isEqualTo(AreaLevel.COMMUNITY);
                            assertThat(a.parentCode()).isEqualTo("150105001");
                            assertThat(a.active()).isTrue();
                        }));

        http.post().uri("/api/v1/admin/grid-registry").contentType(MediaType.APPLICATION_JSON)
                .body("[{\"code\":\"" + district + "\",\"name\":\"新设区\"}]").exchange().expectStatus().isOk();

        assertThat(TopicReader.readAll(bootstrap, Topics.AREA_REGISTERED.name()).stream()
                .filter(r -> district.equals(r.key()))
                .map(r -> codec.decode(Topics.AREA_REGISTERED, r.value()).data().name())).containsExactly("新设区");
    }

    @Autowired
    private RegistryPublisher registryPublisher;

    @Autowired
    private MongoTemplate mongo;

    @Autowired
    private GridRegistry registry;

    @Test
    void shouldNotSendTheWholeRegistryAgainAtStartWhenThatRegistryIsOnTheTopicAlready() {
        String topic = Topics.AREA_REGISTERED.name();
        registryPublisher.publishAllUnlessPublished(); // whatever earlier tests imported, now published in full
        long published = TopicReader.endOffsetsSum(bootstrap, topic);

        registryPublisher.publishAllUnlessPublished(); // a restart with the same registry

        assertThat(TopicReader.endOffsetsSum(bootstrap, topic)).isEqualTo(published);

        // A registry that differs from what was published in full (here: the record of it lost) goes out whole.
        mongo.remove(Query.query(Criteria.where("_id").is(topic)), RegistryPublisher.COLLECTION);
        registryPublisher.publishAllUnlessPublished();

        assertThat(TopicReader.endOffsetsSum(bootstrap, topic)).isGreaterThanOrEqualTo(published
                + registry.all().size());
        assertThat(mongo.findById(topic, RegistryPublisher.Publication.class, RegistryPublisher.COLLECTION))
                .satisfies(p -> assertThat(p.areas()).isEqualTo(registry.all().size()));
    }

    @Test
    void shouldFingerprintTheAreasWhateverTheirOrder() {
        var a = new AreaRegistered("150105", "赛罕区",
                AreaLevel.DISTRICT, null, true, null);
        var b = new AreaRegistered("150105001", "敕勒川路街道",
                AreaLevel.STREET, "150105", true, null);
        var renamed = new AreaRegistered("150105001", "敕勒川街道",
                AreaLevel.STREET, "150105", true, null);

        assertThat(RegistryPublisher.fingerprint(List.of(a, b))).isEqualTo(RegistryPublisher.fingerprint(List.of(b, a)))
                .isNotEqualTo(RegistryPublisher.fingerprint(List.of(a, renamed)));
    }

    private RestTestClient.ResponseSpec upload(String contentType, byte[] file) {
        return http.post().uri("/api/v1/admin/grid-registry").contentType(MediaType.parseMediaType(contentType))
                .body(file).exchange();
    }

    /**
     * Files as administrators have them: Excel's CSV on Chinese Windows (GB18030, Chinese header, a quoted name
     * with a comma), UTF-8 with a BOM, a workbook, and outlines as GeoJSON.
     */
    @Test
    void shouldReadRegistryFilesAsExcelAndGisToolsWriteThem() throws Exception {
        String csv = """
                编码,名称,状态,纬度,经度
                %1$s,测试区,,40.0,111.0
                %1$s001,"测试街道（东,西片）",ACTIVE,,
                """.formatted(district);
        upload("text/csv", csv.getBytes(java.nio.charset.Charset.forName("GB18030"))).expectStatus().isOk()
                .expectBody().jsonPath("$.created").isEqualTo(2);
        http.get().uri("/api/v1/areas/{c}", district + "001").exchange().expectBody()
                .jsonPath("$.name").isEqualTo("测试街道（东,西片）");

        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf8 = ("code,name\n" + district + "002,第二街道\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        upload("text/csv", concat(bom, utf8)).expectStatus().isOk().expectBody().jsonPath("$.created").isEqualTo(1);

        upload(GridRegistryController.XLSX, workbook(List.of(List.of("编码", "名称", "纬度", "经度"),
                List.of(district + "001001", "测试社区", "40.001", "111.002")))).expectStatus().isOk()
                .expectBody().jsonPath("$.created").isEqualTo(1);
        http.get().uri("/api/v1/areas/{c}", district + "001001").exchange().expectBody()
                .jsonPath("$.centroid.latitude").isEqualTo(40.001);

        String geoJson = """
                {"type":"FeatureCollection","features":[
                  {"type":"Feature","properties":{"code":"%s","name":"测试社区第1网格"},
                   "geometry":{"type":"Polygon","coordinates":[[[111.0,40.0],[111.01,40.0],[111.01,40.01],
                                                                [111.0,40.01],[111.0,40.0]]]}}]}
                """.formatted(district + "001001001");
        upload("application/geo+json", geoJson.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .expectStatus().isOk().expectBody().jsonPath("$.created").isEqualTo(1);
        http.get().uri("/api/v1/areas/{c}", district + "001001001").exchange().expectBody()
                .jsonPath("$.polygon.length()").isEqualTo(4)
                .jsonPath("$.polygon[1].longitude").isEqualTo(111.01)
                // Exported by its outline alone: its centre is the outline's.
                .jsonPath("$.centroid.latitude").isEqualTo(40.005)
                .jsonPath("$.centroid.longitude").isEqualTo(111.005);

        // Problems name the line and the column, in Chinese.
        upload("text/csv", ("编码,名称,纬度,经度\n" + district + "003,第三街道,北纬四十度,111.0\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors[0].line").isEqualTo(2)
                .jsonPath("$.errors[0].field").isEqualTo("latitude")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("第2行「纬度」列"));
        upload(GridRegistryController.XLSX, "not a workbook".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("Excel"));
    }

    /** A city's whole registry (the demo's 6,648 areas, 5,880 of them grids) in one file, with its progress. */
    @Test
    void shouldImportACitysWholeRegistryAndSayHowFarItGot() throws Exception {
        byte[] city;
        try (var in = getClass().getResourceAsStream("/grid-registry/hohhot.csv")) {
            city = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .getBytes(java.nio.charset.Charset.forName("GB18030"));
        }
        long lines = new String(city, java.nio.charset.Charset.forName("GB18030")).lines().count() - 1;
        upload("text/csv", city).expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo((int) lines);
        http.get().uri("/api/v1/admin/grid-registry/import").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.phase").isEqualTo("DONE")
                .jsonPath("$.phaseLabel").isEqualTo("已完成")
                .jsonPath("$.stored").isEqualTo((int) lines)
                .jsonPath("$.by").isEqualTo(TESTER.username())
                .jsonPath("$.finishedAt").exists();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] workbook(List<List<String>> rows) throws java.io.IOException {
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             var out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.createSheet("网格库");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String v = rows.get(r).get(c);
                    if (r > 0 && v.matches("-?\\d+\\.\\d+")) {
                        row.createCell(c).setCellValue(Double.parseDouble(v));  // numbers as Excel keeps them
                    } else {
                        row.createCell(c).setCellValue(v);
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void shouldRefuseAFileWithProblemsNamingEachLineAndImportNothing() {
        String csv = """
                code,name,status,latitude,longitude
                %1$s,测试区,ACTIVE,40.0,111.0
                %1$s001,,ACTIVE,,
                %1$s002001,孤儿社区,ACTIVE,,
                %1$s00100,坏编码,ACTIVE,,
                %1$s,测试区重复,ACTIVE,,
                %1$s003,测试街道,CLOSED,40.0,
                """.formatted(district);

        importCsv(csv).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_REGISTRY")
                .jsonPath("$.errors[?(@.line == 3)].field").isEqualTo("name")
                .jsonPath("$.errors[?(@.line == 5)].field").isEqualTo("code")
                .jsonPath("$.errors[?(@.line == 6)].message").value(m -> assertThat(m.toString()).contains("重复"))
                .jsonPath("$.errors[?(@.line == 7)].field").isEqualTo("status")
                .jsonPath("$.errors[?(@.line == 4)].message").value(m -> assertThat(m.toString())
                        .contains(district + "002"));
        http.get().uri("/api/v1/areas/{code}", district).exchange().expectStatus().isNotFound();
    }

    @Test
    void shouldFindTheGridAPhoneIsInAndSayWhenItIsInNone() {
        String grid = "150105001001001";
        tools.jackson.databind.JsonNode centre = http.get().uri("/api/v1/areas/{code}", grid).exchange()
                .expectStatus().isOk().expectBody(tools.jackson.databind.JsonNode.class).returnResult()
                .getResponseBody().get("centroid");
        http.get().uri("/api/v1/areas/locate?latitude={la}&longitude={lo}", centre.get("latitude").asDouble(),
                        centre.get("longitude").asDouble()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.code").isEqualTo(grid)
                .jsonPath("$.levelLabel").isEqualTo("网格");
        http.get().uri("/api/v1/areas/locate?latitude=31.2304&longitude=121.4737").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("NO_GRID_HERE")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("手动选择网格"));
        http.get().uri("/api/v1/areas/locate?latitude=91&longitude=111").exchange().expectStatus().isBadRequest();
    }

    @Test
    void shouldResolveAnImportedGridCheckPositionsAgainstItsOutlineAndRefuseItOnceRetired() {
        String grid = district + "001001001";
        importSquareGrid(grid).expectStatus().isOk().expectBody()
                .jsonPath("$.created").isEqualTo(4)
                .jsonPath("$.total").isEqualTo(4);

        report(grid, 40.100, 111.005).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody()
                .jsonPath("$.code").isEqualTo("LOCATION_OUTSIDE_GRID");
        String eventId = report(grid, 40.005, 111.005).expectStatus().isAccepted().expectBody(String.class)
                .returnResult().getResponseBody().replaceAll(".*\"eventId\":\"([^\"]+)\".*", "$1");
        EventReported event = TopicReader.readAll(bootstrap, Topics.EVENT_REPORTED.name()).stream()
                .filter(r -> eventId.equals(r.key())).map(r -> new EventCodec().decode(Topics.EVENT_REPORTED,
                        r.value()).data()).findFirst().orElseThrow();
        assertThat(event.districtName()).isEqualTo("测试区");
        assertThat(event.streetName()).isEqualTo("测试街道");
        assertThat(event.communityName()).isEqualTo("测试社区");

        report(district + "001001002", 40.005, 111.005).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.code").isEqualTo("UNKNOWN_GRID");

        importCsv("code,name,status,latitude,longitude\n" + grid + ",测试社区第1网格,RETIRED,,\n")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.updated").isEqualTo(1)
                .jsonPath("$.retired").isEqualTo(1);
        report(grid, 40.005, 111.005).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT).expectBody()
                .jsonPath("$.code").isEqualTo("GRID_RETIRED");
    }
}
