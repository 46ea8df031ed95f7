package io.gridloop.hotline.simulator;

import io.gridloop.contracts.hotline.Contact;
import io.gridloop.contracts.hotline.WorkOrder;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plausible 12345 work orders for the given grids: the calls a city hotline passes to the grid platform most,
 * with the deadlines hotlines set (emergencies 2 hours, utilities 24 hours, general 7 days).
 */
public final class OrderFactory {

    private record Kind(List<String> path, String text, String urgency, Duration deadline) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(List.of("城乡建设", "市政设施", "路灯"), "小区门口路灯连续几晚不亮，夜里出行不安全", "一般", Duration.ofDays(7)),
            new Kind(List.of("城乡建设", "市政设施", "井盖"), "人行道井盖破损塌陷，有行人险些踩空", "紧急", Duration.ofHours(2)),
            new Kind(List.of("城乡建设", "供水", "停水"), "楼栋从早上开始停水，没有接到通知", "一般", Duration.ofDays(1)),
            new Kind(List.of("城乡建设", "供暖", "暖气不热"), "暖气片不热，室温只有十五度", "一般", Duration.ofDays(1)),
            new Kind(List.of("环境保护", "噪声污染", "夜间施工"), "工地夜间施工噪音扰民，影响休息", "一般", Duration.ofDays(7)),
            new Kind(List.of("环境保护", "环境卫生", "垃圾清运"), "垃圾桶满溢多日无人清运，气味很大", "一般", Duration.ofDays(7)),
            new Kind(List.of("住房保障", "物业管理", "电梯故障"), "单元电梯停运三天，物业不予维修", "一般", Duration.ofDays(7)),
            new Kind(List.of("社会矛盾", "邻里纠纷", "楼上漏水"), "楼上漏水渗到我家，多次协商无果", "一般", Duration.ofDays(7)),
            new Kind(List.of("安全生产", "消防", "通道堵塞"), "楼道堆放大量杂物，堵塞消防通道", "紧急", Duration.ofDays(1)),
            new Kind(List.of("教育", "招生", "学位咨询"), "咨询孩子入学学位划片问题", "一般", Duration.ofDays(7)));

    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "赵", "黄");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final List<String> gridCodes;
    private final Random random;
    private final AtomicLong numbers = new AtomicLong();
    private final String prefix;

    /**
     * @param prefix keeps order numbers of separate runs apart, e.g. a run id
     */
    public OrderFactory(List<String> gridCodes, long seed, String prefix) {
        if (gridCodes.isEmpty()) {
            throw new IllegalArgumentException("no grids to send orders to");
        }
        this.gridCodes = List.copyOf(gridCodes);
        this.random = new Random(seed);
        this.prefix = prefix;
    }

    public synchronized WorkOrder next(Instant now) {
        Kind kind = KINDS.get(random.nextInt(KINDS.size()));
        String grid = gridCodes.get(random.nextInt(gridCodes.size()));
        String number = "GD" + DAY.format(now) + prefix + String.format("%06d", numbers.incrementAndGet());
        Contact contact = new Contact(SURNAMES.get(random.nextInt(SURNAMES.size())) + "先生",
                "13" + String.format("%09d", random.nextInt(1_000_000_000)), random.nextInt(10) == 0);
        return new WorkOrder(number, random.nextInt(10) < 8 ? "主办" : "转办", kind.path(), kind.text(),
                "网格 " + grid + " 附近", null, grid, contact, kind.urgency(), now.plus(kind.deadline()), now, null);
    }
}
