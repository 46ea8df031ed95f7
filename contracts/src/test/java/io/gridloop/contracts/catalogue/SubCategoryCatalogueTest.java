package io.gridloop.contracts.catalogue;

import io.gridloop.contracts.event.Complexity;
import io.gridloop.contracts.event.EventCategory;
import io.gridloop.contracts.area.AreaLevel;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubCategoryCatalogueTest {

    @Test
    void shippedCatalogueCoversEveryCategoryAndReadsItsEntries() {
        SubCategoryCatalogue catalogue = SubCategoryCatalogue.shipped();

        assertThat(catalogue.all()).extracting(SubCategory::category).contains(EventCategory.values());
        assertThat(catalogue.find("WATER_SUPPLY")).hasValueSatisfying(s -> {
            assertThat(s.name()).isEqualTo("供水问题");
            assertThat(s.category()).isEqualTo(EventCategory.LIVELIHOOD);
            assertThat(s.defaultLevel()).isEqualTo(AreaLevel.DISTRICT);
        });
        assertThat(catalogue.find("NEIGHBOUR_DISPUTE").orElseThrow().defaultLevel()).isEqualTo(AreaLevel.GRID);
        assertThat(catalogue.all()).extracting(SubCategory::complexity).contains(Complexity.values());
        assertThat(catalogue.find("NO_SUCH")).isEmpty();
        assertThat(catalogue.find(null)).isEmpty();
    }

    @Test
    void rejectsDuplicateCodesAndIncompleteEntries() {
        SubCategory water = new SubCategory("WATER", "供水", EventCategory.LIVELIHOOD, Complexity.GENERAL,
                AreaLevel.DISTRICT);
        assertThatThrownBy(() -> new SubCategoryCatalogue(List.of(water, water)))
                .hasMessageContaining("WATER appears twice");
        assertThatThrownBy(() -> new SubCategoryCatalogue(List.of(new SubCategory("GAS", "燃气",
                EventCategory.HAZARD, null, AreaLevel.DISTRICT)))).hasMessageContaining("GAS lacks");
        assertThatThrownBy(() -> new SubCategoryCatalogue(List.of(new SubCategory("bad code", "x",
                EventCategory.HAZARD, Complexity.SIMPLE, AreaLevel.GRID)))).hasMessageContaining("bad code");
        assertThatThrownBy(() -> new SubCategoryCatalogue(List.of())).hasMessageContaining("no entries");
    }

    @Test
    void rejectsUnknownEnumValuesInTheFile() {
        String json = """
                {"subCategories": [{"code": "X", "name": "x", "category": "WEATHER",
                  "complexity": "SIMPLE", "defaultLevel": "GRID"}]}""";
        assertThatThrownBy(() -> SubCategoryCatalogue.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
