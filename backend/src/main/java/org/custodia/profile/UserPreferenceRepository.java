package org.custodia.profile;

import java.util.UUID;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Mono;

interface UserPreferenceRepository extends ReactiveCrudRepository<UserPreferenceEntity, UUID> {

    Mono<UserPreferenceEntity> findBySubject(String subject);
}
