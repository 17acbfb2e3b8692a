package org.custodia.classification;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.postgresql.codec.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.custodia.security.Actor;
import org.custodia.tenancy.Tenant;
import org.custodia.tenancy.TenantId;
import org.custodia.tenancy.TenantStatus;
import org.junit.jupiter.api.Test;

class DecisionEntityTest {

    private static final Tenant KAZAKHSTAN =
            new Tenant(new TenantId(UUID.randomUUID()), "KZ", "kz", TenantStatus.ACTIVE, Map.of(), "kk", "Asia/Almaty");
    private static final Actor ASSESSOR = new Actor("subject-a", "kz.assessor");
    private static final Actor SUPERVISOR = new Actor("subject-s", "kz.supervisor");

    private static DecisionEntity submitted(Instant at) {
        DecisionEntity proposed = DecisionEntity.proposed(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                Json.of("{}"),
                Json.of("[]"),
                "maximum_security",
                ASSESSOR,
                at);
        return proposed.submitted(0, "maximum_security", null, null, at);
    }

    @Test
    void approvalTakesEffectOnTheCountrysDateNotUtcs() {
        // 20:30 UTC on 30 August is already 31 August in Almaty (UTC+5).
        Clock clock = Clock.fixed(Instant.parse("2026-08-30T20:30:00Z"), ZoneOffset.UTC);
        LocalDate today = KAZAKHSTAN.today(clock);
        assertThat(today).isEqualTo(LocalDate.of(2026, 8, 31));

        DecisionEntity approved = submitted(clock.instant()).approved(1, SUPERVISOR, null, today, 6, clock.instant());

        assertThat(approved.statusValue()).isEqualTo(DecisionStatus.APPROVED);
        assertThat(approved.effectiveOn()).isEqualTo(LocalDate.of(2026, 8, 31));
        // 31 August + 6 months: February 2027 has 28 days, so its last day.
        assertThat(approved.nextReviewOn()).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(approved.decidedBy()).isEqualTo("subject-s");
        assertThat(approved.proposedBy()).isEqualTo("subject-a");
    }

    @Test
    void reviewIntervalsCountCalendarMonths() {
        Instant at = Instant.parse("2028-02-29T06:00:00Z");
        DecisionEntity decision = submitted(at);
        assertThat(decision.approved(1, SUPERVISOR, null, LocalDate.of(2028, 2, 29), 12, at)
                        .nextReviewOn())
                .isEqualTo(LocalDate.of(2029, 2, 28));
        assertThat(decision.approved(1, SUPERVISOR, null, LocalDate.of(2026, 1, 15), 12, at)
                        .nextReviewOn())
                .isEqualTo(LocalDate.of(2027, 1, 15));
    }

    @Test
    void withdrawalRecordsNoDecider() {
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        DecisionEntity withdrawn = submitted(at).withdrawn(1, at);
        assertThat(withdrawn.statusValue()).isEqualTo(DecisionStatus.WITHDRAWN);
        assertThat(withdrawn.decidedBy()).isNull();
        assertThat(withdrawn.category()).isEqualTo("maximum_security");
    }
}
