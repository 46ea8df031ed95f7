package io.gridloop.intake.district;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The districts intake accepts reports for, resolved from the first six digits of a 15-digit grid code
 * (6 county + 3 street/town + 3 community/village + 3 grid sequence).
 *
 * <p>A stand-in until the grid registry: it knows districts, not individual grids, so any grid code under a
 * known district is accepted.
 *
 * @param districts district code → Chinese name; configurable because some areas (development zones) have no
 *                  county code of their own and each city assigns one
 */
@ConfigurationProperties("gridloop.intake")
public record DistrictDirectory(Map<String, String> districts) {

    public DistrictDirectory {
        districts = districts == null ? Map.of() : Map.copyOf(new TreeMap<>(districts));
    }

    public Optional<District> forGrid(String gridCode) {
        if (gridCode == null || gridCode.length() < 6) {
            return Optional.empty();
        }
        String code = gridCode.substring(0, 6);
        return Optional.ofNullable(districts.get(code)).map(name -> new District(code, name));
    }
}
