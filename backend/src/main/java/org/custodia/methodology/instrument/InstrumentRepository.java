package org.custodia.methodology.instrument;

import java.util.UUID;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface InstrumentRepository extends ReactiveCrudRepository<InstrumentEntity, UUID> {

    Mono<InstrumentEntity> findByCode(String code);

    Flux<InstrumentEntity> findAllByOrderByCode();
}
