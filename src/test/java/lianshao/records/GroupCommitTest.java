package lianshao.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** Concurrent callers' items handled in groups, each caller getting its own output or failure. */
class GroupCommitTest {

    final List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());
    final List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());

    private Function<List<String>, List<String>> upperCase(CountDownLatch firstGroupMayEnd) {
        return items -> {
            groups.add(items);
            if (groups.size() == 1) {
                await(firstGroupMayEnd);
            }
            if (items.contains("down")) {
                throw new Outage();
            }
            if (items.contains("poison")) {
                throw new IllegalArgumentException("poison");
            }
            return items.stream().map(String::toUpperCase).toList();
        };
    }

    /** A failure of the surroundings (the database), not of an item. */
    static final class Outage extends RuntimeException {
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Submits each item from its own thread once the first (blocking) group runs, then lets that group end. */
    private List<CompletableFuture<String>> whileTheFirstGroupRuns(GroupCommit<String, String> commit, CountDownLatch release,
            List<String> items) throws Exception {
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> commit.submit("first"));
        while (groups.isEmpty()) {
            Thread.sleep(5);
        }
        List<CompletableFuture<String>> futures = new ArrayList<>();
        futures.add(first);
        for (String item : items) {
            futures.add(CompletableFuture.supplyAsync(() -> commit.submit(item)));
        }
        Thread.sleep(200); // every item queued behind the running group
        release.countDown();
        return futures;
    }

    @Test
    void aCallerAloneIsAGroupOfOneHandledAtOnce() {
        GroupCommit<String, String> commit = new GroupCommit<>(2, 100, s -> "k", s -> null, upperCase(new CountDownLatch(0)), sizes::add, Outage.class::isInstance);
        assertThat(commit.submit("a")).isEqualTo("A");
        assertThat(commit.submit("b")).isEqualTo("B");
        assertThat(groups).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void itemsThatWaitWhileAGroupRunsAreHandledTogetherAndEachCallerGetsItsOwnOutput() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String, String> commit = new GroupCommit<>(1, 100, s -> "k", s -> null, upperCase(release), sizes::add, Outage.class::isInstance);
        List<CompletableFuture<String>> futures = whileTheFirstGroupRuns(commit, release, List.of("b", "c", "d", "e"));

        assertThat(futures.stream().map(f -> f.join()).toList()).containsExactly("FIRST", "B", "C", "D", "E");
        assertThat(groups).hasSize(2);
        assertThat(groups.get(1)).containsExactlyInAnyOrder("b", "c", "d", "e");
        assertThat(sizes).containsExactly(1, 4);
    }

    @Test
    void groupsHoldOneKeyAndAtMostMaxItems() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String, String> commit = new GroupCommit<>(1, 2, s -> s.substring(0, 1), s -> null, upperCase(release), sizes::add, Outage.class::isInstance);
        List<CompletableFuture<String>> futures = whileTheFirstGroupRuns(commit, release, List.of("x1", "y1", "x2", "x3", "y2"));

        assertThat(futures.stream().map(f -> f.join()).toList()).containsExactly("FIRST", "X1", "Y1", "X2", "X3", "Y2");
        for (List<String> group : groups.subList(1, groups.size())) {
            assertThat(group).hasSizeLessThanOrEqualTo(2);
            assertThat(group.stream().map(s -> s.charAt(0)).distinct()).hasSize(1);
        }
        assertThat(groups.subList(1, groups.size()).stream().mapToInt(List::size).sum()).isEqualTo(5);
    }

    @Test
    void anItemWhoseIdentityARunningGroupHoldsWaitsForThatGroupWhileOthersGoOn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String, String> commit = new GroupCommit<>(2, 100, s -> "k", s -> s.substring(0, 1), upperCase(release),
                sizes::add, Outage.class::isInstance);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> commit.submit("a1"));
        while (groups.isEmpty()) {
            Thread.sleep(5);
        }
        CompletableFuture<String> again = CompletableFuture.supplyAsync(() -> commit.submit("a2"));
        CompletableFuture<String> other = CompletableFuture.supplyAsync(() -> commit.submit("b1"));

        assertThat(other.get(10, TimeUnit.SECONDS)).as("a second group runs beside the first").isEqualTo("B1");
        Thread.sleep(100);
        assertThat(again).as("the same identity waits for the group that holds it").isNotDone();
        release.countDown();
        assertThat(again.get(10, TimeUnit.SECONDS)).isEqualTo("A2");
        assertThat(first.join()).isEqualTo("A1");
        assertThat(groups).containsExactly(List.of("a1"), List.of("b1"), List.of("a2"));
    }

    @Test
    void oneFailingItemFailsOnlyItsOwnCaller() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String, String> commit = new GroupCommit<>(1, 100, s -> "k", s -> null, upperCase(release), sizes::add, Outage.class::isInstance);
        List<CompletableFuture<String>> futures = whileTheFirstGroupRuns(commit, release, List.of("b", "poison", "c"));

        assertThat(futures.get(1).join()).isEqualTo("B");
        assertThat(futures.get(3).join()).isEqualTo("C");
        assertThatThrownBy(() -> futures.get(2).join()).hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("poison");
        // the group of three failed as a whole and each of its items was then handled alone
        assertThat(groups.subList(1, groups.size())).contains(List.of("b"), List.of("poison"), List.of("c"));
    }

    @Test
    void aFailureOfACallerAloneIsThrownToIt() {
        GroupCommit<String, String> commit = new GroupCommit<>(2, 100, s -> "k", s -> null, upperCase(new CountDownLatch(0)), sizes::add, Outage.class::isInstance);
        assertThatThrownBy(() -> commit.submit("poison")).isInstanceOf(IllegalArgumentException.class);
        assertThat(commit.submit("after")).as("a failure leaves no slot taken").isEqualTo("AFTER");
    }

    @Test
    void aFailureOfTheSurroundingsFailsTheGroupAndTheWaitingItemsAtOnceWithoutTryingThemAgain() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String, String> commit = new GroupCommit<>(1, 100, s -> "k", s -> null, upperCase(release), sizes::add,
                Outage.class::isInstance);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> commit.submit("down"));
        while (groups.isEmpty()) {
            Thread.sleep(5);
        }
        List<CompletableFuture<String>> waiting = new ArrayList<>();
        for (String item : List.of("b", "c", "d")) {
            waiting.add(CompletableFuture.supplyAsync(() -> commit.submit(item)));
        }
        Thread.sleep(200);
        release.countDown();

        assertThatThrownBy(first::join).hasCauseInstanceOf(Outage.class);
        for (CompletableFuture<String> f : waiting) {
            assertThatThrownBy(f::join).hasCauseInstanceOf(Outage.class);
        }
        assertThat(groups).as("nothing handled after the outage was met").containsExactly(List.of("down"));
        assertThat(commit.submit("e")).as("the next item is tried again").isEqualTo("E");
    }
}
