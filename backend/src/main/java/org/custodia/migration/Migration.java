package org.custodia.migration;

import java.util.Arrays;
import java.util.stream.Stream;
import org.custodia.methodology.seed.V6__DemoMethodology;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * {@code custodia-backend migrate}: applies the Flyway migrations as the owner role, then exits (0 on success). The
 * Helm chart's pre-install/pre-upgrade Job runs the backend image this way, so the service itself can run with
 * {@code SPRING_FLYWAY_ENABLED=false} and never hold the owner's credentials.
 *
 * <p>It starts nothing but Flyway: no web server, no R2DBC pool, no security, no feature beans. It reads the same
 * settings as the service ({@code spring.flyway.url/user/password}, {@code spring.flyway.placeholders.app_role}), so
 * a local {@code java -jar backend/target/custodia-backend.jar migrate} migrates exactly what a start would. Not a
 * component: the service's component scan never picks it up.
 */
@ImportAutoConfiguration(FlywayAutoConfiguration.class)
// Java migrations reach Flyway as beans; without them here the command would skip the seed and later fail validation.
@Import(V6__DemoMethodology.class)
public final class Migration {

    static final String COMMAND = "migrate";

    private Migration() {}

    /** True when the first program argument is {@code migrate}. */
    public static boolean requested(String... args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    /** Migrates with the arguments after {@code migrate} and returns the process exit code. */
    public static int run(String... args) {
        SpringApplication application = new SpringApplication(Migration.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        try (ConfigurableApplicationContext context = application.run(arguments(args))) {
            return SpringApplication.exit(context);
        }
    }

    /** The arguments for Spring: those after {@code migrate}, and Flyway switched on whatever the environment says. */
    static String[] arguments(String... args) {
        return Stream.concat(
                        Stream.of("--spring.flyway.enabled=true"),
                        Arrays.stream(args).skip(requested(args) ? 1 : 0))
                .toArray(String[]::new);
    }
}
