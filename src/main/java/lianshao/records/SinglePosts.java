package lianshao.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

import lianshao.security.Binding;

/**
 * Records posted one at a time: concurrent posts of the same feed (source and binding) are stored and judged
 * together, as a batch is, in one transaction, and their replies read back with one pair of queries
 * ({@link GroupCommit}). Each request is answered after the commit of its group, as a batch's are. A post of an
 * identity that a running group is storing waits for that group (a feed that sends again before its first reply).
 */
@Component
class SinglePosts {

    private final RecordIngestion ingestion;
    private final RecordReplies replies;
    private final GroupCommit<Post, Posted> groups;

    SinglePosts(RecordIngestion ingestion, RecordReplies replies, GroupCommitSettings settings, MeterRegistry meters) {
        this.ingestion = ingestion;
        this.replies = replies;
        DistributionSummary sizes = DistributionSummary.builder("lianshao.records.group.size")
                .description("records stored and judged together in one transaction for single posts").register(meters);
        this.groups = new GroupCommit<>(settings.concurrentGroups(), settings.maxRecords(), Post::feed, Post::identity, this::handle,
                sizes::record, RecordIngestion::databaseFailure);
    }

    /** One posted envelope of a feed. */
    record Post(JsonNode envelope, String source, Binding binding) {
        Object feed() {
            return List.of(source, binding);
        }

        /** The identity the post would store (null when the envelope has none to give: it is refused anyway). */
        Object identity() {
            JsonNode externalId = envelope != null && envelope.isObject() ? envelope.get("externalId") : null;
            return externalId != null && externalId.isString() ? List.of(source, externalId.asString()) : null;
        }
    }

    /** Its result and, if it was accepted, its reply. */
    record Posted(RecordIngestion.Result result, RecordReplies.RecordReply reply) {
    }

    Posted post(JsonNode envelope, String source, Binding binding) {
        return groups.submit(new Post(envelope, source, binding));
    }

    private List<Posted> handle(List<Post> group) {
        Post first = group.get(0);
        List<RecordIngestion.Result> results = ingestion.ingest(group.stream().map(Post::envelope).toList(), first.source(),
                first.binding());
        Map<String, RecordReplies.RecordReply> read = replies.of(results.stream().map(RecordIngestion.Result::recordId)
                .filter(Objects::nonNull).toList());
        List<Posted> out = new ArrayList<>();
        for (RecordIngestion.Result r : results) {
            out.add(new Posted(r, r.recordId() == null ? null : read.get(r.recordId())));
        }
        return out;
    }
}
