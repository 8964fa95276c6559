package org.custodia.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.custodia.estate.FacilityKind;
import org.custodia.estate.LocationKind;
import org.custodia.estate.NewFacility;
import org.custodia.estate.NewLocation;

/**
 * The demo estate, after the public figures in shared/reference/facility.md: a mega-prison of 8 two-level
 * pavilions with cells of 70 certified places (declared capacity 40,000), 12 punishment cells of 2 m², and four
 * smaller facilities whose populations run at 150-250% of their declared capacity.
 */
record DemoEstate(NewFacility facility, List<Pavilion> pavilions, List<NewLocation> locations, int population,
                  boolean women) {

    record Pavilion(String code, String name, int levels) {
    }

    static final String MEGA = "CECOT";
    /** The mega-prison received its first people on this day; everyone held there was admitted since. */
    static final LocalDate MEGA_OPENED = LocalDate.of(2023, 2, 24);

    /** The first day people were admitted here (null: earlier than any arrest in the demo). */
    LocalDate opened() {
        return facility.code().equals(MEGA) ? MEGA_OPENED : null;
    }

    static List<DemoEstate> all(int megaPopulation, double scale) {
        List<DemoEstate> out = new ArrayList<>();
        out.add(mega(megaPopulation));
        out.add(dormitories("LAESPERANZA", "Centro Penal La Esperanza", FacilityKind.PENITENTIARY, scaled(1200, scale),
                2.30, false));
        out.add(dormitories("APANTEOS", "Centro Penal de Apanteos", FacilityKind.PENITENTIARY, scaled(1000, scale),
                2.50, false));
        out.add(dormitories("IZALCO", "Centro Penal de Izalco", FacilityKind.PENITENTIARY, scaled(900, scale), 1.80,
                false));
        out.add(dormitories("ILOPANGO", "Centro de Readaptación para Mujeres de Ilopango", FacilityKind.WOMEN,
                scaled(600, scale), 1.50, true));
        return out;
    }

    private static int scaled(int n, double scale) {
        return Math.max(50, (int) Math.round(n * scale / 25.0) * 25);
    }

    private static DemoEstate mega(int population) {
        List<Pavilion> pavilions = new ArrayList<>();
        List<NewLocation> locations = new ArrayList<>();
        for (int p = 1; p <= 8; p++) {
            String pav = "M" + p;
            pavilions.add(new Pavilion(pav, "Módulo " + p, 2));
            for (int level = 1; level <= 2; level++) {
                for (int c = 1; c <= 36; c++) {
                    // About 96 m² for 70 people on three-tier metal bunks: 1.37 m² each.
                    locations.add(new NewLocation(pav, String.format("%s-N%d-C%02d", pav, level, c), LocationKind.CELL,
                            level, new BigDecimal("96.00"), 70, 72));
                }
            }
        }
        for (int i = 1; i <= 12; i++) {
            locations.add(new NewLocation(null, String.format("AISL-%02d", i), LocationKind.PUNISHMENT, 1,
                    new BigDecimal("2.00"), 1, 0));
        }
        common(locations, 6, 40, 8);
        return new DemoEstate(new NewFacility(MEGA, "Centro de Confinamiento del Terrorismo",
                FacilityKind.MAXIMUM_SECURITY, "SV", 40_000), pavilions, locations, population, false);
    }

    private static DemoEstate dormitories(String code, String name, FacilityKind kind, int declared, double occupancy,
                                          boolean women) {
        List<Pavilion> pavilions = new ArrayList<>();
        List<NewLocation> locations = new ArrayList<>();
        int cells = declared / 25;
        int perPavilion = (cells + 3) / 4;
        int made = 0;
        for (int p = 1; p <= 4 && made < cells; p++) {
            String pav = "P" + p;
            pavilions.add(new Pavilion(pav, "Sector " + p, 1));
            for (int c = 1; c <= perPavilion && made < cells; c++, made++) {
                locations.add(new NewLocation(pav, String.format("%s-C%02d", pav, c), LocationKind.CELL, 1,
                        new BigDecimal("60.00"), 25, 25));
            }
        }
        common(locations, 1, 10, 2);
        return new DemoEstate(new NewFacility(code, name, kind, "SV", declared), pavilions, locations,
                (int) Math.round(declared * occupancy), women);
    }

    private static void common(List<NewLocation> l, int hearingRooms, int medicalBeds, int yards) {
        l.add(new NewLocation(null, "RECEPCION", LocationKind.RECEPTION, 1, new BigDecimal("150.00"), null, 0));
        l.add(new NewLocation(null, "ENFERMERIA", LocationKind.MEDICAL, 1, new BigDecimal("200.00"), medicalBeds,
                medicalBeds));
        for (int i = 1; i <= hearingRooms; i++) {
            l.add(new NewLocation(null, "SALA-AUD-" + i, LocationKind.HEARING_ROOM, 1, new BigDecimal("20.00"), null,
                    0));
        }
        // exercise in the open air (MANDELA-23), work and visits: places movements out of the cell go to
        for (int i = 1; i <= yards; i++) {
            l.add(new NewLocation(null, "PATIO-" + i, LocationKind.EXERCISE_YARD, 1, new BigDecimal("400.00"), null,
                    0));
        }
        l.add(new NewLocation(null, "TALLER-1", LocationKind.WORKSHOP, 1, new BigDecimal("300.00"), null, 0));
        l.add(new NewLocation(null, "VISITAS", LocationKind.VISITS_ROOM, 1, new BigDecimal("120.00"), null, 0));
        l.add(new NewLocation(null, "TRIBUNAL", LocationKind.COURT, null, null, null, null));
        l.add(new NewLocation(null, "HOSPITAL", LocationKind.HOSPITAL, null, null, null, null));
        l.add(new NewLocation(null, "TRASLADO", LocationKind.TRANSIT, null, null, null, null));
    }
}
