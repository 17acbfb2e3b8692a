package org.custodia.casefile;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.util.List;
import java.util.UUID;
import org.custodia.assessment.AssessmentService;
import org.custodia.assessment.AssessmentSummary;
import org.custodia.audit.AuditEvent;
import org.custodia.audit.AuditTrail;
import org.custodia.classification.ClassificationRecords;
import org.custodia.classification.ClassificationViews.DecisionView;
import org.custodia.facility.Facility;
import org.custodia.facility.FacilityService;
import org.custodia.planning.Referral;
import org.custodia.planning.Referrals;
import org.custodia.prisoner.Prisoner;
import org.custodia.prisoner.PrisonerRegister;
import org.custodia.review.ReviewTrigger;
import org.custodia.review.ReviewTriggers;
import org.custodia.shared.persistence.JsonDocuments;
import org.custodia.tenancy.TenantTransactions;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Assembles a prisoner's case file from the parts of the cycle. One transaction, so the page never mixes two moments,
 * and one audit entry for the whole read. The prisoner, their facility, assessments, review triggers and referrals
 * come in one statement (each part a JSON column its owner defines and reads), the classification decisions in a
 * second, as their repository maps them: every round trip costs each request CPU on both sides.
 */
@Service
class CaseFiles {

    private static final String PARTS = FacilityService.AS_JSON + " as facility, "
            + AssessmentService.SUMMARIES_OF_PRISONER_AS_JSON + " as assessments, "
            + ReviewTriggers.OF_PRISONER_AS_JSON + " as review_triggers, "
            + Referrals.OF_PRISONER_AS_JSON + " as referrals";

    private final TenantTransactions tx;
    private final PrisonerRegister prisoners;
    private final FacilityService facilities;
    private final ClassificationRecords classifications;
    private final AuditTrail audit;
    private final JsonDocuments json;

    CaseFiles(
            TenantTransactions tx,
            PrisonerRegister prisoners,
            FacilityService facilities,
            ClassificationRecords classifications,
            AuditTrail audit,
            JsonDocuments json) {
        this.tx = tx;
        this.prisoners = prisoners;
        this.facilities = facilities;
        this.classifications = classifications;
        this.audit = audit;
        this.json = json;
    }

    Mono<CaseFile> read(UUID prisonerId) {
        return tx.write(() -> prisoners
                .find(prisonerId, PARTS, this::parts)
                .flatMap(parts -> classifications
                        .historyOf(parts.prisoner(), parts.facility())
                        .map(decisions -> new CaseFile(
                                parts.prisoner(),
                                parts.facility(),
                                current(parts.prisoner(), decisions),
                                decisions,
                                parts.assessments(),
                                parts.reviewTriggers(),
                                parts.referrals())))
                .flatMap(caseFile -> audit.record(AuditEvent.read("CASE_FILE_VIEWED", "PRISONER", prisonerId))
                        .thenReturn(caseFile)));
    }

    /** What the first statement reads. */
    private record Parts(
            Prisoner prisoner,
            Facility facility,
            List<AssessmentSummary> assessments,
            List<ReviewTrigger> reviewTriggers,
            List<Referral> referrals) {}

    private Parts parts(Prisoner prisoner, Readable row) {
        return new Parts(
                prisoner,
                json.row(row.get("facility", Json.class), facilities::facility),
                json.rows(row.get("assessments", Json.class), AssessmentService::summary),
                json.rows(row.get("review_triggers", Json.class), ReviewTriggers::trigger),
                json.rows(row.get("referrals", Json.class), Referrals::referral));
    }

    private static DecisionView current(Prisoner prisoner, List<DecisionView> decisions) {
        return decisions.stream()
                .filter(decision -> decision.id().equals(prisoner.currentDecisionId()))
                .findFirst()
                .orElse(null);
    }
}
