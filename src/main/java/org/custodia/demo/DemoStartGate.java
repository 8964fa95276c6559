package org.custodia.demo;

import java.util.concurrent.CountDownLatch;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.stereotype.Component;

/**
 * Where a demo load started during start-up waits for the application: opening the demo accounts publishes events
 * (their ledger entries are written from them), so that step waits until the context is refreshed and every
 * listener is in place. If the application stops instead, or never finishes starting (a port taken), the load
 * gives up and rolls back rather than keep the process alive: this gate is stopped in a lifecycle phase before
 * the task executor's (which would otherwise wait 30 s for the waiting load), and on destroy as a last resort.
 */
@Component
class DemoStartGate implements ApplicationListener<ContextRefreshedEvent>, SmartLifecycle, DisposableBean {
    private final CountDownLatch refreshed = new CountDownLatch(1);
    private volatile boolean armed;
    private volatile boolean stopping;

    /** A load is under way that may wait here. */
    void arm() {
        armed = true;
    }

    /** The load runs before the context is refreshed (the tests): its listeners are already in place. */
    void open() {
        refreshed.countDown();
    }

    /** Waits for the refreshed context; throws when the application stops first. */
    void await() {
        try {
            refreshed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopped();
        }
        if (stopping) {
            throw stopped();
        }
    }

    /** Throws when the application is stopping: checked between batches of a load. */
    void check() {
        if (stopping) {
            throw stopped();
        }
    }

    private static IllegalStateException stopped() {
        return new IllegalStateException("The application stopped before the demo was loaded");
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        refreshed.countDown();
    }

    @Override
    public void stop() {
        stopping = true;
        refreshed.countDown();
    }

    @Override
    public void destroy() {
        stop();
    }

    @Override
    public void start() {
        // nothing to start: a load arms the gate when it begins
    }

    /** Running while a load may still wait here, so that a failed start stops it too. */
    @Override
    public boolean isRunning() {
        return armed && !stopping && refreshed.getCount() > 0;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
