package org.custodia;

import java.time.Clock;
import org.custodia.migration.Migration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CustodiaApplication {

    public static void main(String[] args) {
        if (Migration.requested(args)) {
            // `migrate`: apply the database migrations and exit (the Helm chart's migration Job).
            System.exit(Migration.run(args));
        }
        SpringApplication.run(CustodiaApplication.class, args);
    }

    /** The one source of "now", so time-dependent rules can be tested with a fixed clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
