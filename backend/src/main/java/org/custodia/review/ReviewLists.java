package org.custodia.review;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.custodia.audit.AuditEvent;
import org.custodia.audit.AuditTrail;
import org.custodia.facility.FacilityService;
import org.custodia.review.ReviewViews.DueCounts;
import org.custodia.review.ReviewViews.DueReview;
import org.custodia.review.ReviewViews.DueReviewPage;
import org.custodia.review.ReviewViews.FacilityDueCount;
import org.custodia.review.ReviewViews.PreReleaseDue;
import org.custodia.review.ReviewViews.PreReleasePage;
import org.custodia.review.ReviewViews.ReviewStatus;
import org.custodia.tenancy.Tenant;
import org.custodia.tenancy.TenantTransactions;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Who is due for a classification review, and who for a pre-release assessment. Released prisoners are never listed.
 * The lists show people, so each page shown is audited; the counts show nobody and are not.
 */
@Service
class ReviewLists {

    private static final String PERSON =
            "p.id, p.number, p.family_name, p.given_names, p.facility_id, p.current_category";

    private static final String DUE = " from prisoner p where p.legal_status <> 'RELEASED' and p.next_review_on <= :on";

    /**
     * Sentenced, not for life, released within the window, and no assessment started since the window opened (at
     * midnight of that day in the country).
     */
    private static final String PRE_RELEASE = " from prisoner p where p.legal_status = 'SENTENCED'"
            + " and not p.life_sentence"
            + " and p.expected_release between :on and cast(:on + make_interval(months => :months) as date)"
            + " and not exists (select 1 from assessment a where a.prisoner_id = p.id"
            + " and a.started_at >= cast(p.expected_release - make_interval(months => :months) as date)::timestamp"
            + " at time zone :zone)";

    private final DatabaseClient db;
    private final TenantTransactions tx;
    private final FacilityService facilities;
    private final CycleSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    ReviewLists(
            DatabaseClient db,
            TenantTransactions tx,
            FacilityService facilities,
            CycleSettings settings,
            AuditTrail audit,
            Clock clock) {
        this.db = db;
        this.tx = tx;
        this.facilities = facilities;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    Mono<DueReviewPage> due(Tenant tenant, ReviewQuery asked) {
        ReviewQuery query = onADay(tenant, asked);
        LocalDate on = query.on();
        return tx.write(() -> facilityKnown(query)
                .then(page(query, DUE, "p.next_review_on", Map.of(), row -> dueReview(row, on)))
                .flatMap(found -> {
                    DueReviewPage page =
                            new DueReviewPage(on, found.items(), query.page(), query.size(), found.total());
                    return audit.record(listed(
                                    "REVIEWS_DUE_LISTED",
                                    query,
                                    page.items().stream()
                                            .map(DueReview::prisonerId)
                                            .toList()))
                            .thenReturn(page);
                }));
    }

    Mono<DueCounts> counts(Tenant tenant, LocalDate asked) {
        LocalDate on = asked == null ? tenant.today(clock) : asked;
        return tx.read(() -> db.sql("select f.id, f.code,"
                        + " count(p.id) filter (where p.next_review_on = :on) as due,"
                        + " count(p.id) filter (where p.next_review_on < :on) as overdue"
                        + " from facility f left join prisoner p on p.facility_id = f.id"
                        + " and p.legal_status <> 'RELEASED' and p.next_review_on <= :on"
                        + " group by f.id, f.code order by f.code")
                .bind("on", on)
                .map(row -> new FacilityDueCount(
                        row.get("id", UUID.class),
                        row.get("code", String.class),
                        row.get("due", Long.class),
                        row.get("overdue", Long.class)))
                .all()
                .collectList()
                .map(counts -> new DueCounts(
                        on,
                        counts,
                        counts.stream().mapToLong(FacilityDueCount::due).sum(),
                        counts.stream().mapToLong(FacilityDueCount::overdue).sum())));
    }

    /** The country's overdue reviews on {@code on}, for the metric; runs in its own transaction. */
    Mono<Long> overdue(LocalDate on) {
        return tx.read(() -> db.sql("select count(*) as overdue from prisoner"
                        + " where legal_status <> 'RELEASED' and next_review_on < :on")
                .bind("on", on)
                .map(row -> row.get("overdue", Long.class))
                .one());
    }

    Mono<PreReleasePage> preRelease(Tenant tenant, ReviewQuery asked) {
        ReviewQuery query = onADay(tenant, asked);
        LocalDate on = query.on();
        return tx.write(() -> facilityKnown(query)
                .then(settings.current())
                .flatMap(setting -> {
                    Map<String, Object> window =
                            Map.of("months", setting.preReleaseMonths(), "zone", tenant.timeZone());
                    return page(
                                    query,
                                    PRE_RELEASE,
                                    "p.expected_release",
                                    window,
                                    row -> preReleaseDue(row, on, setting.preReleaseMonths()))
                            .map(found -> new PreReleasePage(
                                    on,
                                    setting.preReleaseMonths(),
                                    found.items(),
                                    query.page(),
                                    query.size(),
                                    found.total()));
                })
                .flatMap(page -> audit.record(listed(
                                "PRE_RELEASE_LISTED",
                                query,
                                page.items().stream()
                                        .map(PreReleaseDue::prisonerId)
                                        .toList()))
                        .thenReturn(page)));
    }

    private ReviewQuery onADay(Tenant tenant, ReviewQuery query) {
        return query.on() == null ? query.on(tenant.today(clock)) : query;
    }

    /** Another country's facility is a 404, like any other id of theirs. */
    private Mono<Void> facilityKnown(ReviewQuery query) {
        return query.facilityId() == null
                ? Mono.empty()
                : facilities.find(query.facilityId()).then();
    }

    private record Found<T>(List<T> items, long total) {}

    /** One page of {@code from} (a FROM and WHERE clause over {@code prisoner p}), ordered by {@code orderBy}. */
    private <T> Mono<Found<T>> page(
            ReviewQuery query, String from, String orderBy, Map<String, Object> binds, Function<Readable, T> mapper) {
        String where = from + (query.facilityId() == null ? "" : " and p.facility_id = :facility");
        DatabaseClient.GenericExecuteSpec select = bind(
                        db.sql("select " + PERSON + ", p.next_review_on, p.expected_release" + where + " order by "
                                + orderBy + ", p.number, p.id limit :limit offset :offset"),
                        query,
                        binds)
                .bind("limit", query.size())
                .bind("offset", query.offset());
        DatabaseClient.GenericExecuteSpec count = bind(db.sql("select count(*) as total" + where), query, binds);
        return Mono.zip(
                select.map(mapper::apply).all().collectList(),
                count.map(row -> row.get("total", Long.class)).one(),
                Found::new);
    }

    private static DatabaseClient.GenericExecuteSpec bind(
            DatabaseClient.GenericExecuteSpec spec, ReviewQuery query, Map<String, Object> binds) {
        spec = spec.bind("on", query.on());
        if (query.facilityId() != null) {
            spec = spec.bind("facility", query.facilityId());
        }
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec;
    }

    private static AuditEvent listed(String action, ReviewQuery query, List<UUID> shown) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("query", query);
        after.put("shown", shown);
        return new AuditEvent(action, "PRISONER", null, null, after);
    }

    private static DueReview dueReview(Readable row, LocalDate on) {
        LocalDate reviewOn = row.get("next_review_on", LocalDate.class);
        long overdue = ChronoUnit.DAYS.between(reviewOn, on);
        return new DueReview(
                row.get("id", UUID.class),
                row.get("number", String.class),
                row.get("family_name", String.class),
                row.get("given_names", String.class),
                row.get("facility_id", UUID.class),
                row.get("current_category", String.class),
                reviewOn,
                overdue > 0 ? ReviewStatus.OVERDUE : ReviewStatus.DUE,
                overdue);
    }

    private static PreReleaseDue preReleaseDue(Readable row, LocalDate on, int months) {
        LocalDate release = row.get("expected_release", LocalDate.class);
        return new PreReleaseDue(
                row.get("id", UUID.class),
                row.get("number", String.class),
                row.get("family_name", String.class),
                row.get("given_names", String.class),
                row.get("facility_id", UUID.class),
                row.get("current_category", String.class),
                release,
                release.minusMonths(months),
                ChronoUnit.DAYS.between(on, release));
    }
}
