package org.custodia.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.custodia.assessment.AssessmentApi.CUSTODY_RATING;
import static org.custodia.assessment.AssessmentApi.NEEDS_INVENTORY;
import static org.custodia.assessment.AssessmentApi.needsInventoryTwoNeeds;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.custodia.shared.error.ConflictException;
import org.custodia.shared.error.NotFoundException;
import org.custodia.tenancy.TenantContext;
import org.custodia.tenancy.TenantId;
import org.custodia.tenancy.TenantTransactions;
import org.custodia.testsupport.DemoTenants;
import org.custodia.testsupport.IntegrationTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;

/** The needs approved assessments found, as the sentence plan and programme referrals ask for them. */
@DisplayName("AssessmentNeeds")
class AssessmentNeedsIT extends IntegrationTestBase {

    @Autowired
    AssessmentNeeds needs;

    @Autowired
    TenantTransactions tx;

    private AssessmentApi api;

    @BeforeEach
    void api() {
        api = new AssessmentApi(client, tokens);
    }

    private List<AssessedNeed> in(String realm, Supplier<Flux<AssessedNeed>> work) {
        TenantId tenant = realm.equals("kz") ? DemoTenants.KZ : DemoTenants.KG;
        return tx.read(() -> work.get().collectList())
                .contextWrite(context -> TenantContext.with(context, tenant, realm))
                .block(Duration.ofSeconds(30));
    }

    private static double scaleScore(Map<String, Object> assessment, String code) {
        return ((List<?>) ((Map<?, ?>) assessment.get("scoring")).get("scales"))
                .stream()
                        .map(Map.class::cast)
                        .filter(scale -> code.equals(scale.get("code")))
                        .map(scale -> ((Number) scale.get("score")).doubleValue())
                        .findFirst()
                        .orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"kz", "kg"})
    void anApprovedNeedsInventoryGivesItsNeedScalesThenItsNeedItemsThatScored(String realm) {
        UUID prisoner = api.newPrisoner(realm);
        Map<String, Object> approved = api.approved(realm, prisoner, NEEDS_INVENTORY, needsInventoryTwoNeeds());
        UUID id = UUID.fromString((String) approved.get("id"));

        List<AssessedNeed> found = in(realm, () -> needs.of(id));

        assertThat(found)
                .containsExactly(
                        new AssessedNeed("education", 2.0, id),
                        new AssessedNeed("peers", 1.0, id),
                        new AssessedNeed("total_need", scaleScore(approved, "total_need"), id),
                        new AssessedNeed("edu_level", 2.0, id),
                        new AssessedNeed("criminal_friends", 1.0, id));
        assertThat(scaleScore(approved, "total_need")).isBetween(5.2, 5.3);
        assertThat(in(realm, () -> needs.ofPrisoner(prisoner))).isEqualTo(found);
    }

    @Test
    void thePrisonersNeedsComeFromTheLatestApprovedAssessmentOfEachInstrument() {
        UUID prisoner = api.newPrisoner("kz");
        api.approved("kz", prisoner, NEEDS_INVENTORY, needsInventoryTwoNeeds());
        api.approved("kz", prisoner, CUSTODY_RATING, AssessmentApi.custodyRatingHigh());
        Map<String, Object> fewer = needsInventoryTwoNeeds();
        fewer.put("criminal_friends", "none");
        UUID latest = UUID.fromString(
                (String) api.approved("kz", prisoner, NEEDS_INVENTORY, fewer).get("id"));
        // Not approved: counts for nothing yet.
        api.submitted("kz", prisoner, NEEDS_INVENTORY, needsInventoryTwoNeeds(), null);

        assertThat(in("kz", () -> needs.ofPrisoner(prisoner)))
                .extracting(AssessedNeed::need, AssessedNeed::assessmentId)
                .containsExactly(tuple("education", latest), tuple("total_need", latest), tuple("edu_level", latest));
    }

    @Test
    void onlyAnApprovedAssessmentOfTheCountryHasNeeds() {
        Map<String, Object> submitted = api.submitted("kz", NEEDS_INVENTORY, needsInventoryTwoNeeds(), null);
        UUID id = UUID.fromString((String) submitted.get("id"));

        assertThatThrownBy(() -> in("kz", () -> needs.of(id))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> in("kg", () -> needs.of(id))).isInstanceOf(NotFoundException.class);
    }
}
