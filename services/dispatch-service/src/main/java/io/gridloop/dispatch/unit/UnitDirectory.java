package io.gridloop.dispatch.unit;

import io.gridloop.contracts.area.AreaCode;
import io.gridloop.contracts.event.AreaRegistered;
import io.gridloop.contracts.area.AreaLevel;
import io.gridloop.dispatch.routing.HandlingUnit;
import io.gridloop.dispatch.routing.RoutingDecision;
import io.gridloop.dispatch.routing.RoutingRule;
import io.gridloop.dispatch.routing.RuleSet;
import io.gridloop.dispatch.routing.RuleTarget;
import io.gridloop.platform.security.Caller;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The unit directory (处置单位名录), stored in MongoDB so every instance reads the same one. Centres follow the
 * grid registry (one per area, and the city's above its districts); departments come from the routing rules —
 * every department a rule names, for each district the rule covers — and from administrators, who also retire
 * them. What an administrator set is never overwritten by a seed.
 */
@Repository
public class UnitDirectory implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(UnitDirectory.class);
    static final String COLLECTION = "units";

    /** Where an entry came from: the grid registry, the routing rules' seed, or an administrator. */
    enum Origin { REGISTRY, RULES, ADMIN }

    /** A stored entry: {@code _id} is the unit's code. */
    record StoredUnit(String id, String name, UnitKind kind, AreaLevel level, String areaCode, boolean active,
                      Origin origin, Instant updatedAt, String updatedBy, Integer feedbackPhotos,
                      List<Member> members) {

        Unit unit() {
            return new Unit(id, name, kind, level, areaCode, active, feedbackPhotos == null ? 0 : feedbackPhotos,
                    members);
        }
    }

    public record Page(int page, int size, long total, List<Unit> items) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    UnitDirectory(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index("areaCode", Sort.Direction.ASC));
    }

    /**
     * {@code unit} as the directory names it: the rules and the escalation ladder know a centre only by its
     * area's code (赛罕区街道（乡镇）网格化服务管理中心 150105001); the directory has the registry's name
     * (人民西路街道网格化服务管理中心). Unchanged if the directory does not know the unit.
     */
    public HandlingUnit named(HandlingUnit unit) {
        return find(unit.code()).map(u -> new HandlingUnit(unit.code(), u.name(), unit.level())).orElse(unit);
    }

    public RoutingDecision named(RoutingDecision decision) {
        return new RoutingDecision(named(decision.unit()), decision.rule());
    }

    public Optional<Unit> find(String code) {
        return Optional.ofNullable(mongo.findById(code, StoredUnit.class, COLLECTION)).map(StoredUnit::unit);
    }

    /**
     * The active units that may take cases of {@code gridCode} — the centres of its own areas, the departments
     * of its district and city — of {@code level} if given, lowest level first.
     */
    public List<Unit> serving(String gridCode, AreaLevel level) {
        Set<String> areas = new LinkedHashSet<>(above(gridCode));
        areas.add(gridCode);
        Criteria where = Criteria.where("areaCode").in(areas).and("active").is(true);
        if (level != null) {
            where = where.and("level").is(level);
        }
        return mongo.find(Query.query(where), StoredUnit.class, COLLECTION).stream().map(StoredUnit::unit)
                .sorted(Comparator.comparing(Unit::level).thenComparing(Unit::kind)
                        .thenComparing(Unit::code))
                .toList();
    }

    /**
     * A page of the units a caller deals with — those inside the caller's areas and those above them (their city,
     * the installation's) — filtered as asked, by code.
     */
    public Page list(Caller caller, String area, AreaLevel level, UnitKind kind, Boolean active, String text,
                     int page, int size) {
        List<Criteria> where = new ArrayList<>();
        if (!caller.areas().contains(Caller.WHOLE_COUNTRY)) {
            List<Criteria> reach = new ArrayList<>();
            for (String mine : caller.areas()) {
                reach.add(Criteria.where("areaCode").regex("^" + Pattern.quote(mine)));
                reach.add(Criteria.where("areaCode").in(above(mine)));
            }
            where.add(new Criteria().orOperator(reach));
        }
        if (area != null && !area.isBlank()) {
            where.add(Criteria.where("areaCode").regex("^" + Pattern.quote(area)));
        }
        if (level != null) {
            where.add(Criteria.where("level").is(level));
        }
        if (kind != null) {
            where.add(Criteria.where("kind").is(kind));
        }
        if (active != null) {
            where.add(Criteria.where("active").is(active));
        }
        if (text != null && !text.isBlank()) {
            where.add(Criteria.where("name").regex(Pattern.quote(text.strip())));
        }
        Query query = where.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(where));
        long total = mongo.count(query, COLLECTION);
        List<Unit> items = mongo.find(query.with(Sort.by("_id")).skip((long) page * size).limit(size),
                StoredUnit.class, COLLECTION).stream().map(StoredUnit::unit).toList();
        return new Page(page, size, total, items);
    }

    /** The areas above {@code area} whose units serve it: its district, its city, the whole installation. */
    private static List<String> above(String area) {
        List<String> codes = new ArrayList<>(List.of(""));
        for (Optional<AreaCode> up = AreaCode.parse(area).flatMap(AreaCode::parent); up.isPresent();
             up = up.get().parent()) {
            codes.add(up.get().value());
        }
        return codes;
    }

    /**
     * Keeps the centre of a registry area as the registry says (name, active), and for a district also its
     * city's centre and the departments the rules name for it.
     */
    public void learn(AreaRegistered area, RuleSet rules) {
        Instant now = clock.instant();
        UnitKind kind = UnitKind.centreOf(area.level());
        mongo.upsert(Query.query(Criteria.where("_id").is(area.code())), new Update()
                .set("name", centreName(area))
                .set("kind", kind)
                .set("level", area.level())
                .set("areaCode", area.code())
                .set("active", area.active())
                .set("origin", Origin.REGISTRY)
                .set("updatedAt", now)
                .set("areaName", area.name())
                .set("updatedBy", "grid-registry"), COLLECTION);
        if (area.level() == AreaLevel.DISTRICT) {
            String city = AreaCode.of(area.code()).city().value();
            seed(new StoredUnit(city, "市网格化服务管理中心（" + city + "）", UnitKind.CITY_CENTRE, AreaLevel.CITY,
                    city, true, Origin.REGISTRY, now, "grid-registry", null, null));
            seedDepartments(area.code(), area.name(), rules);
        }
    }

    /**
     * Adds what a new rule set names and the directory lacks: its departments for every district known, and its
     * fixed units.
     */
    public void seedFrom(RuleSet rules) {
        // Raw documents: the district's own name is kept beside its centre's as the registry gave it.
        for (Document district : mongo.find(Query.query(Criteria.where("kind").is(UnitKind.DISTRICT_CENTRE)),
                Document.class, COLLECTION)) {
            seedDepartments(district.getString("_id"), district.getString("areaName"), rules);
        }
        for (RoutingRule rule : rules.rules()) {
            RuleTarget t = rule.target();
            if (t.kind() == RuleTarget.Kind.UNIT) {
                seed(new StoredUnit(t.code(), t.name(), UnitKind.DEPARTMENT, t.level(), rule.area(), true,
                        Origin.RULES, clock.instant(), "routing-rules", null, null));
            }
        }
    }

    private void seedDepartments(String districtCode, String districtName, RuleSet rules) {
        for (RoutingRule rule : rules.rules()) {
            RuleTarget t = rule.target();
            if (t.kind() == RuleTarget.Kind.DEPARTMENT && rule.reaches(districtCode)) {
                seed(new StoredUnit(t.departmentCode(districtCode), districtName + t.name(),
                        UnitKind.DEPARTMENT, AreaLevel.DISTRICT, districtCode, true, Origin.RULES,
                        clock.instant(), "routing-rules", null, null));
            }
        }
    }

    /** Stores {@code unit} unless an entry of its code exists: a seed never overwrites. */
    private void seed(StoredUnit unit) {
        Update onlyIfNew = new Update()
                .setOnInsert("name", unit.name())
                .setOnInsert("kind", unit.kind())
                .setOnInsert("level", unit.level())
                .setOnInsert("areaCode", unit.areaCode())
                .setOnInsert("active", unit.active())
                .setOnInsert("origin", unit.origin())
                .setOnInsert("updatedAt", unit.updatedAt())
                .setOnInsert("updatedBy", unit.updatedBy());
        if (mongo.upsert(Query.query(Criteria.where("_id").is(unit.id())), onlyIfNew, COLLECTION)
                .getUpsertedId() != null) {
            log.debug("Unit directory: added {} {}", unit.id(), unit.name());
        }
    }

    /** Stores a department as an administrator set it; the people registered for it stay. */
    public Unit saveDepartment(Unit unit, String by) {
        mongo.upsert(Query.query(Criteria.where("_id").is(unit.code())), new Update()
                .set("name", unit.name())
                .set("kind", UnitKind.DEPARTMENT)
                .set("level", unit.level())
                .set("areaCode", unit.areaCode())
                .set("active", unit.active())
                .set("origin", Origin.ADMIN)
                .set("updatedAt", clock.instant())
                .set("updatedBy", by)
                .set("feedbackPhotos", unit.feedbackPhotos()), COLLECTION);
        log.info("Unit directory: {} {} saved by {} (active: {})", unit.code(), unit.name(), by, unit.active());
        return find(unit.code()).orElse(unit);
    }

    /** Registers the people working for a unit (replacing the list); the unit itself is as it was. */
    public Unit saveMembers(String code, List<Member> members, String by) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(code)), new Update().set("members", members)
                .set("updatedAt", clock.instant()).set("updatedBy", by), COLLECTION);
        log.info("Unit directory: {} has {} members, saved by {}", code, members.size(), by);
        return find(code).orElseThrow();
    }

    private static String centreName(AreaRegistered area) {
        return switch (area.level()) {
            case GRID -> area.name();
            case COMMUNITY -> area.name() + "网格工作站";
            case STREET, DISTRICT, CITY -> area.name() + "网格化服务管理中心";
        };
    }

}
