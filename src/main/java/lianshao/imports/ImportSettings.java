package lianshao.imports;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Ledger imports ({@code lianshao.imports.*}). Dates and times written without an offset are read in the office's zone
 * ({@code lianshao.zone}).
 *
 * @param maxFileSize          largest file accepted (413 above)
 * @param maxRows              most data rows of the main sheet (the import fails above)
 * @param maxItemRows          most rows over all list sheets together
 * @param userSource           the {@code source} of records imported by people (feeds import as their own source)
 * @param chunkSize            rows ingested together (one transaction, one progress update)
 * @param workers              imports processed at the same time
 * @param queueCapacity        imports waiting for a worker; more are refused with 503
 * @param maxSharedStrings     most entries of an XLSX shared-strings table
 * @param maxSharedStringChars most characters of an XLSX shared-strings table in total
 * @param maxEntrySize         largest uncompressed part of an XLSX package
 * @param minInflateRatio      smallest compressed/uncompressed ratio of an XLSX part (zip-bomb guard)
 * @param maxLineLength        longest CSV record, in characters
 * @param requireRegisteredOrg reject record rows whose orgCode is not a registered organisation
 * @param workDir              where uploads wait for processing; the system temporary folder if unset
 */
@ConfigurationProperties("lianshao.imports")
public record ImportSettings(
        @DefaultValue("20MB") DataSize maxFileSize,
        @DefaultValue("50000") int maxRows,
        @DefaultValue("200000") int maxItemRows,
        @DefaultValue("ledger-import") String userSource,
        @DefaultValue("500") int chunkSize,
        @DefaultValue("1") int workers,
        @DefaultValue("16") int queueCapacity,
        @DefaultValue("2000000") int maxSharedStrings,
        @DefaultValue("20000000") long maxSharedStringChars,
        @DefaultValue("256MB") DataSize maxEntrySize,
        @DefaultValue("0.01") double minInflateRatio,
        @DefaultValue("65536") int maxLineLength,
        @DefaultValue("true") boolean requireRegisteredOrg,
        Path workDir) {
}
