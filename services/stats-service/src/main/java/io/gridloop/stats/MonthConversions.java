package io.gridloop.stats;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import java.time.YearMonth;
import java.util.List;

/**
 * How statistics' documents store what MongoDB has no type for: months as {@code 2026-12}, as people write them and
 * as they sort (the assessment's rule versions start in a month). The service's one set of conversions.
 */
@Configuration(proxyBeanMethods = false)
class MonthConversions {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(new MonthWriting(), new MonthReading()));
    }

    @WritingConverter
    static final class MonthWriting implements Converter<YearMonth, String> {
        @Override
        public String convert(YearMonth month) {
            return month.toString();
        }
    }

    @ReadingConverter
    static final class MonthReading implements Converter<String, YearMonth> {
        @Override
        public YearMonth convert(String month) {
            return YearMonth.parse(month);
        }
    }
}
