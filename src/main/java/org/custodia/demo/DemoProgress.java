package org.custodia.demo;

import org.springframework.stereotype.Component;

/** How far the demo load has come: read by the page and the health check while it runs, from other threads. */
@Component
class DemoProgress {
    enum Phase { READY, ESTATE, PEOPLE, FINISHING, FAILED }

    private volatile Phase phase = Phase.READY;
    private volatile int total;
    private volatile int loaded;

    void start(int people) {
        total = people;
        loaded = 0;
        phase = Phase.ESTATE;
    }

    void loaded(int people) {
        loaded += people; // one loading thread writes; readers only read
        phase = Phase.PEOPLE;
    }

    void finishing() {
        phase = Phase.FINISHING;
    }

    void done() {
        phase = Phase.READY;
    }

    void failed() {
        phase = Phase.FAILED;
    }

    Phase phase() {
        return phase;
    }

    /** Whether requests other than for the progress itself must wait. */
    boolean loading() {
        return phase != Phase.READY;
    }

    int total() {
        return total;
    }

    int loaded() {
        return loaded;
    }
}
