package io.gridloop.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service's application class and names the service.
 *
 * <p>The name becomes {@code spring.application.name} and the service's configuration file name
 * ({@code <name>.yml} instead of {@code application.yml}), so all five services can share one classpath in the
 * local stack and the end-to-end test without reading each other's configuration.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface GridloopService {

    /** The service name, e.g. {@code intake-service}; see {@link io.gridloop.contracts.ServiceNames}. */
    String value();
}
