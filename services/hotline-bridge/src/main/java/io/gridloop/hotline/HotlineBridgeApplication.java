package io.gridloop.hotline;

import io.gridloop.contracts.ServiceNames;
import io.gridloop.platform.GridloopService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The 12345 hotline bridge: takes in the hotline's work orders (工单) and return visits (回访), and reports back
 * what the grid platform did with them — and the cases it escalates to the city (上报12345派单) — through a durable
 * outbox, whatever state the hotline platform is in.
 */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
@GridloopService(ServiceNames.HOTLINE_BRIDGE)
public class HotlineBridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(HotlineBridgeApplication.class, args);
    }
}
