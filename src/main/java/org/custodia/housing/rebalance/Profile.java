package org.custodia.housing.rebalance;

/**
 * What the rules need to know about one person, packed for speed: category key (sex, untried/convicted, young
 * adult, isolation cohort: people share a cell only with the same key), group bits, the groups they may not share
 * a cell or pavilion with, sex (ordinal), case numbers as sorted ints (co-defendants share one), the cell they are in.
 */
public record Profile(long personId, int key, long groups, long cellRivals, long pavilionRivals, int sex,
                      boolean sexByPavilion, int[] cases, Cell origin) {

    /** Whether two people could never lawfully share a cell. */
    public boolean clashesInCell(Profile o) {
        return key != o.key || (cellRivals & o.groups) != 0 || (o.cellRivals & groups) != 0;
    }

    public boolean sharesCase(Profile o) {
        int i = 0;
        int j = 0;
        while (i < cases.length && j < o.cases.length) {
            if (cases[i] == o.cases[j]) {
                return true;
            }
            if (cases[i] < o.cases[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }
}
