package org.custodia.demo;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Out of service while the demo loads (or after its load failed): scripts and orchestrators wait for it. */
@Component
class DemoLoadHealth implements HealthIndicator {
    private final DemoProgress progress;

    DemoLoadHealth(DemoProgress progress) {
        this.progress = progress;
    }

    @Override
    public Health health() {
        return switch (progress.phase()) {
            case READY -> Health.up().build();
            case FAILED -> Health.down().withDetail("demo", "the demo load failed; see the log").build();
            default -> Health.outOfService().withDetail("demo", progress.loaded() + " of " + progress.total())
                    .build();
        };
    }
}
