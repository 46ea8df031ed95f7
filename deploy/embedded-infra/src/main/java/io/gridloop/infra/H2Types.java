package io.gridloop.infra;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.Map;

/**
 * How the H2 store handles mongo-java-server's documents and index keys, without Java serialisation where H2
 * would use it only to compare or to guess a size. H2's default type serialises any object it does not know
 * to estimate its memory — every document, on every write — and to compare two index keys, at every step of
 * every index lookup; the profile of the closed loop put that at the top of the database's costs.
 *
 * <p>Documents reach the file as BSON behind a marker byte H2 never writes first; anything else, and every page
 * written before, is in H2's own encoding, so stores written before still open.
 */
final class H2Types {

    /** Starts a document stored as BSON; H2's own encoding starts with a tag of at most 119. */
    static final byte BSON = (byte) 0xB5;
    /** Where the backend notes how its index keys are ordered ({@link IndexKeys} or H2's serialised order). */
    static final String STORE_INFO = "gridloop.store";
    static final String KEY_ORDER = "indexKeyOrder";

    private H2Types() {
    }

    /**
     * The types of the store's map {@code name}, as the backend opens it: a collection's documents, a unique
     * index's keys (by value, or as serialised in stores from before), or H2's defaults for the rest. Everything
     * that opens or copies the store's maps asks here, so a map is never read with types it was not written with.
     */
    static MVMap.Builder<Object, Object> of(String name, boolean keysByValue) {
        if (name.startsWith("databases.")) {
            return new MVMap.Builder<>().keyType(new ObjectDataType()).valueType(new Documents());
        }
        if (name.contains("._index_")) {
            return new MVMap.Builder<>().keyType(keysByValue ? new IndexKeys() : new Documents())
                    .valueType(new ObjectDataType());
        }
        return new MVMap.Builder<>();
    }

    /**
     * Documents of a collection and keys of its indexes, in H2's encoding and H2's order, with a size guessed
     * from their shape.
     */
    static class Documents extends ObjectDataType {

        /**
         * A document as BSON, by mongo-java-server's own encoder (the one its wire protocol uses, so every value a
         * document can hold round-trips): several times cheaper than the Java serialisation H2 would use, and
         * smaller.
         */
        @Override
        public void write(WriteBuffer buff, Object obj) {
            if (!(obj instanceof Document document)) {
                super.write(buff, obj);
                return;
            }
            ByteBuf bson = Unpooled.buffer(256);
            try {
                BsonEncoder.encodeDocument(document, bson);
                buff.put(BSON);
                buff.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
            } finally {
                bson.release();
            }
        }

        @Override
        public Object read(ByteBuffer buff) {
            if (buff.get(buff.position()) != BSON) {
                return super.read(buff);
            }
            buff.get();
            // A BSON document starts with its length, little-endian, the length itself included.
            int length = buff.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
            ByteBuf bson = Unpooled.wrappedBuffer(buff.slice(buff.position(), length));
            buff.position(buff.position() + length);
            return BsonDecoder.decodeBson(bson);
        }

        @Override
        public int getMemory(Object value) {
            return switch (value) {
                case Document d -> 48 + estimate(d);
                case KeyValue key -> 32 + key.size() * 48;
                default -> super.getMemory(value);
            };
        }

        private static int estimate(Object value) {
            return switch (value) {
                case Map<?, ?> map -> {
                    int size = 64;
                    for (Map.Entry<?, ?> e : map.entrySet()) {
                        size += 48 + estimate(e.getKey()) + estimate(e.getValue());
                    }
                    yield size;
                }
                case Collection<?> list -> {
                    int size = 48;
                    for (Object element : list) {
                        size += 8 + estimate(element);
                    }
                    yield size;
                }
                case String s -> 40 + s.length();
                case null -> 0;
                default -> 24;
            };
        }
    }

    /**
     * Keys of a unique index, ordered by their values as MongoDB orders them instead of by their serialised
     * bytes. A B-tree must be read in the order it was written in, so only stores created with this order use
     * it ({@link IdFirstBackends}).
     */
    static final class IndexKeys extends Documents {

        private static final ValueComparator VALUES = ValueComparator.asc();

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue x && b instanceof KeyValue y) {
                if (x.size() != y.size()) {
                    return Integer.compare(x.size(), y.size());
                }
                for (int i = 0; i < x.size(); i++) {
                    int c = VALUES.compare(x.get(i), y.get(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            }
            return super.compare(a, b);
        }
    }
}
