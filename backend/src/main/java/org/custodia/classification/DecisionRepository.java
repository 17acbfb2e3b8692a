package org.custodia.classification;

import java.util.Collection;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface DecisionRepository extends ReactiveCrudRepository<DecisionEntity, UUID> {

    Flux<DecisionEntity> findByPrisonerIdOrderByProposedAtDescIdDesc(UUID prisonerId);

    Mono<Boolean> existsByPrisonerIdAndStatusIn(UUID prisonerId, Collection<String> statuses);

    Flux<DecisionEntity> findByStatusOrderBySubmittedAtAscIdAsc(String status, Pageable page);

    Mono<Long> countByStatus(String status);
}
