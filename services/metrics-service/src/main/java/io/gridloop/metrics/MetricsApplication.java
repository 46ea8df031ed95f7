package io.gridloop.metrics;

import io.gridloop.contracts.ServiceNames;
import io.gridloop.platform.GridloopService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Metrics: 办结率 per district as Prometheus gauges, and the supervisors' dashboard. */
@SpringBootApplication
@GridloopService(ServiceNames.METRICS)
public class MetricsApplication {

    public static void main(String[] args) {
        SpringApplication.run(MetricsApplication.class, args);
    }
}
