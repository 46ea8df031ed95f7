package io.gridloop.stats;

import io.gridloop.contracts.ServiceNames;
import io.gridloop.platform.GridloopService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Statistics: counts every case transition exactly once and derives 办结率 and its companions. */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
@GridloopService(ServiceNames.STATS)
public class StatsApplication {

    public static void main(String[] args) {
        SpringApplication.run(StatsApplication.class, args);
    }
}
