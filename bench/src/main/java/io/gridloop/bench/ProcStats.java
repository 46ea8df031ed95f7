package io.gridloop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** CPU time and resident memory of a process, from Linux's /proc (zero elsewhere). */
record ProcStats(double cpuSeconds, long rssBytes) {

    /** Clock ticks per second of /proc/<pid>/stat; 100 on every Linux this runs on. */
    private static final double TICKS = 100.0;

    static ProcStats of(long pid) {
        try {
            double cpu = cpuSeconds(Files.readString(Path.of("/proc/" + pid + "/stat")));
            long rss = 0;
            List<String> status = Files.readAllLines(Path.of("/proc/" + pid + "/status"));
            for (String line : status) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return new ProcStats(cpu, rss);
        } catch (IOException | RuntimeException e) {
            return new ProcStats(0, 0);
        }
    }

    /**
     * User and system CPU seconds from a {@code /proc/<pid>/stat} or {@code /proc/<pid>/task/<tid>/stat} line: the
     * 14th and 15th fields, counted after the command name (which may contain spaces and ends with ')').
     */
    static double cpuSeconds(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
    }

    /** The CPU used between two samples as cores busy on average over {@code seconds}. */
    static double coresBusy(ProcStats before, ProcStats after, double seconds) {
        return seconds <= 0 ? 0 : (after.cpuSeconds - before.cpuSeconds) / seconds;
    }
}
