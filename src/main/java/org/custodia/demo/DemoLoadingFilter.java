package org.custodia.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.custodia.platform.ErrorCode;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * While the demo loads, every page answers 503 with the progress (the page reloads itself until the load is done,
 * then shows what was asked for), and the API answers 503 problem+json {@code loading} with {@code Retry-After}.
 * Style sheets, scripts and the health check stay reachable. Before authentication: nothing is read or changed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class DemoLoadingFilter extends OncePerRequestFilter {
    private final DemoProgress progress;
    private final ITemplateEngine templates;

    DemoLoadingFilter(DemoProgress progress, ITemplateEngine templates) {
        this.progress = progress;
        this.templates = templates;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !progress.loading() || path.startsWith("/css/") || path.startsWith("/webjars/")
                || path.startsWith("/actuator/health") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        boolean failed = progress.phase() == DemoProgress.Phase.FAILED;
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"urn:custodia:problem:loading\",\"title\":\"Service Unavailable\","
                    + "\"status\":503,\"code\":\"" + ErrorCode.LOADING.code() + "\",\"detail\":\""
                    + (failed ? "The demo load failed; see the service's log"
                    : "Loading the demo: " + progress.loaded() + " of " + progress.total() + " people") + "\"}");
            return;
        }
        response.setContentType("text/html");
        // Spanish first: English only for a browser that asks for it
        Locale locale = request.getHeader("Accept-Language") != null && "en".equals(request.getLocale().getLanguage())
                ? Locale.ENGLISH : Locale.of("es");
        WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response), locale);
        context.setVariable("phase", progress.phase().name());
        context.setVariable("loaded", progress.loaded());
        context.setVariable("total", progress.total());
        templates.process("demo/loading", context, response.getWriter());
    }
}
