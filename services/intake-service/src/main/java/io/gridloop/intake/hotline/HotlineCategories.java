package io.gridloop.intake.hotline;

import io.gridloop.contracts.catalogue.SubCategory;
import io.gridloop.contracts.catalogue.SubCategoryCatalogue;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Maps the hotline's category path (三级分类) to a gridloop sub-category by the longest matching prefix. Every
 * mapping must name a sub-category of the catalogue, checked when the file is read, so a typo fails start-up
 * instead of quietly sending orders to manual triage.
 */
public final class HotlineCategories {

    record Mapping(List<String> path, String subCategory) {
    }

    record File(String description, List<Mapping> mappings) {
    }

    private final List<Mapping> longestFirst;
    private final SubCategoryCatalogue catalogue;

    HotlineCategories(List<Mapping> mappings, SubCategoryCatalogue catalogue) {
        List<String> unknown = mappings.stream().map(Mapping::subCategory)
                .filter(code -> catalogue.find(code).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("hotline category mappings name unknown sub-categories: " + unknown);
        }
        List<Mapping> sorted = new ArrayList<>(mappings);
        sorted.sort(Comparator.comparingInt((Mapping m) -> m.path().size()).reversed());
        this.longestFirst = List.copyOf(sorted);
        this.catalogue = catalogue;
    }

    public static HotlineCategories read(InputStream json, SubCategoryCatalogue catalogue) {
        try {
            File file = JsonMapper.builder().build().readValue(json, File.class);
            return new HotlineCategories(file.mappings() == null ? List.of() : file.mappings(), catalogue);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("hotline category mappings are not valid JSON: " + e.getMessage(), e);
        }
    }

    /** The sub-category of a category path; empty when no mapping's path is a prefix of it. */
    public Optional<SubCategory> subCategoryOf(List<String> categoryPath) {
        List<String> path = categoryPath.stream().map(String::strip).toList();
        return longestFirst.stream()
                .filter(m -> m.path().size() <= path.size() && path.subList(0, m.path().size()).equals(m.path()))
                .findFirst()
                .flatMap(m -> catalogue.find(m.subCategory()));
    }
}
