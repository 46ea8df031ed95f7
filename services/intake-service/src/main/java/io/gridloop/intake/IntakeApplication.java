package io.gridloop.intake;

import io.gridloop.contracts.ServiceNames;
import io.gridloop.platform.GridloopService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Intake: the front door where grid workers, citizens' apps and cameras report events (上报). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@GridloopService(ServiceNames.INTAKE)
public class IntakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(IntakeApplication.class, args);
    }
}
