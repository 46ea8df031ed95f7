package io.gridloop.stats.generations;

import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Districts whose counts changed since their last published snapshot. */
@Component
public class DirtyDistricts {

    private final Set<String> codes = ConcurrentHashMap.newKeySet();

    public void mark(String districtCode) {
        codes.add(districtCode);
    }

    /** Takes the districts to publish; each is unmarked as it is taken. */
    public Set<String> drain() {
        Set<String> taken = ConcurrentHashMap.newKeySet();
        for (String code : codes) {
            if (codes.remove(code)) {
                taken.add(code);
            }
        }
        return taken;
    }
}
