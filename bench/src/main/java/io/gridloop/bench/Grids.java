package io.gridloop.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The grids of the demo registry the local stack seeds intake with, by district. */
final class Grids {

    record Grid(String code, double latitude, double longitude) {
    }

    static final Map<String, List<Grid>> BY_DISTRICT = read();

    private static Map<String, List<Grid>> read() {
        Map<String, List<Grid>> grids = new LinkedHashMap<>();
        try (var in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                Grids.class.getClassLoader().getResourceAsStream("grid-registry/hohhot.csv")),
                StandardCharsets.UTF_8))) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",");
                if (f[0].length() == 15 && "ACTIVE".equals(f[2])) {
                    grids.computeIfAbsent(f[0].substring(0, 6), d -> new ArrayList<>())
                            .add(new Grid(f[0], Double.parseDouble(f[3]), Double.parseDouble(f[4])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return grids;
    }

    private Grids() {
    }
}
