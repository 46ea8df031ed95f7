package io.gridloop.hotline.simulator;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schemas of {@code contracts/openapi/hotline-12345.yaml}, to check what one side sends against what the
 * document promises. OpenAPI 3.1 schemas are JSON Schema 2020-12, so each component is validated as a schema
 * whose root refers to it, with the document's components beside it for the references inside.
 */
public final class HotlineContract {

    public static final String RESOURCE = "contracts/openapi/hotline-12345.yaml";

    private final JsonNode components;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private HotlineContract(JsonNode components) {
        this.components = components;
    }

    public static HotlineContract load() {
        try (InputStream in = HotlineContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            JsonNode document = YAMLMapper.builder().build().readTree(in);
            return new HotlineContract(document.get("components"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with {@code instance} as a {@code #/components/schemas/<name>}; empty when nothing. */
    public List<String> violations(String name, JsonNode instance) {
        if (!components.path("schemas").has(name)) {
            throw new IllegalArgumentException("the contract has no schema " + name);
        }
        Schema schema = schemas.computeIfAbsent(name, n -> {
            ObjectNode root = YAMLMapper.builder().build().createObjectNode();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.put("$ref", "#/components/schemas/" + n);
            root.set("components", components);
            return registry.getSchema(root);
        });
        return schema.validate(instance).stream().map(Error::toString).toList();
    }
}
