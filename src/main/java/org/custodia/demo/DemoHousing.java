package org.custodia.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custodia.people.Admission;

/**
 * Where the demo population sleeps: each category (MANDELA-11: sex, untried or convicted, young adult or adult) in
 * cells of its own, as many cells as its share of the population, people spread evenly over them. A person's cell
 * is then lawful for a move into another cell of their category, as in a prison that keeps the rules.
 */
final class DemoHousing {
    private DemoHousing() {
    }

    /** The cell of each person (by index), from the facility's cells in order. */
    static long[] cells(List<Admission> people, List<Long> cells, LocalDate youngUntil) {
        Map<Integer, List<Integer>> byCategory = new TreeMap<>();
        for (int i = 0; i < people.size(); i++) {
            byCategory.computeIfAbsent(category(people.get(i), youngUntil), k -> new ArrayList<>()).add(i);
        }
        long[] out = new long[people.size()];
        if (byCategory.size() > cells.size()) {
            // fewer cells than categories: no way to keep them apart, so fill the cells in turn
            for (int i = 0; i < out.length; i++) {
                out[i] = cells.get(i % cells.size());
            }
            return out;
        }
        int[] share = shares(byCategory.values().stream().mapToInt(List::size).toArray(), cells.size(), people.size());
        int next = 0;
        int k = 0;
        for (List<Integer> members : byCategory.values()) {
            List<Long> own = cells.subList(next, next + share[k]);
            for (int j = 0; j < members.size(); j++) {
                out[members.get(j)] = own.get(j % own.size());
            }
            next += share[k++];
        }
        return out;
    }

    /** Cells per category in proportion to its people, at least one each, adding up to all the cells. */
    private static int[] shares(int[] sizes, int cells, int people) {
        int[] share = new int[sizes.length];
        int total = 0;
        for (int k = 0; k < sizes.length; k++) {
            share[k] = Math.max(1, (int) Math.round((double) cells * sizes[k] / people));
            total += share[k];
        }
        while (total != cells) {
            int k = largest(share, total > cells);
            share[k] += total > cells ? -1 : 1;
            total += total > cells ? -1 : 1;
        }
        return share;
    }

    private static int largest(int[] share, boolean shrinking) {
        int best = -1;
        for (int k = 0; k < share.length; k++) {
            if ((!shrinking || share[k] > 1) && (best < 0 || share[k] > share[best])) {
                best = k;
            }
        }
        return best;
    }

    private static int category(Admission a, LocalDate youngUntil) {
        boolean convicted = a.legalStatus().convicted();
        boolean young = a.dateOfBirth() != null && a.dateOfBirth().isAfter(youngUntil);
        return a.sex().ordinal() * 4 + (convicted ? 2 : 0) + (young ? 1 : 0);
    }
}
