package org.custodia.housing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodia.estate.EstateService;
import org.custodia.estate.Location;
import org.custodia.housing.placement.HousingData;
import org.custodia.housing.placement.HousingState.Where;
import org.custodia.housing.placement.HousingState;
import org.custodia.housing.placement.Violation;
import org.custodia.people.AdmissionGuard;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.springframework.stereotype.Component;

/**
 * Checks people booked straight into a cell against the same rules as a move, after locking the target pavilions
 * and cells as moves do: categories, men and women, isolation, and for a known person their groups and
 * non-associations. Reception and other places without certified capacity are not checked here.
 */
@Component
class ArrivalCheck implements AdmissionGuard {
    private final EstateService estate;
    private final HousingData data;

    ArrivalCheck(EstateService estate, HousingData data) {
        this.estate = estate;
        this.data = data;
    }

    @Override
    public void check(List<Arrival> arrivals) {
        // a batch of thousands usually goes to one or two places: look each place up once
        Map<Long, Location> cells = new LinkedHashMap<>();
        for (long id : arrivals.stream().map(Arrival::locationId).distinct().toList()) {
            Optional<Location> l = estate.location(id);
            if (l.isPresent() && MoveService.ruled(l.get())) {
                cells.put(id, l.get());
            }
        }
        if (cells.isEmpty()) {
            return;
        }
        Set<Long> pavilions = cells.values().stream().map(Location::pavilionId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        estate.lock(pavilions, cells.keySet());
        List<Long> known = arrivals.stream().map(Arrival::personId).filter(java.util.Objects::nonNull).toList();
        HousingState state = data.around(pavilions, cells.keySet(), known);
        List<Map<String, Object>> refused = new ArrayList<>();
        Set<String> reasons = new HashSet<>();
        long synthetic = -1;
        for (int i = 0; i < arrivals.size(); i++) {
            Arrival a = arrivals.get(i);
            Location cell = cells.get(a.locationId());
            if (cell == null) {
                continue;
            }
            long id = a.personId() != null ? a.personId() : synthetic--;
            state.addResident(data.arrival(id, a), new Where(-1, null, a.facilityCode()));
            List<Violation> v = state.check(id, cell.id());
            if (v.isEmpty()) {
                state.move(id, cell.id());
            } else {
                refused.add(Map.of("row", i + 1, "cell", cell.code(), "violations", v));
                v.forEach(x -> reasons.add(x.message()));
            }
        }
        if (!refused.isEmpty()) {
            throw new ConflictException(ErrorCode.HOUSING_RULE,
                    "Booking into the cell breaks housing rules; nobody was admitted: "
                    + String.join("; ", reasons.stream().sorted().toList())
                    + " (admit to reception and place with a plan or a move)", Map.of("refused", refused));
        }
    }
}
