package lianshao.records;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import lianshao.warnings.WarningView;
import lianshao.warnings.Warnings;

/** The replies to posted records (contract section 1), read back as committed with two queries for all of them. */
@Component
class RecordReplies {

    private final RecordStore store;
    private final Warnings warnings;

    RecordReplies(RecordStore store, Warnings warnings) {
        this.store = store;
        this.warnings = warnings;
    }

    Map<String, RecordReply> of(List<String> recordIds) {
        Map<String, RecordStore.Summary> records = store.summaries(recordIds);
        Map<String, List<WarningView>> byRecord = warnings.ofRecords(recordIds);
        Map<String, RecordReply> replies = new HashMap<>();
        for (String id : recordIds) {
            RecordStore.Summary record = records.get(id);
            if (record == null) {
                throw new IllegalStateException("record " + id + " was stored but cannot be read back");
            }
            List<WarningView> current = byRecord.getOrDefault(id, List.of()).stream().filter(WarningView::stillHits).toList();
            replies.put(id, new RecordReply(record.id(), record.revision(), record.status().name(), record.ruleSetVersion(),
                    record.status() == RecordStatus.EVALUATION_FAILED ? firstLine(record.lastError()) : null, current));
        }
        return replies;
    }

    static String firstLine(String text) {
        if (text == null) {
            return null;
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** Reply to a posted record (contract section 1); {@code error} only when the evaluation failed. */
    record RecordReply(String recordId, int revision, String status, String ruleSetVersion, String error,
            List<WarningView> warnings) {
    }
}
