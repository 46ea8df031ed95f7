package io.gridloop.stats.areas;

import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.stats.counting.AreaRef;
import io.gridloop.stats.generations.CountFollower;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every area statistics have seen a case in ({@code stat_areas}, {@code _id} = area code), so drill-down lists
 * an area in every period, also the periods it had nothing in. Held in memory (a city has a few thousand
 * areas) and written only when an area is new or learns its name.
 */
@Component
public class KnownAreas implements CountFollower {

    static final String COLLECTION = "stat_areas";

    private final MongoTemplate mongo;
    private final Map<String, AreaRef> byCode = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    KnownAreas(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A case is counted in {@code area}: an area seen for the first time is remembered. */
    @Override
    public void counting(AreaRef area) {
        remember(area);
    }

    /** @return whether the area was new, or got a new name */
    public boolean remember(AreaRef area) {
        load();
        if (knows(area)) {
            return false;
        }
        // The counting (areas without names) and the registry listener (with names) learn areas on different
        // threads: one at a time, or a nameless copy can replace the named one that arrived a moment earlier.
        synchronized (this) {
            if (knows(area)) {
                return false;
            }
            AreaRef known = byCode.get(area.code());
            Update update = new Update().setOnInsert("level", area.level().name())
                    .setOnInsert("parent", area.parentCode());
            if (area.name() != null) {
                update.set("name", area.name());
            }
            mongo.upsert(Query.query(Criteria.where("_id").is(area.code())), update, COLLECTION);
            byCode.put(area.code(), area.name() == null && known != null ? known : area);
            return true;
        }
    }

    private boolean knows(AreaRef area) {
        AreaRef known = byCode.get(area.code());
        return known != null && (area.name() == null || Objects.equals(known.name(), area.name()));
    }

    public Optional<AreaRef> get(String code) {
        load();
        return Optional.ofNullable(byCode.get(code));
    }

    /** Areas of {@code level} under {@code ancestor} (any level up; absent for all), by code. */
    public List<AreaRef> at(AreaLevel level, String ancestor) {
        load();
        return byCode.values().stream()
                .filter(a -> a.level() == level)
                .filter(a -> ancestor == null || a.code().startsWith(ancestor) || isUnder(a, ancestor))
                .sorted(Comparator.comparing(AreaRef::code))
                .toList();
    }

    private boolean isUnder(AreaRef area, String ancestor) {
        AreaRef at = area;
        for (int guard = 0; at != null && guard < 6; guard++) {
            if (ancestor.equals(at.parentCode())) {
                return true;
            }
            at = at.parentCode() == null ? null : byCode.get(at.parentCode());
        }
        return false;
    }

    private void load() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (loaded) {
                return;
            }
            for (Document d : mongo.getCollection(COLLECTION).find()) {
                AreaLevel.parse(d.getString("level")).ifPresent(level -> byCode.putIfAbsent(d.getString("_id"),
                        new AreaRef(level, d.getString("_id"), d.getString("name"), d.getString("parent"))));
            }
            loaded = true;
        }
    }
}
