package io.gridloop.hotline;

import io.gridloop.contracts.ServiceNames;
import io.gridloop.platform.GridloopService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The 12345 hotline bridge: exchanges work orders (工单) with the city's hotline platform. For now it runs with
 * its health endpoint and its topics declared; taking in orders and syncing status back are built next.
 */
@SpringBootApplication
@GridloopService(ServiceNames.HOTLINE_BRIDGE)
public class HotlineBridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(HotlineBridgeApplication.class, args);
    }
}
