package org.custodia.tenancy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.util.Map;
import org.custodia.security.SecurityProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** What the sign-in page needs before anyone is signed in: the countries and where their users log in. */
@RestController
@RequestMapping("/api/public/tenants")
class PublicTenantController {

    private final TenantDirectory directory;
    private final SecurityProperties security;

    PublicTenantController(TenantDirectory directory, SecurityProperties security) {
        this.directory = directory;
        this.security = security;
    }

    @GetMapping
    @SecurityRequirements
    @Operation(summary = "Active country tenants with their names per language and their login realm's issuer")
    Flux<PublicTenantView> activeTenants() {
        return directory.findActive().map(tenant -> PublicTenantView.of(tenant, security.issuerOf(tenant.realm())));
    }

    record PublicTenantView(String code, Map<String, String> displayName, String defaultLanguage, String issuer) {

        static PublicTenantView of(Tenant tenant, String issuer) {
            return new PublicTenantView(tenant.code(), tenant.displayName(), tenant.defaultLanguage(), issuer);
        }
    }
}
