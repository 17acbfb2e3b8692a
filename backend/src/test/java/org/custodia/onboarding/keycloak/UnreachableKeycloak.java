package org.custodia.onboarding.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * The service's own {@link TenantRealms}, configured like the real one but pointed at a local port nothing listens on:
 * every call fails to connect, as when Keycloak is down. Tests make the Spring bean delegate to it for a while.
 */
public final class UnreachableKeycloak implements AutoCloseable {

    private final Keycloak keycloak;
    private final TenantRealms realms;

    public UnreachableKeycloak(KeycloakAdminProperties properties) {
        keycloak = KeycloakBuilder.builder()
                .serverUrl("http://127.0.0.1:" + closedPort())
                .realm(properties.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .build();
        realms = new TenantRealms(keycloak, properties);
    }

    public TenantRealms realms() {
        return realms;
    }

    /** A port that was free a moment ago and is closed now. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        keycloak.close();
    }
}
