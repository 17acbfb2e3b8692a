package org.custodia.classification;

import java.util.Collection;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface DecisionRepository extends ReactiveCrudRepository<DecisionEntity, UUID> {

    Flux<DecisionEntity> findByPrisonerIdOrderByProposedAtDescIdDesc(UUID prisonerId);

    Mono<Boolean> existsByPrisonerIdAndStatusIn(UUID prisonerId, Collection<String> statuses);

    Flux<DecisionEntity> findByStatusOrderBySubmittedAtAscIdAsc(String status, Limit limit);

    Mono<Long> countByStatus(String status);
}
