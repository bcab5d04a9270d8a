package lianshao.records;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: items submitted one at a time by concurrent callers are handled together, a group at a time, by
 * {@code work} (one transaction, one commit for the group), and each caller returns once its group is done. The
 * callers' own threads do the work: a caller whose item waits while fewer than {@code concurrentGroups} groups run
 * takes the oldest waiting items of one key (at most {@code maxItems}) and handles them, then goes on until its own
 * item is done. A caller alone is a group of one, handled at once: nothing waits for company.
 *
 * <p>An item whose {@code identity} a running group holds waits for that group to end: two concurrent groups writing
 * the same new identity would have the second wait on the first's unique-key lock until it commits, then fail on the
 * duplicate and run again whole; after the first group the item is a plain repost.
 *
 * <p>If a group of several fails, each of its items is handled again alone, so that one item's failure is only its own.
 * A failure that is not the items' but their surroundings' ({@code sharedFailure}: the database is unreachable) is not
 * tried again item by item: it fails the group and every item waiting at that moment at once, since they would meet
 * the same database; otherwise each waits behind a group's timeout and then its own, and an outage answers in
 * several timeouts instead of one.
 */
final class GroupCommit<I, O> {

    private final int concurrentGroups;
    private final int maxItems;
    private final Function<I, Object> key;
    private final Function<I, Object> identity;
    private final Function<List<I>, List<O>> work;
    private final IntConsumer groupSizes;
    private final Predicate<RuntimeException> sharedFailure;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Pending<I, O>> waiting = new ArrayDeque<>();
    private final Map<Object, Integer> inFlight = new HashMap<>();
    private int running;

    /**
     * @param key        items of different keys are never handled together
     * @param identity   what an item writes that another group must not write at the same time (null: nothing)
     * @param work       handles a group; returns one output per item, in the items' order
     * @param groupSizes told the size of every group handled (a metric)
     * @param sharedFailure failures of the surroundings, not of the items: they fail the group and the waiting items
     */
    GroupCommit(int concurrentGroups, int maxItems, Function<I, Object> key, Function<I, Object> identity,
            Function<List<I>, List<O>> work, IntConsumer groupSizes, Predicate<RuntimeException> sharedFailure) {
        if (concurrentGroups < 1 || maxItems < 1) {
            throw new IllegalArgumentException("concurrentGroups and maxItems must be at least 1");
        }
        this.concurrentGroups = concurrentGroups;
        this.maxItems = maxItems;
        this.key = key;
        this.identity = identity;
        this.work = work;
        this.groupSizes = groupSizes;
        this.sharedFailure = sharedFailure;
    }

    /** Handles the item in a group and returns its output, or throws what handling it alone threw. */
    O submit(I item) {
        Pending<I, O> mine = new Pending<>(item, key.apply(item), identity.apply(item));
        lock.lock();
        try {
            waiting.add(mine);
            while (!mine.done) {
                List<Pending<I, O>> group = running < concurrentGroups ? takeGroup() : List.of();
                if (!group.isEmpty()) {
                    running++;
                    lock.unlock();
                    try {
                        handle(group);
                    } finally {
                        lock.lock();
                        running--;
                        group.stream().map(p -> p.identity).filter(Objects::nonNull)
                                .forEach(id -> inFlight.computeIfPresent(id, (k, n) -> n > 1 ? n - 1 : null));
                        changed.signalAll();
                    }
                } else {
                    changed.awaitUninterruptibly();
                }
            }
        } finally {
            lock.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.output;
    }

    /**
     * The oldest waiting item and the next waiting items of its key, in the order they came, leaving out those whose
     * identity a running group holds; empty when every waiting item is held. Their identities are held until the group
     * ends.
     */
    private List<Pending<I, O>> takeGroup() {
        List<Pending<I, O>> group = new ArrayList<>();
        for (Iterator<Pending<I, O>> it = waiting.iterator(); it.hasNext() && group.size() < maxItems;) {
            Pending<I, O> next = it.next();
            if ((group.isEmpty() || Objects.equals(next.key, group.get(0).key))
                    && (next.identity == null || !inFlight.containsKey(next.identity))) {
                group.add(next);
                it.remove();
            }
        }
        group.stream().map(p -> p.identity).filter(Objects::nonNull).forEach(id -> inFlight.merge(id, 1, Integer::sum));
        return group;
    }

    /** Runs outside the lock; every item of the group is done when it returns. */
    private void handle(List<Pending<I, O>> group) {
        groupSizes.accept(group.size());
        RuntimeException shared = null;
        try {
            List<O> outputs = work.apply(group.stream().map(p -> p.item).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).output = outputs.get(i);
            }
        } catch (RuntimeException | Error thrown) {
            RuntimeException failure = thrown instanceof RuntimeException r ? r : new IllegalStateException(thrown);
            if (sharedFailure.test(failure)) {
                shared = failure;
                group.forEach(p -> p.failure = failure);
            } else if (group.size() == 1) {
                group.get(0).failure = failure;
            } else {
                for (Pending<I, O> p : group) {
                    handle(List.of(p));
                }
            }
        } finally {
            lock.lock();
            try {
                group.forEach(p -> p.done = true);
                if (shared != null) {
                    for (Pending<I, O> p; (p = waiting.poll()) != null;) {
                        p.failure = shared;
                        p.done = true;
                    }
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** An item and, once done, its output or failure (read and written under the lock or by its group's handler). */
    private static final class Pending<I, O> {
        final I item;
        final Object key;
        final Object identity;
        O output;
        RuntimeException failure;
        boolean done;

        Pending(I item, Object key, Object identity) {
            this.item = item;
            this.key = key;
            this.identity = identity;
        }
    }
}
