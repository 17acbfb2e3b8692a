package org.custodia.methodology.scheme;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.custodia.methodology.VersionStatus;
import org.custodia.methodology.expression.Expressions;
import org.custodia.methodology.risk.RiskScaleService;
import org.custodia.methodology.scheme.SchemeRequests.Evaluate;
import org.custodia.methodology.scheme.SchemeRequests.NewDraft;
import org.custodia.methodology.scheme.SchemeRequests.SaveDraft;
import org.custodia.methodology.scheme.SchemeViews.Evaluation;
import org.custodia.methodology.scheme.SchemeViews.SchemeVersionView;
import org.custodia.security.Caller;
import org.custodia.shared.error.ConflictException;
import org.custodia.shared.error.FieldError;
import org.custodia.shared.error.InvalidRequestException;
import org.custodia.shared.error.NotFoundException;
import org.custodia.shared.error.UnprocessableException;
import org.custodia.shared.persistence.JsonDocuments;
import org.custodia.tenancy.Tenant;
import org.custodia.tenancy.TenantTransactions;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The country's classification scheme. One version is in force (the newest published); publishing a draft validates
 * it and retires the one it replaces, in one transaction.
 */
@Service
public class SchemeService {

    private static final SchemeDefinition EMPTY = new SchemeDefinition(List.of(), List.of(), List.of());

    private final SchemeVersionRepository versions;
    private final TenantTransactions tx;
    private final JsonDocuments json;
    private final Clock clock;
    private final SchemeValidator validator;
    private final RiskScaleService riskScales;
    private final RuleEngine engine = new RuleEngine();
    private final Map<CompileKey, PublishedScheme> compiled = new ConcurrentHashMap<>();
    private static final int MAX_COMPILED = 100;

    SchemeService(
            SchemeVersionRepository versions,
            TenantTransactions tx,
            JsonDocuments json,
            Clock clock,
            Expressions expressions,
            RiskScaleService riskScales) {
        this.validator = new SchemeValidator(expressions);
        this.riskScales = riskScales;
        this.versions = versions;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    Flux<SchemeVersionView> list(Tenant tenant) {
        return tx.readMany(() -> versions.findAllByOrderByNumber().concatMap(v -> view(tenant, v)));
    }

    Mono<SchemeVersionView> inForce(Tenant tenant) {
        return tx.read(() -> versions.findByStatus(VersionStatus.PUBLISHED.name()))
                .switchIfEmpty(
                        Mono.error(() -> new NotFoundException("No classification scheme has been published yet.")))
                .flatMap(v -> view(tenant, v));
    }

    /**
     * The legal categories of the scheme in force, by code; empty before a scheme is published. For records that name
     * a category (facilities, sentences); runs in the caller's transaction.
     */
    public Mono<Map<String, SchemeDefinition.Category>> categoriesInForce() {
        return versions.findByStatus(VersionStatus.PUBLISHED.name())
                .map(version -> read(version).categories().stream()
                        .collect(Collectors.toUnmodifiableMap(SchemeDefinition.Category::code, c -> c)))
                .defaultIfEmpty(Map.of());
    }

    /**
     * The scheme in force, compiled, to propose classifications with; empty before a scheme is published. Runs in the
     * caller's transaction.
     */
    public Mono<PublishedScheme> compiledInForce(Tenant tenant) {
        return versions.findByStatus(VersionStatus.PUBLISHED.name()).map(version -> compile(tenant, version));
    }

    /**
     * A version that was published (in force or retired since), compiled: the one a decision is pinned to. 404 when
     * this country has no such published version. Runs in the caller's transaction.
     */
    public Mono<PublishedScheme> compiledPublished(Tenant tenant, UUID id) {
        return version(id)
                .filter(version -> version.statusValue() != VersionStatus.DRAFT)
                .switchIfEmpty(
                        Mono.error(() -> new NotFoundException("No such published classification scheme version.")))
                .map(version -> compile(tenant, version));
    }

    Mono<SchemeVersionView> get(Tenant tenant, UUID id) {
        return tx.read(() -> version(id).flatMap(v -> view(tenant, v)));
    }

    Mono<SchemeVersionView> newDraft(Tenant tenant, NewDraft request) {
        return tx.write(() -> (request.copyFrom() == null
                        ? Mono.just(request.definition() == null ? EMPTY : request.definition())
                        : version(request.copyFrom()).map(source -> read(source)))
                .flatMap(definition -> versions.nextNumber()
                        .flatMap(number -> versions.save(
                                SchemeVersionEntity.draft(number, json.write(definition), clock.instant()))))
                .onErrorMap(
                        DataIntegrityViolationException.class,
                        e -> new ConflictException("A draft exists already: edit it, or publish it first."))
                .flatMap(saved -> view(tenant, saved)));
    }

    Mono<SchemeVersionView> saveDraft(Tenant tenant, UUID id, SaveDraft request) {
        return tx.write(() -> version(id)
                .flatMap(current -> requireDraft(current)
                        .then(versions.save(
                                current.withDefinition(json.write(request.definition()), request.version()))))
                .flatMap(saved -> view(tenant, saved)));
    }

    Mono<SchemeVersionView> publish(Caller caller, UUID id, long expectedVersion) {
        Tenant tenant = caller.tenant().orElseThrow();
        return tx.write(() -> Mono.zip(version(id), riskScales.current())
                .flatMap(found -> {
                    SchemeVersionEntity current = found.getT1();
                    SchemeValidator.Result result =
                            validator.validate(read(current), found.getT2().codes(), tenant.defaultLanguage());
                    if (!result.valid()) {
                        return Mono.error(new UnprocessableException(
                                "The draft has problems and cannot be published.", result.errors()));
                    }
                    return requireDraft(current)
                            .then(versions.findByStatus(VersionStatus.PUBLISHED.name())
                                    .flatMap(previous -> versions.save(previous.retired(clock.instant())))
                                    .then())
                            .then(versions.save(current.published(expectedVersion, clock.instant(), caller.subject())));
                })
                .flatMap(saved -> view(tenant, saved)));
    }

    /** The rule tester: what the version proposes for the facts, and whether a decision for a category is allowed. */
    Mono<Evaluation> evaluate(Tenant tenant, UUID id, Evaluate request) {
        return tx.read(() -> Mono.zip(version(id), riskScales.current())).map(found -> {
            SchemeVersionEntity version = found.getT1();
            SchemeValidator.Result result = version.statusValue() == VersionStatus.DRAFT
                    ? validator.validate(read(version), found.getT2().codes(), tenant.defaultLanguage())
                    : validator.validatePublished(read(version), tenant.defaultLanguage());
            if (!result.valid()) {
                throw new UnprocessableException("The scheme has problems; fix them before testing.", result.errors());
            }
            CompiledScheme scheme = result.compiled();
            String courtRegime = request.facts().sentence().courtRegime();
            if (courtRegime != null && !scheme.categories().containsKey(courtRegime)) {
                throw new InvalidRequestException(
                        "Unknown category.",
                        List.of(new FieldError("facts.sentence.courtRegime", "is not a category of this scheme")));
            }
            if (request.category() != null && !scheme.categories().containsKey(request.category())) {
                throw new InvalidRequestException(
                        "Unknown category.", List.of(new FieldError("category", "is not a category of this scheme")));
            }
            RuleEngine.Proposal proposal = engine.propose(scheme, request.facts());
            List<RuleEngine.Violation> violations = request.category() == null
                    ? List.of()
                    : engine.violations(scheme, request.facts(), request.category(), proposal.category());
            return new Evaluation(proposal, request.category(), violations);
        });
    }

    /**
     * A published definition never changes, so its compiled form is kept per version and language. The id is only
     * known after the row was read under row-level security, so an entry never serves another tenant.
     */
    private PublishedScheme compile(Tenant tenant, SchemeVersionEntity version) {
        CompileKey key = new CompileKey(version.id(), tenant.defaultLanguage());
        PublishedScheme cached = compiled.get(key);
        if (cached != null) {
            return cached;
        }
        SchemeValidator.Result result = validator.validatePublished(read(version), tenant.defaultLanguage());
        if (!result.valid()) {
            // Only when the country's default language changed after publishing and the scheme lacks texts in it.
            throw new UnprocessableException(
                    "Version " + version.number() + " of the classification scheme no longer passes validation.",
                    result.errors());
        }
        if (compiled.size() >= MAX_COMPILED) {
            compiled.clear();
        }
        PublishedScheme scheme = new PublishedScheme(version.id(), version.number(), result.compiled());
        compiled.put(key, scheme);
        return scheme;
    }

    private record CompileKey(UUID version, String language) {}

    private SchemeDefinition read(SchemeVersionEntity version) {
        return json.read(version.definition(), SchemeDefinition.class);
    }

    private Mono<SchemeVersionEntity> version(UUID id) {
        return versions.findById(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No such classification scheme version.")));
    }

    private static Mono<Void> requireDraft(SchemeVersionEntity version) {
        return version.statusValue() == VersionStatus.DRAFT
                ? Mono.empty()
                : Mono.error(new ConflictException("Version " + version.number() + " is " + version.status()
                        + " and can never change; create a new version instead."));
    }

    /** The version with, for a draft, the problems that would stop it being published today. */
    private Mono<SchemeVersionView> view(Tenant tenant, SchemeVersionEntity version) {
        SchemeDefinition definition = read(version);
        if (version.statusValue() != VersionStatus.DRAFT) {
            return Mono.just(view(version, definition, List.of()));
        }
        return riskScales
                .current()
                .map(levels -> view(
                        version,
                        definition,
                        validator
                                .validate(definition, levels.codes(), tenant.defaultLanguage())
                                .errors()));
    }

    private static SchemeVersionView view(
            SchemeVersionEntity version, SchemeDefinition definition, List<FieldError> problems) {
        return new SchemeVersionView(
                version.id(),
                version.number(),
                version.statusValue(),
                version.version(),
                definition,
                version.publishedAt(),
                version.retiredAt(),
                problems);
    }
}
