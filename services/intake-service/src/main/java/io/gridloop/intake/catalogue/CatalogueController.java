package io.gridloop.intake.catalogue;

import io.gridloop.contracts.catalogue.SubCategory;
import io.gridloop.contracts.catalogue.SubCategoryCatalogue;
import io.gridloop.contracts.event.EventCategory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The sub-categories a reporting app offers, with the Chinese labels it shows. */
@RestController
class CatalogueController {

    private final SubCategoryCatalogue catalogue;

    CatalogueController(SubCategoryCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    record SubCategoryView(String code, String name, EventCategory category, String categoryLabel,
                           String complexity, String complexityLabel, String defaultLevel, String defaultLevelLabel) {
        static SubCategoryView of(SubCategory s) {
            return new SubCategoryView(s.code(), s.name(), s.category(), s.category().label(), s.complexity().name(),
                    s.complexity().label(), s.defaultLevel().name(), s.defaultLevel().label());
        }
    }

    @GetMapping("/api/v1/catalogue/sub-categories")
    List<SubCategoryView> subCategories(@RequestParam(required = false) EventCategory category) {
        return catalogue.all().stream().filter(s -> category == null || s.category() == category)
                .map(SubCategoryView::of).toList();
    }
}
