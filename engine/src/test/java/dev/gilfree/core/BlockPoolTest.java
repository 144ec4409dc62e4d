package dev.gilfree.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Recycled blocks: reused only once nothing can reach them, cleared when zeros are asked for, size classes. */
@Isolated // counts process-wide pool events and forces collections
class BlockPoolTest {
    private static final long MB = 1L << 20;

    @Test
    void sizeClassesAreEighthsOfAPowerOfTwo() {
        assertEquals(MB, BlockPool.sizeClass(MB));
        assertEquals(MB + MB / 8, BlockPool.sizeClass(MB + 1));
        assertEquals(80 * MB, BlockPool.sizeClass(80_000_000)); // 10M float64: 76.3 MiB -> 80 MiB
        for (long b = MB; b < 300 * MB; b = b * 13 / 11 + 12345) {
            long c = BlockPool.sizeClass(b);
            assertTrue(c >= b && c <= b + b / 8, b + " -> " + c);
            assertEquals(c, BlockPool.sizeClass(c), "a class is its own class");
        }
    }

    /** Drops every strong reference the caller gave up, then waits until the pool got a block back. */
    private static void collectUntilPooled(long sizeClass) throws InterruptedException {
        for (int i = 0; i < 100 && BlockPool.idleBlocks(sizeClass) == 0; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(BlockPool.idleBlocks(sizeClass) > 0, "no block came back to the pool");
    }

    private static void fill(MemorySegment s, long value) {
        for (long i = 0; i < s.byteSize() / 8; i++) s.setAtIndex(ValueLayout.JAVA_LONG, i, value);
    }

    @Test
    void aDroppedBlockIsReusedAndZeroedWhenZerosAreAsked() throws InterruptedException {
        long bytes = 3 * MB + 8;
        fill(Storage.allocateUninitialized(bytes).segment(), -1L); // dropped at once
        collectUntilPooled(BlockPool.sizeClass(bytes));
        long reused = BlockPool.reusedCount();
        Storage again = Storage.allocate(bytes);
        assertTrue(BlockPool.reusedCount() > reused, "the dropped block was not reused");
        for (long i = 0; i < bytes / 8; i++) assertEquals(0L, again.segment().getAtIndex(ValueLayout.JAVA_LONG, i), "word " + i);
    }

    @Test
    void aLiveViewKeepsItsBlockFromBeingReused() throws InterruptedException {
        long bytes = 2 * MB;
        NDArray owner = NDArray.empty(DType.INT64, new long[]{bytes / 8});
        fill(owner.segment(), 0x5555_5555_5555_5555L);
        MemorySegment slice = owner.segment().asSlice(MB, 64); // what a view or an export holds
        owner = null;
        List<Storage> others = new ArrayList<>();
        for (int round = 0; round < 5; round++) { // churn: recycle whatever the pool gets back
            System.gc();
            Thread.sleep(20);
            for (int i = 0; i < 4; i++) {
                Storage s = Storage.allocateUninitialized(bytes);
                fill(s.segment(), -1L);
                others.add(s);
            }
            others.clear();
        }
        for (long i = 0; i < 8; i++) assertEquals(0x5555_5555_5555_5555L, slice.getAtIndex(ValueLayout.JAVA_LONG, i));
    }

    @Test
    void smallAllocationsAreNotPooled() {
        long fresh = BlockPool.freshCount(), reused = BlockPool.reusedCount();
        for (int i = 0; i < 100; i++) Storage.allocate(BlockPool.MIN_POOLED - 1);
        assertEquals(fresh, BlockPool.freshCount());
        assertEquals(reused, BlockPool.reusedCount());
    }

    @Test
    void smallArraysAreSlabSlicesThatOutliveTheirNeighbours() throws InterruptedException {
        Storage first = Storage.allocate(64), second = Storage.allocate(SmallBlocks.MAX);
        assertEquals(0, first.segment().address() % Storage.ALIGNMENT);
        assertEquals(0, second.segment().address() % Storage.ALIGNMENT);
        assertEquals(64, first.byteSize());
        assertEquals(SmallBlocks.MAX, second.byteSize());
        second.segment().fill((byte) 7);
        MemorySegment kept = first.segment();
        first = null;
        for (int i = 0; i < 3; i++) { // churn: new slabs, collections
            for (int j = 0; j < 100; j++) Storage.allocate(4096).segment().fill((byte) -1);
            System.gc();
            Thread.sleep(10);
        }
        for (long i = 0; i < 64; i++) assertEquals(0, kept.get(ValueLayout.JAVA_BYTE, i), "byte " + i);
        for (long i = 0; i < SmallBlocks.MAX; i += 512) assertEquals(7, second.segment().get(ValueLayout.JAVA_BYTE, i));
    }
}
