package io.gridloop.dispatch.rules;

import io.gridloop.platform.problem.Refusal;
import io.gridloop.contracts.catalogue.SubCategoryCatalogue;
import io.gridloop.dispatch.routing.RoutingRule;
import io.gridloop.dispatch.routing.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The routing rules as data: every change is a new version stored in MongoDB (never an edit of an old one),
 * validated against the sub-category catalogue before it is stored. The first start seeds version 1 from
 * {@code routing/default-rules.json}. Each instance keeps the current version in memory and looks for newer
 * ones every {@code gridloop.dispatch.routing.reload-interval}.
 */
@Service
public class RoutingRules implements InitializingBean, SchedulingConfigurer {

    private final java.time.Duration reloadInterval;

    private static final Logger log = LoggerFactory.getLogger(RoutingRules.class);
    static final String COLLECTION = "routing_rule_sets";
    static final String DEFAULTS = "routing/default-rules.json";

    /** A stored version: {@code _id} is the version number, so two concurrent saves cannot both win. */
    record StoredRuleSet(long id, List<RoutingRule> rules, String changedBy, Instant changedAt, String comment) {
    }

    private final MongoTemplate mongo;
    private final SubCategoryCatalogue catalogue;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AtomicReference<Versioned> current = new AtomicReference<>();

    /** The current rule set and who made it. */
    public record Versioned(RuleSet rules, StoredRuleSet stored) {
    }

    /** Published in each instance when it takes a new version up, its own or another instance's. */
    public record Changed(RuleSet rules) {
    }

    RoutingRules(MongoTemplate mongo, SubCategoryCatalogue catalogue, ApplicationEventPublisher events,
                 Clock clock, RoutingSettings settings) {
        this.reloadInterval = settings.reloadInterval();
        this.mongo = mongo;
        this.events = events;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        if (latest().isEmpty()) {
            List<RoutingRule> defaults = readDefaults();
            List<RuleSet.Problem> problems = RuleSet.validate(defaults, catalogue);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(DEFAULTS + " is invalid for the catalogue: " + problems);
            }
            try {
                mongo.insert(new StoredRuleSet(1, defaults, "system", clock.instant(), "默认分流规则"), COLLECTION);
                log.info("Seeded routing rules version 1 with {} rules", defaults.size());
            } catch (DuplicateKeyException anotherInstanceSeeded) {
                log.debug("Another instance seeded the routing rules first");
            }
        }
        reload();
    }

    /** Picks up versions stored by other instances. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::reload, reloadInterval, reloadInterval));
    }

    public void reload() {
        StoredRuleSet stored = latest().orElseThrow(() -> new IllegalStateException("no routing rules stored"));
        Versioned known = current.get();
        if (known == null || known.stored().id() != stored.id()) {
            Versioned now = new Versioned(new RuleSet(stored.id(), stored.rules()), stored);
            current.set(now);
            log.info("Routing rules now at version {} ({} rules)", stored.id(), stored.rules().size());
            events.publishEvent(new Changed(now.rules()));
        }
    }

    public Versioned current() {
        return current.get();
    }

    /**
     * Stores {@code rules} as the next version.
     *
     * @param basedOnVersion the version the administrator edited; if another change came first the save is
     *                       refused rather than silently undoing it
     */
    public Versioned replace(List<RoutingRule> rules, long basedOnVersion, String by, String comment) {
        List<RuleSet.Problem> problems = RuleSet.validate(rules, catalogue);
        if (!problems.isEmpty()) {
            throw Refusal.invalid("INVALID_ROUTING_RULES", "分流规则有误",
                    "分流规则未通过校验，共 " + problems.size() + " 处问题")
                    .with("errors", problems.stream().map(p -> Map.of("field", p.field(), "code", "Invalid",
                            "message", p.message())).toList());
        }
        long latest = latest().map(StoredRuleSet::id).orElse(0L);
        if (latest != basedOnVersion) {
            throw changedMeanwhile(basedOnVersion, latest);
        }
        StoredRuleSet next = new StoredRuleSet(latest + 1, List.copyOf(rules), by, clock.instant(), comment);
        try {
            mongo.insert(next, COLLECTION);
        } catch (DuplicateKeyException concurrentSave) {
            throw changedMeanwhile(basedOnVersion, latest + 1);
        }
        log.info("Routing rules version {} saved by {}: {} rules ({})", next.id(), by, rules.size(), comment);
        reload();
        return current();
    }

    public Optional<StoredRuleSet> version(long version) {
        return Optional.ofNullable(mongo.findById(version, StoredRuleSet.class, COLLECTION));
    }

    /** Newest first. */
    public List<StoredRuleSet> versions(int page, int size) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).skip((long) page * size)
                .limit(size), StoredRuleSet.class, COLLECTION);
    }

    public long count() {
        return mongo.count(new Query(), COLLECTION);
    }

    private Optional<StoredRuleSet> latest() {
        return Optional.ofNullable(mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1),
                StoredRuleSet.class, COLLECTION));
    }

    private static Refusal changedMeanwhile(long basedOn, long latest) {
        return Refusal.conflict("ROUTING_RULES_CHANGED", "分流规则已被他人修改",
                "修改基于第 " + basedOn + " 版，当前已是第 " + latest + " 版；请在最新版本上重新修改")
                .with("currentVersion", latest);
    }

    private static List<RoutingRule> readDefaults() {
        try (InputStream in = new ClassPathResource(DEFAULTS).getInputStream()) {
            return JsonMapper.builder().build().readValue(in, DefaultRules.class).rules();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS, e);
        }
    }

    private record DefaultRules(String description, List<RoutingRule> rules) {
    }
}
