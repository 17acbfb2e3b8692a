package org.custodia.onboarding;

import java.util.List;
import java.util.Map;
import org.custodia.testsupport.TestEnvironment;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The tests' own view of Keycloak, through the same dev-only bootstrap admin client as the service: counts realms and
 * users, lets a first admin log in without a browser, and deletes the realms the tests created.
 */
final class TenantKeycloak implements AutoCloseable {

    /** DEV/TEST ONLY: what a test sets as the first admin's password after onboarding. */
    static final String TEST_PASSWORD = "Onboarding-test-password-1";

    private final Keycloak keycloak = KeycloakBuilder.builder()
            .serverUrl(TestEnvironment.KEYCLOAK_URL)
            .realm("master")
            .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
            .clientId("custodia-provisioner")
            .clientSecret("custodia-provisioner-dev-only") // DEV ONLY, scripts/lib/keycloak.sh
            .build();

    long realmsNamed(String realm) {
        return keycloak.realms().findAll().stream()
                .map(RealmRepresentation::getRealm)
                .filter(realm::equals)
                .count();
    }

    List<UserRepresentation> usersNamed(String realm, String username) {
        return keycloak.realm(realm).users().searchByUsername(username, true);
    }

    /**
     * Does what the first admin would do at the first login (choose a password, no more required actions) and adds a
     * DEV/TEST ONLY password-grant client to this test realm, so the test gets a real token of the new realm.
     */
    void completeFirstLogin(String realm, String username) {
        RealmResource resource = keycloak.realm(realm);
        UserResource user =
                resource.users().get(usersNamed(realm, username).get(0).getId());
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(TEST_PASSWORD);
        password.setTemporary(false);
        user.resetPassword(password);
        UserRepresentation representation = user.toRepresentation();
        representation.setRequiredActions(List.of());
        representation.setFirstName("Test");
        representation.setLastName("Admin");
        representation.setEmailVerified(true);
        user.update(representation);

        ProtocolMapperRepresentation audience = new ProtocolMapperRepresentation();
        audience.setName("audience custodia-api");
        audience.setProtocol("openid-connect");
        audience.setProtocolMapper("oidc-audience-mapper");
        audience.setConfig(Map.of("included.client.audience", "custodia-api", "access.token.claim", "true"));
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId("custodia-test");
        client.setName("custodia-test (DEV/TEST ONLY, created by OnboardingIT)");
        client.setPublicClient(true);
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(true);
        client.setProtocolMappers(List.of(audience));
        resource.clients().create(client).close();
    }

    /** A realm of that name that no Custodia onboarding created (as an operator might have made by hand). */
    void createForeignRealm(String realm) {
        RealmRepresentation representation = new RealmRepresentation();
        representation.setRealm(realm);
        representation.setEnabled(true);
        keycloak.realms().create(representation);
    }

    void deleteRealm(String realm) {
        if (realmsNamed(realm) > 0) {
            keycloak.realm(realm).remove();
        }
    }

    @Override
    public void close() {
        keycloak.close();
    }
}
