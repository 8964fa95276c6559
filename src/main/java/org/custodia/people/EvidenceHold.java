package org.custodia.people;

/**
 * A person whose records are held as evidence (a death in custody): corrections of identity, commitment or legal
 * status and new file entries are refused with {@code evidence-hold}. Answered by the oversight module.
 */
public interface EvidenceHold {
    boolean held(long personId);
}
