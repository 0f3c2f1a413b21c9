package io.otcrouter.loadgen;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CPU a run used: the load generator's own while offering and up to the drained point, and each stack process's
 * (where {@link StackMemory} can read it) from the start of the load to the end of the drain.
 */
final class CpuMeter {

    private final StackMemory memory;
    private final long cpuBefore = processCpuNanos();
    private final Map<String, Long> stackCpuBefore;
    private final long stackCpuSince;
    private long cpuAfterSend;
    private Map<String, Long> stackCpuAfter = Map.of();
    private long stackCpuUntil;
    private long ownCpu;

    private CpuMeter(StackMemory memory) {
        this.memory = memory;
        this.stackCpuBefore = memory.supported() ? memory.cpuTicksByProcess() : Map.of();
        this.stackCpuSince = System.nanoTime();
    }

    static CpuMeter start(StackMemory memory) {
        return new CpuMeter(memory);
    }

    /** Marks the end of the offering. */
    void offered() {
        cpuAfterSend = processCpuNanos();
    }

    /** Marks the end of the drain. */
    void drained() {
        stackCpuAfter = memory.supported() ? memory.cpuTicksByProcess() : Map.of();
        stackCpuUntil = System.nanoTime();
        ownCpu = processCpuNanos() - cpuBefore;
    }

    /** The load generator's CPU seconds while offering. */
    double offeringSeconds() {
        return (cpuAfterSend - cpuBefore) / 1e9;
    }

    String report(long trades) {
        return cpuReport(stackCpuBefore, stackCpuAfter, (stackCpuUntil - stackCpuSince) / 1e9, ownCpu / 1e9, trades);
    }

    /**
     * Where the CPU went from the start of the load to the end of the drain: seconds and milliseconds per accepted
     * trade for each kind of stack process, and how many of the machine's cores were busy on average. Linux counts
     * CPU time in ticks of 1/100 s (USER_HZ).
     */
    static String cpuReport(Map<String, Long> before, Map<String, Long> after, double seconds, double ownSeconds,
            long trades) {
        if (after.isEmpty() || seconds <= 0) {
            return "CPU by process: not measured";
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "CPU from first request to drained (%.1f s), ms per "
                + "accepted trade:", seconds));
        double total = 0;
        List<Map.Entry<String, Long>> used = new ArrayList<>();
        after.forEach((process, ticks) -> used.add(Map.entry(process, ticks - before.getOrDefault(process, 0L))));
        used.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        for (Map.Entry<String, Long> process : used) {
            double cpuSeconds = process.getValue() / 100.0;
            total += cpuSeconds;
            out.append(String.format(Locale.ROOT, " %s %.2f;", process.getKey(), perTrade(cpuSeconds, trades)));
        }
        out.append(String.format(Locale.ROOT, " stack total %.2f ms/trade (%.1f s, %.2f cores busy on average); load generator "
                        + "%.2f ms/trade (%.1f s)", perTrade(total, trades), total, total / seconds,
                perTrade(ownSeconds, trades), ownSeconds));
        return out.toString();
    }

    private static double perTrade(double cpuSeconds, long trades) {
        return trades == 0 ? 0 : cpuSeconds * 1000 / trades;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }
}
