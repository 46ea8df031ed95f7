package io.gridloop.platform.security;

import io.gridloop.platform.problem.Refusal;
import io.gridloop.platform.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as the token says: their id, name, roles, the areas they act for and, for a handler, their unit.
 *
 * <p>Areas are area-code prefixes (GB/T 2260 and the grid code's digits): {@code 1501} is the whole city,
 * {@code 150105} 赛罕区, a 15-digit code one grid. {@value #WHOLE_COUNTRY} reaches everywhere. A caller without
 * areas reaches nothing.
 *
 * @param id     {@code preferred_username}, else {@code sub}
 * @param name   {@code name}, else the id
 * @param unit     {@code unit}: the handling unit a HANDLER works for ({@code 150105-WATER}, {@code 150105001}…)
 * @param channels {@code channel}: for a reporting channel's back end (REPORTER_APP), the report sources it
 *                 serves ({@code CITIZEN_PHOTO}, {@code AI_CAMERA}…), set on its client in the realm
 * @param client   {@code azp}: the application the token was issued to
 */
public record Caller(String id, String name, Set<Role> roles, List<String> areas, String unit,
                     List<String> channels, String client) {

    /** The area claim value that covers every area. */
    public static final String WHOLE_COUNTRY = "CN";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        areas = List.copyOf(areas);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code areaCode} (a district, street, community or grid code) lies inside one of the caller's areas. */
    public boolean covers(String areaCode) {
        if (areaCode == null || areaCode.isEmpty()) {
            return areas.contains(WHOLE_COUNTRY);
        }
        for (String area : areas) {
            if (area.equals(WHOLE_COUNTRY) || areaCode.startsWith(area)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the caller holds {@code role} and covers {@code areaCode}. */
    public boolean can(Role role, String areaCode) {
        return has(role) && covers(areaCode);
    }

    /** Whether the caller is a handler of exactly this unit. */
    public boolean handles(String unitCode) {
        return has(Role.HANDLER) && unit != null && unit.equals(unitCode);
    }

    /** Whether {@code area} could contain something the caller covers, e.g. a city for a district supervisor. */
    public boolean overlaps(String area) {
        if (area == null || area.isEmpty() || covers(area)) {
            return true;
        }
        return areas.stream().anyMatch(mine -> mine.startsWith(area));
    }

    /** The signed-in caller of the current request. */
    public static Caller current() {
        return find().orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                "未登录或登录已失效", "请先登录"));
    }

    /** The signed-in caller, if the current thread serves an authenticated request. */
    public static Optional<Caller> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth instanceof JwtAuthenticationToken token ? Optional.of(of(token.getToken())) : Optional.empty();
    }

    public static Caller of(Jwt jwt) {
        String id = firstText(jwt.getClaimAsString("preferred_username"), jwt.getSubject());
        String name = firstText(jwt.getClaimAsString("name"), id);
        return new Caller(id, name, roles(jwt.getClaims()), strings(jwt.getClaims().get("area")),
                jwt.getClaimAsString("unit"), strings(jwt.getClaims().get("channel")), jwt.getClaimAsString("azp"));
    }

    /** Roles from Keycloak's {@code realm_access.roles}, or a plain {@code roles} claim; unknown names are ignored. */
    static Set<Role> roles(Map<String, Object> claims) {
        List<String> names = new ArrayList<>();
        if (claims.get("realm_access") instanceof Map<?, ?> realm) {
            names.addAll(strings(realm.get("roles")));
        }
        names.addAll(strings(claims.get("roles")));
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String n : names) {
            for (Role r : Role.values()) {
                if (r.name().equals(n)) {
                    roles.add(r);
                }
            }
        }
        return roles;
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof String s) {
            return s.isBlank() ? List.of() : List.of(s.trim());
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(v -> v instanceof String s && !s.isBlank()).map(v -> ((String) v).trim())
                    .toList();
        }
        return List.of();
    }

    private static String firstText(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    /** 403: the caller is known but may not do this. */
    public static Refusal forbidden(String detail) {
        return Refusal.notAllowed("FORBIDDEN", "无权执行此操作", detail);
    }

    /** 403 for an area outside the caller's reach. */
    public static Refusal outsideArea(String areaCode) {
        return Refusal.notAllowed("OUTSIDE_AREA", "超出管辖范围",
                "无权访问区域 " + areaCode + " 的数据").with("areaCode", areaCode);
    }
}
