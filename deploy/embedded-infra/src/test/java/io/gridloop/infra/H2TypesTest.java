package io.gridloop.infra;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents go to H2 pages as BSON behind a marker; what H2 wrote before reads as it always did. */
class H2TypesTest {

    private final H2Types.Documents documents = new H2Types.Documents();

    private static Document aCase() {
        return new Document("_id", "c-1").append("state", "ROUTED").append("reworkCount", 2)
                .append("reportedAt", Instant.parse("2026-12-07T02:00:00Z"))
                .append("timeline", List.of(new Document("action", "report"), new Document("action", "route")));
    }

    @Test
    void shouldWriteADocumentAsBsonAndReadItBack() {
        WriteBuffer buffer = new WriteBuffer();
        documents.write(buffer, aCase());
        ByteBuffer written = buffer.getBuffer().flip();

        assertThat(written.get(0)).isEqualTo(H2Types.BSON);
        assertThat(documents.read(written)).isEqualTo(aCase());
        assertThat(written.hasRemaining()).as("read exactly the document's bytes").isFalse();
    }

    @Test
    void shouldReadADocumentH2SerialisedBefore() {
        WriteBuffer buffer = new WriteBuffer();
        new ObjectDataType().write(buffer, aCase());  // as pages written before hold them
        ByteBuffer written = buffer.getBuffer().flip();

        assertThat(written.get(0)).isNotEqualTo(H2Types.BSON);
        assertThat(documents.read(written)).isEqualTo(aCase());
    }

    @Test
    void shouldLeaveOtherValuesInH2sEncoding() {
        WriteBuffer buffer = new WriteBuffer();
        documents.write(buffer, "150105001");
        ByteBuffer written = buffer.getBuffer().flip();

        assertThat(new ObjectDataType().read(written.duplicate())).isEqualTo("150105001");
        assertThat(documents.read(written)).isEqualTo("150105001");
    }
}
