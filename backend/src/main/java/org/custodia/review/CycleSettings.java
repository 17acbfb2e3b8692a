package org.custodia.review;

import java.time.Clock;
import org.custodia.audit.AuditEvent;
import org.custodia.audit.AuditTrail;
import org.custodia.shared.error.ConflictException;
import org.custodia.tenancy.TenantTransactions;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The country's cycle settings: one row per tenant, absent (and so the defaults) until first changed. */
@Service
class CycleSettings {

    static final int DEFAULT_PRE_RELEASE_MONTHS = 6;

    private static final CycleSetting DEFAULTS = new CycleSetting(DEFAULT_PRE_RELEASE_MONTHS, 0);

    private final DatabaseClient db;
    private final TenantTransactions tx;
    private final AuditTrail audit;
    private final Clock clock;

    CycleSettings(DatabaseClient db, TenantTransactions tx, AuditTrail audit, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    Mono<CycleSetting> read() {
        return tx.read(this::current);
    }

    /** The settings in force, in the caller's transaction. */
    Mono<CycleSetting> current() {
        return db.sql("select pre_release_months, version from cycle_setting")
                .map(row ->
                        new CycleSetting(row.get("pre_release_months", Integer.class), row.get("version", Long.class)))
                .one()
                .defaultIfEmpty(DEFAULTS);
    }

    /**
     * Version 0 creates the row (a concurrent first save finds it taken: 409); any other version must be the stored
     * one.
     */
    Mono<CycleSetting> change(CycleSettingForm form) {
        DatabaseClient.GenericExecuteSpec write = form.version() == 0
                ? db.sql("insert into cycle_setting (pre_release_months, version, updated_at) values (:months, 1, :now)"
                        + " on conflict (tenant_id) do nothing")
                : db.sql("update cycle_setting set pre_release_months = :months, version = version + 1,"
                                + " updated_at = :now where version = :version")
                        .bind("version", form.version());
        return tx.write(() -> current()
                .flatMap(before -> write.bind("months", form.preReleaseMonths())
                        .bind("now", clock.instant())
                        .fetch()
                        .rowsUpdated()
                        .flatMap(
                                updated -> updated == 1
                                        ? current()
                                        : Mono.error(
                                                new ConflictException(
                                                        "Someone else changed the settings first. Reload them and apply your change again.")))
                        .flatMap(after -> audit.record(AuditEvent.changed(
                                        "CYCLE_SETTINGS_CHANGED", "CYCLE_SETTING", null, before, after))
                                .thenReturn(after))));
    }
}
