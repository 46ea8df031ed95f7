package io.gridloop.stats.rebuild;

import io.gridloop.stats.generations.Generations;

/** Starts a recount of every figure into the next generation (统计重算), whichever engine counts. */
public interface RebuildStarter {

    /** The rebuild started; null if one is running already. */
    Generations.Rebuild start(String by);
}
