package io.gridloop.stats.ledger;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import io.gridloop.contracts.area.AreaPath;
import io.gridloop.stats.counting.CaseFacts;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The case facts of a generation: one document per case ({@code _id} = case id), replaced only by newer facts (a
 * higher {@code sequence}), {@value Bulk#CHUNK} to a bulk write. The area path is stored flat, as the facts were
 * before the domain grouped it.
 */
@Component
class FactStore {

    private static final Logger log = LoggerFactory.getLogger(FactStore.class);
    private static final String AREA = "area";
    /** The area path's fields, stored beside the facts' own. */
    private static final List<String> AREA_FIELDS = Arrays.stream(AreaPath.class.getRecordComponents())
            .map(RecordComponent::getName).toList();

    private final MongoTemplate mongo;

    FactStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The stored facts of those of {@code caseIds} that have any, by case id. */
    Map<String, CaseFacts> load(Generation generation, List<String> caseIds) {
        Map<String, CaseFacts> out = new HashMap<>();
        for (Document d : mongo.getCollection(generation.facts()).find(Filters.in("_id", caseIds))) {
            Document area = new Document();
            AREA_FIELDS.forEach(f -> area.put(f, d.remove(f)));
            d.put(AREA, area);
            out.put(d.getString("_id"), mongo.getConverter().read(CaseFacts.class, d));
        }
        return out;
    }

    /** The fact writes of one batch. */
    Writes writes(Generation generation) {
        return new Writes(mongo.getCollection(generation.facts()));
    }

    final class Writes {

        private final MongoCollection<Document> facts;
        private final List<CaseFacts> pending = new ArrayList<>();
        private final List<WriteModel<Document>> writes = new ArrayList<>();

        private Writes(MongoCollection<Document> facts) {
            this.facts = facts;
        }

        /** Queues {@code after} to replace {@code before} (null: the case is new here). */
        void add(CaseFacts before, CaseFacts after) {
            Document doc = documentOf(after);
            pending.add(after);
            writes.add(before == null ? new InsertOneModel<>(doc)
                    : new ReplaceOneModel<>(newerThanStored(after), doc));
            if (writes.size() == Bulk.CHUNK) {
                flush();
            }
        }

        void flush() {
            if (writes.isEmpty()) {
                return;
            }
            if (!Bulk.write(facts, writes)) {
                pending.forEach(this::store);
            }
            pending.clear();
            writes.clear();
        }

        /**
         * Stores {@code after} unless the stored facts are as new or newer. Facts only move forward: a consumer
         * that lost its partition but still finishes a batch (its cells were refused by their offsets) cannot set
         * them back, and one whose batch reached further than another's wins over it.
         */
        private void store(CaseFacts after) {
            Document doc = documentOf(after);
            for (int attempt = 0; attempt < Bulk.ATTEMPTS; attempt++) {
                if (facts.replaceOne(newerThanStored(after), doc).getMatchedCount() == 1) {
                    return;
                }
                Document stored = facts.find(Filters.eq("_id", after.caseId()))
                        .projection(Projections.include("sequence")).first();
                if (stored != null) {
                    int at = stored.getInteger("sequence", 0);
                    if (at > after.sequence()) {
                        log.warn("Facts of case {} are at sequence {} already (ours: {}); keeping them",
                                after.caseId(), at, after.sequence());
                    }
                    return;  // as new as ours: this bulk write stored them before another write failed
                }
                try {
                    facts.insertOne(doc);
                    return;
                } catch (MongoWriteException e) {
                    if (!Bulk.isDuplicateKey(e)) {
                        throw e;
                    }
                }
            }
        }
    }

    private static Document newerThanStored(CaseFacts after) {
        return new Document("_id", after.caseId()).append("sequence", new Document("$lt", after.sequence()));
    }

    private Document documentOf(CaseFacts facts) {
        Document doc = new Document();
        mongo.getConverter().write(facts, doc);
        doc.remove("_class");
        doc.put("_id", facts.caseId());
        if (doc.remove(AREA) instanceof Document area) {
            doc.putAll(area);
        }
        return doc;
    }
}
