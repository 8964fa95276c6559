package org.custodia.housing.placement;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily occupancy record per cell (population, certified capacity, floor area) from which trends of
 * crowding and floor area per person are drawn. Taken once a day; taking it again the same day changes nothing.
 */
@Service
public class OccupancySnapshots {
    private final JdbcClient client;
    private final Clock clock;

    OccupancySnapshots(JdbcClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** Records today's figures for every cell not yet recorded today; returns how many were recorded. */
    @Transactional
    @Scheduled(cron = "${custodia.housing.snapshot-cron:0 5 0 * * *}", zone = "UTC")
    public int take() {
        LocalDate today = LocalDate.now(clock);
        return client.sql("""
                        insert into cell_occupancy_snapshot (day, location_id, population, certified_capacity,
                                                             floor_area_m2)
                        select ?, id, population, certified_capacity, floor_area_m2 from estate_place
                         where kind in ('CELL','PUNISHMENT')
                        on conflict (day, location_id) do nothing""")
                .param(Date.valueOf(today)).update();
    }
}
