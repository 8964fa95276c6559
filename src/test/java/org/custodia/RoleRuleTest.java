package org.custodia;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Deny by default: every HTTP handler in Custodia declares who may call it. */
class RoleRuleTest {

    static List<String> handlersWithoutRoleRule(List<Class<?>> controllers) {
        List<String> missing = new ArrayList<>();
        for (Class<?> c : controllers) {
            boolean classRule = AnnotatedElementUtils.hasAnnotation(c, PreAuthorize.class);
            for (Method m : c.getDeclaredMethods()) {
                if (AnnotatedElementUtils.hasAnnotation(m, RequestMapping.class)
                        && !classRule && !AnnotatedElementUtils.hasAnnotation(m, PreAuthorize.class)) {
                    missing.add(c.getSimpleName() + "." + m.getName());
                }
            }
        }
        return missing;
    }

    static List<Class<?>> controllers() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        List<Class<?>> out = new ArrayList<>();
        for (var bd : scanner.findCandidateComponents("org.custodia")) {
            out.add(Class.forName(bd.getBeanClassName()));
        }
        return out;
    }

    @Test
    void everyHandlerHasARoleRule() throws Exception {
        List<Class<?>> controllers = controllers();
        assertThat(controllers).hasSizeGreaterThanOrEqualTo(8);
        assertThat(handlersWithoutRoleRule(controllers)).isEmpty();
    }

    @Test
    void theCheckFindsAHandlerWithoutARule() {
        assertThat(handlersWithoutRoleRule(List.of(Unguarded.class))).containsExactly("Unguarded.open");
    }

    static class Unguarded {
        @GetMapping("/open")
        String open() {
            return "";
        }

        @GetMapping("/closed")
        @PreAuthorize("hasRole('ADMIN')")
        String closed() {
            return "";
        }
    }
}
