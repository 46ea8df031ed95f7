package io.gridloop.stats;

import io.gridloop.stats.formula.Formulas;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

@Configuration(proxyBeanMethods = false)
class FormulaConfiguration {

    @Bean
    Formulas formulas(StatsSettings settings, ResourceLoader loader) {
        String location = settings.formulasLocation();
        try (InputStream in = loader.getResource(location).getInputStream()) {
            return JsonMapper.builder().build().readValue(in, Formulas.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the statistics formulas " + location, e);
        }
    }
}
