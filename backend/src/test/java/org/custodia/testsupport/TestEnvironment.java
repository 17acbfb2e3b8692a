package org.custodia.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * Where the PostgreSQL and Keycloak of the integration tests are. {@code scripts/test.sh} starts them and exports
 * these variables; the defaults match what it starts.
 */
public final class TestEnvironment {

    public static final int PG_PORT = Integer.parseInt(env("CUSTODIA_TEST_PG_PORT", "55432"));
    public static final String DATABASE = env("CUSTODIA_TEST_DB", "custodia_test");
    public static final String KEYCLOAK_URL = env("CUSTODIA_TEST_KEYCLOAK_URL", "http://localhost:8180");
    public static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/" + DATABASE;
    public static final String R2DBC_URL = "r2dbc:postgresql://127.0.0.1:" + PG_PORT + "/" + DATABASE;

    // DEV-ONLY credentials of the roles scripts/lib/postgres.sh creates.
    public static final String OWNER_USER = "custodia_owner";
    public static final String OWNER_PASSWORD = "custodia_owner_dev_only";
    public static final String APP_USER = "custodia_app";
    public static final String APP_PASSWORD = "custodia_app_dev_only";

    private TestEnvironment() {}

    /** Fails at once, naming the script, when the services the integration tests need are not listening. */
    public static void requireServices() {
        URI keycloak = URI.create(KEYCLOAK_URL);
        requireListening("PostgreSQL", "127.0.0.1", PG_PORT);
        requireListening("Keycloak", keycloak.getHost(), keycloak.getPort());
    }

    private static void requireListening(String what, String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
        } catch (IOException e) {
            throw new IllegalStateException(what + " is not listening on " + host + ":" + port
                    + ". Run the integration tests through scripts/test.sh, which starts it.");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
