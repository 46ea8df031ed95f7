package io.gridloop.intake.hotline;

import io.gridloop.contracts.catalogue.SubCategory;
import io.gridloop.contracts.catalogue.SubCategoryCatalogue;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HotlineCategoriesTest {

    private static final SubCategoryCatalogue CATALOGUE = SubCategoryCatalogue.shipped();

    private static HotlineCategories shipped() throws Exception {
        try (InputStream in = HotlineCategoriesTest.class.getClassLoader()
                .getResourceAsStream("hotline/categories.json")) {
            return HotlineCategories.read(in, CATALOGUE);
        }
    }

    @Test
    void shouldPreferTheLongestMatchingPrefix() throws Exception {
        HotlineCategories categories = shipped();

        assertThat(categories.subCategoryOf(List.of("城乡建设", "市政设施", "路灯不亮")))
                .map(SubCategory::code).hasValue("ROAD_FACILITY");
        assertThat(categories.subCategoryOf(List.of("城乡建设", "市政设施", "路灯")))
                .map(SubCategory::code).hasValue("STREETLIGHT");
        assertThat(categories.subCategoryOf(List.of("城乡建设", "市政设施", "井盖", "缺失")))
                .map(SubCategory::code).hasValue("MANHOLE");
    }

    @Test
    void shouldMapNothingForAnUnknownOrTooShortPath() throws Exception {
        HotlineCategories categories = shipped();

        assertThat(categories.subCategoryOf(List.of("教育", "招生"))).isEmpty();
        assertThat(categories.subCategoryOf(List.of("城乡建设"))).isEmpty();
    }

    @Test
    void shouldRefuseAMappingToASubCategoryTheCatalogueLacks() {
        String json = """
                {"mappings":[{"path":["城乡建设","供水"],"subCategory":"WATER_SUPLY"}]}""";

        assertThatThrownBy(() -> HotlineCategories.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), CATALOGUE))
                .hasMessageContaining("WATER_SUPLY");
    }
}
