package org.custodia.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.Repository;

/** ADR 0011: every query a repository declares is written out, none is derived from its name on every call. */
class WrittenQueriesTest {

    @Test
    void everyDeclaredRepositoryQueryIsWrittenOut() {
        List<Class<?>> repositories = repositories();
        assertThat(repositories).as("repositories found by the scan").isNotEmpty();
        List<String> derived = repositories.stream()
                .flatMap(repository -> Arrays.stream(repository.getDeclaredMethods()))
                .filter(method -> !method.isDefault() && !method.isSynthetic())
                .filter(method -> !method.isAnnotationPresent(Query.class))
                .map(WrittenQueriesTest::name)
                .toList();
        assertThat(derived).as("repository methods without @Query").isEmpty();
    }

    private static List<Class<?>> repositories() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isInterface();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Repository.class));
        return scanner.findCandidateComponents("org.custodia").stream()
                .map(BeanDefinition::getBeanClassName)
                .flatMap(WrittenQueriesTest::load)
                .toList();
    }

    private static Stream<Class<?>> load(String name) {
        try {
            return Stream.of(Class.forName(name));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name, e);
        }
    }

    private static String name(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
