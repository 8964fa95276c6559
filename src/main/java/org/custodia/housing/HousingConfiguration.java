package org.custodia.housing;

import org.custodia.housing.placement.OccupancySnapshots;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The daily occupancy snapshot runs on a schedule, and once at start-up so today's figures are never missing. */
@Configuration
@EnableScheduling
class HousingConfiguration {
    private final OccupancySnapshots snapshots;

    HousingConfiguration(OccupancySnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @EventListener(ApplicationReadyEvent.class)
    void snapshotOnStart() {
        snapshots.take();
    }
}
