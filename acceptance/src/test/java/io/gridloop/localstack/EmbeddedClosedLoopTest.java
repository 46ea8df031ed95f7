package io.gridloop.localstack;

import io.gridloop.infra.EmbeddedInfra;

/** The end-to-end scenario on the embedded default: a KRaft broker and a MongoDB-wire server in this JVM. */
class EmbeddedClosedLoopTest extends ClosedLoopScenario {

    @Override
    protected String bootstrapServers() {
        return EmbeddedInfra.shared().bootstrapServers();
    }

    @Override
    protected String mongoUri() {
        return EmbeddedInfra.shared().mongoUri();
    }
}
