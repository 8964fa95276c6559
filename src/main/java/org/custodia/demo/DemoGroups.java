package org.custodia.demo;

import java.time.LocalDate;
import org.custodia.housing.AffiliationService.NewClaim;

/**
 * Affiliation claims for the demo population, laid out as the estate separates groups: in the mega-prison MS-13
 * holds modules 1-4, Barrio 18 Sureños 5-6, Revolucionarios 7, and module 8 those with no known group; in the
 * other men's prisons MS-13 the first two sectors, the two Barrio 18 factions one each. Three in four people of a
 * module carry its group's claim; most rest on observed marks or their own word, some on an intelligence report
 * with no evidence attached (the person page flags them).
 */
final class DemoGroups {
    private static final String[] MEGA = {"MS-13", "MS-13", "MS-13", "MS-13", "B18-SUR", "B18-SUR", "B18-REV", null};
    private static final String[] OTHER = {"MS-13", "MS-13", "B18-SUR", "B18-REV"};

    private DemoGroups() {
    }

    /** The group claimed for the i-th person of a facility in a cell of the pavilion at that index, or null. */
    static String of(String facility, int pavilionIndex, int i) {
        String[] layout = facility.equals(DemoEstate.MEGA) ? MEGA : OTHER;
        if (pavilionIndex < 0 || pavilionIndex >= layout.length || i % 4 == 3) {
            return null;
        }
        return layout[pavilionIndex];
    }

    static NewClaim claim(String group, long personId, LocalDate today) {
        LocalDate on = today.minusDays(30 + personId % 900);
        return switch ((int) (personId % 10)) {
            case 0, 1, 2, 3, 4 -> new NewClaim(group, "OBSERVED_MARKS",
                    "Registro fotográfico de tatuajes RF-" + personId, "HIGH", on);
            case 5, 6, 7 -> new NewClaim(group, "SELF_DECLARED", "Acta de ingreso, declaración del interno", "MEDIUM",
                    on);
            default -> new NewClaim(group, "INTELLIGENCE_REPORT", null, "LOW", on);
        };
    }
}
