package io.gridloop.metrics;

import io.gridloop.contracts.ServiceNames;
import io.gridloop.platform.GridloopService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Metrics: 办结率 per district as Prometheus gauges, and the supervisors' dashboard. */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
@GridloopService(ServiceNames.METRICS)
public class MetricsApplication {

    public static void main(String[] args) {
        SpringApplication.run(MetricsApplication.class, args);
    }
}
