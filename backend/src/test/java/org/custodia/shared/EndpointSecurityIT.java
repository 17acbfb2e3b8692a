package org.custodia.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.custodia.testsupport.IntegrationTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/** Every API handler declares who may call it; only the public sign-in data is open. */
class EndpointSecurityIT extends IntegrationTestBase {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private static Stream<String> patternsOf(RequestMappingInfo info) {
        return info.getPatternsCondition().getPatterns().stream().map(PathPattern::getPatternString);
    }

    @Test
    void everyNonPublicHandlerHasPreAuthorize() {
        List<String> unguarded = mappings.getHandlerMethods().entrySet().stream()
                .filter(entry -> entry.getValue().getBeanType().getPackageName().startsWith("org.custodia"))
                .filter(entry -> patternsOf(entry.getKey()).noneMatch(pattern -> pattern.startsWith("/api/public/")))
                .filter(entry -> !guarded(entry.getValue()))
                .map(entry -> entry.getValue().toString())
                .toList();
        assertThat(mappings.getHandlerMethods()).isNotEmpty();
        assertThat(unguarded).isEmpty();
    }

    @Test
    void publicHandlersLiveOnlyUnderApiPublic() {
        assertThat(mappings.getHandlerMethods().keySet().stream()
                        .flatMap(EndpointSecurityIT::patternsOf)
                        .filter(pattern -> pattern.startsWith("/api/public")))
                .allMatch(pattern -> pattern.startsWith("/api/public/"));
    }

    private static boolean guarded(HandlerMethod method) {
        return AnnotatedElementUtils.hasAnnotation(method.getMethod(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PreAuthorize.class);
    }
}
