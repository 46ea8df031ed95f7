package io.gridloop.contracts.hotline;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the 12345 interface document usable as a contract: every reference resolves, every operation is signed,
 * and the Java records carry the fields the schemas require.
 */
class HotlineOpenApiTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document() throws Exception {
        try (InputStream in = HotlineOpenApiTest.class.getClassLoader()
                .getResourceAsStream("contracts/openapi/hotline-12345.yaml")) {
            assertThat(in).as("the OpenAPI document ships in the contracts jar").isNotNull();
            return new Yaml().load(in);
        }
    }

    @Test
    void shouldResolveEveryReference() throws Exception {
        Map<String, Object> doc = document();
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);

        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(resolve(doc, ref)).as(ref).isNotNull();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldSignEveryOperation() throws Exception {
        Map<String, Object> doc = document();
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var op : ((Map<String, Object>) path.getValue()).entrySet()) {
                List<Map<String, Object>> params = (List<Map<String, Object>>) ((Map<String, Object>) op.getValue())
                        .get("parameters");
                assertThat(params).as(op.getKey() + " " + path.getKey())
                        .extracting(p -> p.get("$ref"))
                        .contains("#/components/parameters/Timestamp", "#/components/parameters/Signature");
                operations++;
            }
        }
        assertThat(operations).as("orders, visits, extension decisions; polling, syncs, escalations").isEqualTo(6);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldHaveARecordComponentForEveryPropertyOfTheWireSchemas() throws Exception {
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document().get("components"))
                .get("schemas");
        Map<String, Class<? extends Record>> records = Map.of(
                "WorkOrder", WorkOrder.class, "Contact", Contact.class, "OrderReceipt", OrderReceipt.class,
                "OrderPage", OrderPage.class, "ReturnVisit", ReturnVisit.class, "VisitReceipt", VisitReceipt.class,
                "StatusSync", StatusSync.class, "SyncReceipt", SyncReceipt.class,
                "EscalationReport", EscalationReport.class, "EscalationReceipt", EscalationReceipt.class);
        for (var entry : records.entrySet()) {
            Map<String, Object> schema = (Map<String, Object>) schemas.get(entry.getKey());
            List<String> components = java.util.Arrays.stream(entry.getValue().getRecordComponents())
                    .map(java.lang.reflect.RecordComponent::getName).toList();
            assertThat(components).as(entry.getKey())
                    .containsExactlyInAnyOrderElementsOf(((Map<String, Object>) schema.get("properties")).keySet());
        }
    }

    @SuppressWarnings("unchecked")
    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if ("$ref".equals(k)) {
                    refs.add((String) v);
                } else {
                    collectRefs(v, refs);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectRefs(item, refs));
        }
    }

    @SuppressWarnings("unchecked")
    private static Object resolve(Map<String, Object> doc, String ref) {
        assertThat(ref).startsWith("#/");
        Object node = doc;
        for (String part : ref.substring(2).split("/")) {
            node = node instanceof Map<?, ?> m ? ((Map<String, Object>) m).get(part) : null;
        }
        return node;
    }
}
