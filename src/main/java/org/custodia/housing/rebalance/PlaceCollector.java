package org.custodia.housing.rebalance;

import ai.timefold.solver.core.api.score.stream.uni.UniConstraintCollector;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Collects the occupants of one place (a cell, a pavilion) into its figures incrementally: each occupant is added
 * as they stand (moved or not) and the returned action takes them out again when they change.
 */
record PlaceCollector<M extends PlaceCollector.Mix<R>, R>(Supplier<M> fresh)
        implements UniConstraintCollector<Occupant, M, R> {

    /** A place's running figures. */
    interface Mix<R> {
        Runnable add(Profile p, boolean moved);

        R result();
    }

    @Override
    public Supplier<M> supplier() {
        return fresh;
    }

    @Override
    public BiFunction<M, Occupant, Runnable> accumulator() {
        return (mix, o) -> mix.add(o.profile(), o.moved());
    }

    @Override
    public Function<M, R> finisher() {
        return Mix::result;
    }
}
