package dev.chikuden.ems.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chikuden.ems.cycle.CycleSnapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The writer's queue against a plain model of drop-oldest, over any mix of appends and takes. */
class CycleQueuePropertiesTest {
    /**
     * @param steps a positive step appends that many cycles, a negative one takes up to that many
     */
    @Property
    void behavesAsADropOldestQueueAndLosesNothingUncounted(
            @ForAll @IntRange(min = 1, max = 8) int capacity,
            @ForAll @Size(max = 40) List<@IntRange(min = -10, max = 10) Integer> steps)
            throws InterruptedException {
        CycleQueue queue = new CycleQueue(capacity);
        ArrayDeque<Long> model = new ArrayDeque<>();
        long modelDropped = 0;
        long offered = 0;
        List<Long> taken = new ArrayList<>();
        for (int step : steps) {
            for (int i = 0; i < step; i++) {
                offered++;
                queue.offer(SyntheticCycles.cycle(offered, 1_000));
                if (model.size() == capacity) {
                    model.removeFirst();
                    modelDropped++;
                }
                model.addLast(offered);
            }
            List<CycleSnapshot> batch = new ArrayList<>();
            queue.drainTo(batch, Math.max(0, -step));
            for (CycleSnapshot s : batch) {
                taken.add(s.cycle());
                assertThat(s.cycle()).isEqualTo(model.removeFirst());
            }
        }
        assertThat(queue.dropped()).isEqualTo(modelDropped);
        List<Long> left = new ArrayList<>();
        for (CycleSnapshot s = queue.poll(0); s != null; s = queue.poll(0)) {
            left.add(s.cycle());
        }
        assertThat(left).containsExactlyElementsOf(model);
        assertThat(taken.size() + left.size() + queue.dropped()).isEqualTo(offered);
    }
}
