package io.gridloop.stats.assessment;

import io.gridloop.platform.problem.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import io.gridloop.platform.config.InstallationSettings;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scoring rules of every programme as data: each change is a new version of its programme, validated before
 * it is stored and never edited afterwards, so a month already assessed can be scored again by the rules it was
 * scored by. The first start seeds version 1 of the installation's programme from {@code assessment/default-rules.json}.
 */
@Service
public class RuleBook implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(RuleBook.class);
    static final String COLLECTION = "assessment_rule_sets";
    static final String DEFAULTS = "assessment/default-rules.json";

    /**
     * A stored version; {@code _id} is programme and version, so two concurrent saves of one programme cannot both
     * win.
     */
    public record Version(String id, String programme, long version, ScoringRules rules, String changedBy,
                          Instant changedAt, String comment) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String installationArea;

    RuleBook(MongoTemplate mongo, Clock clock, InstallationSettings installation) {
        this.mongo = mongo;
        this.clock = clock;
        this.installationArea = installation.installationArea();
    }

    @Override
    public void afterPropertiesSet() {
        if (!versions(installationArea).isEmpty() || !installationArea.matches("\\d{4}|\\d{6}|\\d{9}")) {
            return;
        }
        ScoringRules defaults;
        try (InputStream in = new ClassPathResource(DEFAULTS).getInputStream()) {
            defaults = JsonMapper.builder().build().readValue(in, ScoringRules.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS, e);
        }
        defaults = new ScoringRules(installationArea, defaults.effectiveFrom(), defaults.baseScore(),
                defaults.qualifiedAt(), defaults.excellentAt(), defaults.rules());
        if (!defaults.problems().isEmpty()) {
            throw new IllegalStateException(DEFAULTS + " is invalid: " + defaults.problems());
        }
        try {
            mongo.insert(new Version(installationArea + "@1", installationArea, 1, defaults, "system",
                    clock.instant(), "默认考核赋分规则"), COLLECTION);
            log.info("Seeded the assessment rules of {} (version 1)", installationArea);
        } catch (DuplicateKeyException anotherInstanceSeeded) {
            log.debug("Another instance seeded the assessment rules first");
        }
    }

    /** The programme's versions, newest first. */
    public List<Version> versions(String programme) {
        return mongo.find(Query.query(Criteria.where("programme").is(programme))
                .with(Sort.by(Sort.Direction.DESC, "version")), Version.class, COLLECTION);
    }

    /**
     * Stores {@code rules} as the programme's next version.
     *
     * @param basedOnVersion the version the administrator edited (0 for a programme's first); if another change
     *                       came first the save is refused rather than silently undoing it
     * @throws Refusal 422 {@code INVALID_ASSESSMENT_RULES} with {@code errors[]} naming each field
     */
    public Version save(ScoringRules rules, long basedOnVersion, String by, String comment) {
        List<ScoringRules.Problem> problems = rules.problems();
        if (!problems.isEmpty()) {
            throw Refusal.invalid("INVALID_ASSESSMENT_RULES", "考核赋分规则有误",
                            "考核赋分规则未通过校验，共 " + problems.size() + " 处问题")
                    .with("errors", problems.stream().map(p -> Map.of("field", p.field(), "code", "Invalid",
                            "message", p.message())).toList());
        }
        long latest = versions(rules.programme()).stream().mapToLong(Version::version).max().orElse(0);
        if (latest != basedOnVersion) {
            throw changedMeanwhile(basedOnVersion, latest);
        }
        Version next = new Version(rules.programme() + "@" + (latest + 1), rules.programme(), latest + 1, rules, by,
                clock.instant(), comment);
        try {
            mongo.insert(next, COLLECTION);
        } catch (DuplicateKeyException concurrentSave) {
            throw changedMeanwhile(basedOnVersion, latest + 1);
        }
        log.info("Assessment rules of {} version {} saved by {} ({})", rules.programme(), next.version(), by, comment);
        return next;
    }

    private static Refusal changedMeanwhile(long basedOn, long latest) {
        return Refusal.conflict("RULES_CHANGED_MEANWHILE", "考核规则已被他人修改",
                "您修改的是第 " + basedOn + " 版，期间已有第 " + latest + " 版；请刷新后在新版本上修改");
    }

    /**
     * The rules a worker of {@code areaCode} is scored by for {@code month}: of the most specific programme
     * covering the area (a street's over its district's over its city's) that has rules from that month or
     * before, the version with the latest start, the later version of the same start.
     */
    public Optional<Version> inForce(String areaCode, YearMonth month) {
        List<String> programmes = new ArrayList<>();
        for (int length : new int[] {9, 6, 4}) {
            if (areaCode.length() >= length) {
                programmes.add(areaCode.substring(0, length));
            }
        }
        List<Version> candidates = mongo.find(Query.query(Criteria.where("programme").in(programmes)), Version.class,
                COLLECTION);
        for (String programme : programmes) {
            Optional<Version> found = candidates.stream()
                    .filter(v -> v.programme().equals(programme) && !v.rules().effectiveFrom().isAfter(month))
                    .max(Comparator.comparing((Version v) -> v.rules().effectiveFrom())
                            .thenComparingLong(Version::version));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
