package io.gridloop.contracts.catalogue;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sub-categories reports are filed under, read from {@code contracts/catalogue/sub-categories.json}. Intake
 * checks reports against it and copies complexity and first handling level into the event; dispatch checks that
 * its routing rules leave no sub-category unroutable.
 */
public final class SubCategoryCatalogue {

    public static final String RESOURCE = "contracts/catalogue/sub-categories.json";

    private final Map<String, SubCategory> byCode;

    public SubCategoryCatalogue(Collection<SubCategory> entries) {
        Map<String, SubCategory> map = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (SubCategory s : entries) {
            if (s.code() == null || !s.code().matches("[A-Z][A-Z0-9_]{1,39}")) {
                problems.add("bad code " + s.code());
            } else if (s.name() == null || s.name().isBlank() || s.category() == null || s.complexity() == null
                    || s.defaultLevel() == null) {
                problems.add(s.code() + " lacks name, category, complexity or default level");
            } else if (map.put(s.code(), s) != null) {
                problems.add("code " + s.code() + " appears twice");
            }
        }
        if (!problems.isEmpty() || map.isEmpty()) {
            throw new IllegalArgumentException("invalid sub-category catalogue: "
                    + (problems.isEmpty() ? "no entries" : problems));
        }
        this.byCode = Collections.unmodifiableMap(map);
    }

    /** The catalogue shipped in the contracts jar. */
    public static SubCategoryCatalogue shipped() {
        try (InputStream in = SubCategoryCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SubCategoryCatalogue read(InputStream json) {
        try {
            File file = JsonMapper.builder().build().readValue(json, File.class);
            return new SubCategoryCatalogue(file.subCategories() == null ? List.of() : file.subCategories());
        } catch (JacksonException e) {
            throw new IllegalArgumentException("sub-category catalogue is not valid JSON: " + e.getMessage(), e);
        }
    }

    public Optional<SubCategory> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public Collection<SubCategory> all() {
        return byCode.values();
    }

    private record File(String description, List<SubCategory> subCategories) {
    }
}
