package org.custodia.casefile;

import java.util.List;
import java.util.UUID;
import org.custodia.assessment.AssessmentService;
import org.custodia.audit.AuditEvent;
import org.custodia.audit.AuditTrail;
import org.custodia.classification.ClassificationRecords;
import org.custodia.classification.ClassificationViews.DecisionView;
import org.custodia.facility.Facility;
import org.custodia.facility.FacilityService;
import org.custodia.planning.Referrals;
import org.custodia.prisoner.Prisoner;
import org.custodia.prisoner.PrisonerRegister;
import org.custodia.review.ReviewTriggers;
import org.custodia.tenancy.TenantTransactions;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Assembles a prisoner's case file from the parts of the cycle. One transaction, so the page never mixes two moments,
 * and one audit entry for the whole read. The queries run one after the other: they share the transaction's
 * connection.
 */
@Service
class CaseFiles {

    private final TenantTransactions tx;
    private final PrisonerRegister prisoners;
    private final FacilityService facilities;
    private final ClassificationRecords classifications;
    private final AssessmentService assessments;
    private final ReviewTriggers triggers;
    private final Referrals referrals;
    private final AuditTrail audit;

    CaseFiles(
            TenantTransactions tx,
            PrisonerRegister prisoners,
            FacilityService facilities,
            ClassificationRecords classifications,
            AssessmentService assessments,
            ReviewTriggers triggers,
            Referrals referrals,
            AuditTrail audit) {
        this.tx = tx;
        this.prisoners = prisoners;
        this.facilities = facilities;
        this.classifications = classifications;
        this.assessments = assessments;
        this.triggers = triggers;
        this.referrals = referrals;
        this.audit = audit;
    }

    Mono<CaseFile> read(UUID prisonerId) {
        return tx.write(() -> prisoners
                .find(prisonerId)
                .flatMap(prisoner ->
                        facilities.find(prisoner.facilityId()).flatMap(facility -> assemble(prisoner, facility)))
                .flatMap(caseFile -> audit.record(AuditEvent.read("CASE_FILE_VIEWED", "PRISONER", prisonerId))
                        .thenReturn(caseFile)));
    }

    private Mono<CaseFile> assemble(Prisoner prisoner, Facility facility) {
        UUID id = prisoner.id();
        return classifications
                .historyOf(prisoner, facility)
                .flatMap(decisions -> assessments
                        .summariesOf(id)
                        .collectList()
                        .flatMap(assessed -> triggers.triggersOf(id)
                                .flatMap(events -> referrals
                                        .referrals(id)
                                        .map(referred -> new CaseFile(
                                                prisoner,
                                                facility,
                                                current(prisoner, decisions),
                                                decisions,
                                                assessed,
                                                events,
                                                referred)))));
    }

    private static DecisionView current(Prisoner prisoner, List<DecisionView> decisions) {
        return decisions.stream()
                .filter(decision -> decision.id().equals(prisoner.currentDecisionId()))
                .findFirst()
                .orElse(null);
    }
}
