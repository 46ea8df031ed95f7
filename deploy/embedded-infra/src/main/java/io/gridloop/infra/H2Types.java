package io.gridloop.infra;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.type.ObjectDataType;

import java.util.Collection;
import java.util.Map;

/**
 * How the H2 store handles mongo-java-server's documents and index keys, without Java serialisation where H2
 * would use it only to compare or to guess a size. H2's default type serialises any object it does not know
 * to estimate its memory — every document, on every write — and to compare two index keys, at every step of
 * every index lookup; the profile of the closed loop put that at the top of the database's costs.
 *
 * <p>What reaches the file is unchanged: {@link #write} and {@link #read} are H2's own, so stores written
 * before this still open.
 */
final class H2Types {

    private H2Types() {
    }

    /**
     * Documents of a collection and keys of its indexes, in H2's encoding and H2's order, with a size guessed
     * from their shape.
     */
    static class Documents extends ObjectDataType {

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
