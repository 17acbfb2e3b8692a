package org.custodia.methodology.instrument;

import io.r2dbc.postgresql.codec.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.custodia.methodology.VersionStatus;
import org.custodia.methodology.expression.Expressions;
import org.custodia.methodology.instrument.InstrumentRequests.CreateInstrument;
import org.custodia.methodology.instrument.InstrumentRequests.DryRun;
import org.custodia.methodology.instrument.InstrumentRequests.NewDraft;
import org.custodia.methodology.instrument.InstrumentRequests.SaveDraft;
import org.custodia.methodology.instrument.InstrumentViews.ExportedInstrument;
import org.custodia.methodology.instrument.InstrumentViews.ExportedVersion;
import org.custodia.methodology.instrument.InstrumentViews.InstrumentView;
import org.custodia.methodology.instrument.InstrumentViews.VersionSummary;
import org.custodia.methodology.instrument.InstrumentViews.VersionView;
import org.custodia.methodology.risk.RiskScale;
import org.custodia.methodology.risk.RiskScaleService;
import org.custodia.security.Caller;
import org.custodia.shared.error.ConflictException;
import org.custodia.shared.error.FieldError;
import org.custodia.shared.error.InvalidRequestException;
import org.custodia.shared.error.NotFoundException;
import org.custodia.shared.error.UnprocessableException;
import org.custodia.shared.persistence.JsonDocuments;
import org.custodia.shared.persistence.UuidV7;
import org.custodia.tenancy.Tenant;
import org.custodia.tenancy.TenantTransactions;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Instruments and their versions: drafts are edited under optimistic locking, publishing validates everything and
 * freezes the definition, retiring stops new assessments. Dry runs score answers against any version.
 */
@Service
public class InstrumentService {

    private static final InstrumentDefinition EMPTY = new InstrumentDefinition(List.of(), List.of(), null);

    private final InstrumentRepository instruments;
    private final InstrumentVersionRepository versions;
    private final RiskScaleService riskScales;
    private final DatabaseClient db;
    private final TenantTransactions tx;
    private final JsonDocuments json;
    private final Clock clock;
    private final DefinitionValidator validator;
    private final Scorer scorer = new Scorer();
    private final Map<CompileKey, DefinitionValidator.Result> compiled = new ConcurrentHashMap<>();
    private static final int MAX_COMPILED = 500;
    /**
     * Everything the compile cache's key holds, and the instrument's code, in one statement without the definition,
     * which is read (and parsed) only when the key is not cached: each assessment request asks for it.
     */
    private static final String SCORING_STAMP = "select v.status, v.version, i.code,"
            + " array(select code from risk_level order by rank) as levels"
            + " from instrument_version v join instrument i on i.id = v.instrument_id where v.id = :id";

    InstrumentService(
            InstrumentRepository instruments,
            InstrumentVersionRepository versions,
            RiskScaleService riskScales,
            DatabaseClient db,
            TenantTransactions tx,
            JsonDocuments json,
            Clock clock,
            Expressions expressions) {
        this.instruments = instruments;
        this.versions = versions;
        this.riskScales = riskScales;
        this.db = db;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.validator = new DefinitionValidator(expressions);
    }

    Flux<InstrumentView> list() {
        return tx.readMany(() -> instruments.findAllByOrderByCode().concatMap(this::view));
    }

    Mono<InstrumentView> get(UUID id) {
        return tx.read(() -> instrument(id).flatMap(this::view));
    }

    Mono<InstrumentView> create(CreateInstrument request) {
        return tx.write(() -> instruments
                .save(new InstrumentEntity(
                        UuidV7.next(),
                        request.code(),
                        request.kind().name(),
                        json.write(request.name()),
                        json.write(request.description() == null ? Map.of() : request.description()),
                        null,
                        clock.instant()))
                .flatMap(this::view));
    }

    Mono<VersionView> newDraft(Tenant tenant, UUID instrumentId, NewDraft request) {
        return tx.write(() -> instrument(instrumentId)
                .then(
                        request.copyFrom() == null
                                ? Mono.just(request.definition() == null ? EMPTY : request.definition())
                                : version(request.copyFrom())
                                        .filter(source -> source.instrumentId().equals(instrumentId))
                                        .switchIfEmpty(Mono.error(() -> new UnprocessableException(
                                                "Copy only from a version of the same instrument.",
                                                List.of(new FieldError(
                                                        "copyFrom", "is not a version of this instrument")))))
                                        .map(source -> json.read(source.definition(), InstrumentDefinition.class)))
                .flatMap(definition -> insertDraft(instrumentId, definition))
                .flatMap(draft -> view(tenant, draft)));
    }

    Mono<VersionView> getVersion(Tenant tenant, UUID versionId) {
        return tx.read(() -> version(versionId).flatMap(version -> view(tenant, version)));
    }

    Mono<VersionView> saveDraft(Tenant tenant, UUID versionId, SaveDraft request) {
        return tx.write(() -> version(versionId)
                .flatMap(current -> requireDraft(current)
                        .then(versions.save(
                                current.withDefinition(json.write(request.definition()), request.version()))))
                .flatMap(saved -> view(tenant, saved)));
    }

    Mono<VersionView> publish(Caller caller, UUID versionId, long expectedVersion) {
        Tenant tenant = caller.tenant().orElseThrow();
        return tx.write(() -> version(versionId)
                .flatMap(current -> requireDraft(current)
                        .then(compile(tenant, current))
                        .flatMap(result -> result.valid()
                                ? versions.save(current.published(expectedVersion, clock.instant(), caller.subject()))
                                : Mono.error(new UnprocessableException(
                                        "The draft has problems and cannot be published.", result.errors()))))
                .flatMap(saved -> view(tenant, saved)));
    }

    Mono<VersionView> retire(Tenant tenant, UUID versionId, long expectedVersion) {
        return tx.write(() -> version(versionId)
                .flatMap(current -> current.statusValue() == VersionStatus.PUBLISHED
                        ? versions.save(current.retired(expectedVersion, clock.instant()))
                        : Mono.error(new ConflictException("Only a published version can be retired.")))
                .flatMap(saved -> view(tenant, saved)));
    }

    Mono<ScoringResult> dryRun(Tenant tenant, UUID versionId, DryRun request) {
        return tx.read(() -> scoringVersion(tenant, versionId)).flatMap(version -> {
            List<FieldError> errors = version.check(request.answers(), request.judgement());
            return errors.isEmpty()
                    ? Mono.just(version.score(request.answers(), request.judgement()))
                    : Mono.error(new InvalidRequestException("Some answers do not fit the instrument.", errors));
        });
    }

    /**
     * A version ready to check and score answers, for assessments (which stay pinned to it for life, whatever its
     * status becomes). Compiled through the same cache as the dry run. Runs in the caller's transaction; 404 when the
     * country has no such version, 422 naming the problems when it has any (only a draft can).
     */
    public Mono<ScoringVersion> scoringVersion(Tenant tenant, UUID versionId) {
        return db.sql(SCORING_STAMP)
                .bind("id", versionId)
                .map(row -> new ScoringStamp(
                        new CompileKey(
                                versionId,
                                row.get("version", Long.class),
                                Arrays.asList(row.get("levels", String[].class)),
                                tenant.defaultLanguage()),
                        row.get("code", String.class),
                        VersionStatus.valueOf(row.get("status", String.class))))
                .one()
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No such instrument version.")))
                .flatMap(stamp -> compiled(stamp.key(), version(versionId).map(InstrumentVersionEntity::definition))
                        .flatMap(result -> result.valid()
                                ? Mono.just(new ScoringVersion(
                                        versionId, stamp.instrumentCode(), stamp.status(), result.compiled(), scorer))
                                : Mono.error(new UnprocessableException(
                                        "The version has problems; fix them before scoring.", result.errors()))));
    }

    /**
     * The needs a scoring of this version found: its scales, then its items, marked {@code need: true} that scored
     * above zero, in definition order. Runs in the caller's transaction; 404 when the country has no such version.
     */
    public Flux<NeedFound> needsFound(UUID versionId, ScoringResult result) {
        return version(versionId).flatMapMany(version -> {
            InstrumentDefinition definition = json.read(version.definition(), InstrumentDefinition.class);
            Map<String, Double> scaleScores = new HashMap<>();
            result.scales().forEach(scale -> scaleScores.put(scale.code(), scale.score()));
            Map<String, Double> itemScores = new HashMap<>();
            result.items().forEach(item -> itemScores.put(item.code(), item.score()));
            List<NeedFound> needs = new ArrayList<>();
            definition.scales().stream()
                    .filter(InstrumentDefinition.Scale::need)
                    .forEach(scale -> addIfPositive(needs, scale.code(), scaleScores.get(scale.code())));
            definition.sections().stream()
                    .flatMap(section -> section.items().stream())
                    .filter(InstrumentDefinition.Item::need)
                    .forEach(item -> addIfPositive(needs, item.code(), itemScores.get(item.code())));
            return Flux.fromIterable(needs);
        });
    }

    private static void addIfPositive(List<NeedFound> needs, String code, Double score) {
        if (score != null && score > 0) {
            needs.add(new NeedFound(code, score));
        }
    }

    Mono<ExportedVersion> export(UUID versionId) {
        return tx.read(() -> version(versionId)
                .flatMap(version -> instrument(version.instrumentId())
                        .map(instrument -> new ExportedVersion(
                                ExportedVersion.SCHEMA,
                                new ExportedInstrument(
                                        instrument.code(),
                                        InstrumentKind.valueOf(instrument.kind()),
                                        json.texts(instrument.name()),
                                        json.texts(instrument.description())),
                                json.read(version.definition(), InstrumentDefinition.class)))));
    }

    /**
     * Imports a shared version as a new draft, of the instrument with the same code or of a new one. An existing
     * instrument of another kind is refused: the kind tells readers how to interpret every version's results, so a
     * needs inventory cannot become the next version of an actuarial scale.
     */
    Mono<VersionView> importVersion(Tenant tenant, ExportedVersion document) {
        if (!ExportedVersion.SCHEMA.equals(document.schema())) {
            return Mono.error(new UnprocessableException(
                    "Unknown document schema.",
                    List.of(new FieldError("schema", "must be " + ExportedVersion.SCHEMA))));
        }
        ExportedInstrument shared = document.instrument();
        return tx.write(() -> instruments
                .findByCode(shared.code())
                .switchIfEmpty(Mono.defer(() -> instruments.save(new InstrumentEntity(
                        UuidV7.next(),
                        shared.code(),
                        shared.kind().name(),
                        json.write(shared.name()),
                        json.write(shared.description() == null ? Map.of() : shared.description()),
                        null,
                        clock.instant()))))
                .flatMap(instrument -> shared.kind().name().equals(instrument.kind())
                        ? insertDraft(instrument.id(), document.definition())
                        : Mono.error(new UnprocessableException(
                                "The document is a version of another kind of instrument.",
                                List.of(new FieldError(
                                        "instrument.kind",
                                        "is " + shared.kind() + ", but this country's instrument '" + shared.code()
                                                + "' is " + instrument.kind())))))
                .flatMap(draft -> view(tenant, draft)));
    }

    private Mono<InstrumentVersionEntity> insertDraft(UUID instrumentId, InstrumentDefinition definition) {
        return versions.nextNumber(instrumentId)
                .flatMap(number -> versions.save(new InstrumentVersionEntity(
                        UuidV7.next(),
                        instrumentId,
                        number,
                        VersionStatus.DRAFT.name(),
                        json.write(definition),
                        null,
                        clock.instant(),
                        null,
                        null,
                        null)))
                .onErrorMap(
                        DataIntegrityViolationException.class,
                        e -> new ConflictException(
                                "This instrument has a draft already: edit it, or publish it first."));
    }

    private static Mono<Void> requireDraft(InstrumentVersionEntity version) {
        return version.statusValue() == VersionStatus.DRAFT
                ? Mono.empty()
                : Mono.error(new ConflictException("Version " + version.number() + " is " + version.status()
                        + " and can never change; create a new version instead."));
    }

    /**
     * Compiling a definition takes milliseconds, scoring it microseconds, so results are kept per version, row
     * version, risk levels and language: any change to one of them is a new key. The id is only known after the row
     * was read under row-level security, so an entry never serves another tenant.
     */
    private Mono<DefinitionValidator.Result> compile(Tenant tenant, InstrumentVersionEntity version) {
        return riskScales
                .current()
                .map(RiskScale::codes)
                .flatMap(levels -> compiled(
                        new CompileKey(version.id(), version.version(), levels, tenant.defaultLanguage()),
                        Mono.just(version.definition())));
    }

    /** The cached result for the key, or the definition (read only then) validated and compiled. */
    private Mono<DefinitionValidator.Result> compiled(CompileKey key, Mono<Json> definition) {
        DefinitionValidator.Result cached = compiled.get(key);
        if (cached != null) {
            return Mono.just(cached);
        }
        return definition.map(found -> {
            if (compiled.size() >= MAX_COMPILED) {
                compiled.clear();
            }
            DefinitionValidator.Result result =
                    validator.validate(json.read(found, InstrumentDefinition.class), key.levels(), key.language());
            compiled.put(key, result);
            return result;
        });
    }

    private record CompileKey(UUID version, long rowVersion, List<String> levels, String language) {}

    /** What an assessment needs of its version besides the compiled definition. */
    private record ScoringStamp(CompileKey key, String instrumentCode, VersionStatus status) {}

    private Mono<InstrumentEntity> instrument(UUID id) {
        return instruments.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException("No such instrument.")));
    }

    private Mono<InstrumentVersionEntity> version(UUID id) {
        return versions.findById(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No such instrument version.")));
    }

    private Mono<InstrumentView> view(InstrumentEntity instrument) {
        return versions.findByInstrumentIdOrderByNumber(instrument.id())
                .map(v -> new VersionSummary(v.id(), v.number(), v.statusValue(), v.version(), v.publishedAt()))
                .collectList()
                .map(summaries -> new InstrumentView(
                        instrument.id(),
                        instrument.code(),
                        InstrumentKind.valueOf(instrument.kind()),
                        json.texts(instrument.name()),
                        json.texts(instrument.description()),
                        instrument.version(),
                        summaries));
    }

    private Mono<VersionView> view(Tenant tenant, InstrumentVersionEntity version) {
        Mono<List<FieldError>> problems = version.statusValue() == VersionStatus.DRAFT
                ? compile(tenant, version).map(DefinitionValidator.Result::errors)
                : Mono.just(List.of());
        return problems.map(found -> new VersionView(
                version.id(),
                version.instrumentId(),
                version.number(),
                version.statusValue(),
                version.version(),
                json.read(version.definition(), InstrumentDefinition.class),
                version.publishedAt(),
                version.retiredAt(),
                found));
    }
}
