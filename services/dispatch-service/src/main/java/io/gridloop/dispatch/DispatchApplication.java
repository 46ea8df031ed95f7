package io.gridloop.dispatch;

import io.gridloop.contracts.ServiceNames;
import io.gridloop.platform.GridloopService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Dispatch: the dispatch centre that runs every event through 上报 → 分流 → 处理 → 反馈 → 结案. */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
@GridloopService(ServiceNames.DISPATCH)
public class DispatchApplication {

    public static void main(String[] args) {
        SpringApplication.run(DispatchApplication.class, args);
    }
}
