package io.gridloop.localstack;

import io.gridloop.contracts.catalogue.SubCategoryCatalogue;
import io.gridloop.contracts.event.EventCategory;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataTest {

    @Test
    void demoRegistryHoldsTheCitysGridsInEveryDemoDistrict() {
        assertThat(DemoData.GRIDS.values().stream().mapToInt(java.util.List::size).sum()).isEqualTo(5_880);
        for (DemoData.DemoDistrict d : DemoData.DISTRICTS) {
            assertThat(DemoData.GRIDS.get(d.code())).as(d.name()).hasSizeGreaterThan(100);
        }
    }

    @Test
    void everyDemoSampleIsFiledUnderACatalogueSubCategoryOfItsCategory() {
        SubCategoryCatalogue catalogue = SubCategoryCatalogue.shipped();
        SplittableRandom random = new SplittableRandom(7);
        for (EventCategory category : EventCategory.values()) {
            for (int i = 0; i < 50; i++) {
                DemoData.Sample sample = DemoData.sample(category, random);
                assertThat(catalogue.find(sample.subCategory())).as(sample.subCategory())
                        .hasValueSatisfying(s -> assertThat(s.category()).isEqualTo(category));
            }
        }
    }
}
