package lianshao.records;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Group commit of single posts ({@link SinglePosts}).
 *
 * @param concurrentGroups groups stored and judged at the same time (each its own transaction)
 * @param maxRecords       records at most in one group; 1 handles every post alone
 */
@ConfigurationProperties("lianshao.ingest.group-commit")
public record GroupCommitSettings(@DefaultValue("2") int concurrentGroups, @DefaultValue("100") int maxRecords) {
}
