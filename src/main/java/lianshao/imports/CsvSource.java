package lianshao.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV file (RFC 4180: comma-separated, double quotes around fields with commas, quotes or line breaks)
 * as one table. The encoding is detected: valid UTF-8 (with or without a byte-order mark) is read as UTF-8,
 * anything else as GBK. A record longer than the configured limit fails the import.
 */
final class CsvSource implements TableSource {

    static final Charset GBK = Charset.forName("GBK");

    private final Path file;
    private final Charset charset;
    private final boolean bom;
    private final int maxLineLength;

    CsvSource(Path file, ImportSettings settings) {
        this.file = file;
        this.maxLineLength = settings.maxLineLength();
        try {
            this.bom = startsWithBom(file);
            this.charset = validUtf8(file) ? StandardCharsets.UTF_8 : GBK;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Charset charset() {
        return charset;
    }

    @Override
    public List<String> tables() {
        return List.of("CSV");
    }

    @Override
    public void read(int table, RowHandler handler) {
        try (InputStream in = Files.newInputStream(file)) {
            if (bom) {
                in.skipNBytes(3);
            }
            CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            parse(new BufferedReader(new InputStreamReader(in, decoder), 64 * 1024), handler);
        } catch (IOException e) {
            throw new ImportFailure("无法读取 CSV 文件 / cannot read the CSV file: " + XlsxSource.reason(e), e);
        }
    }

    @Override
    public void close() {
        // nothing held open between reads
    }

    private void parse(Reader in, RowHandler handler) throws IOException {
        Map<Integer, CellValue> cells = new HashMap<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordStart = 1;
        int column = 0;
        int recordLength = 0;
        boolean quoted = false;
        boolean fieldStarted = false;
        int c;
        while ((c = in.read()) != -1) {
            if (++recordLength > maxLineLength) {
                throw new ImportFailure("第 " + recordStart + " 行超过 " + maxLineLength + " 个字符 / line " + recordStart
                        + " is longer than " + maxLineLength + " characters");
            }
            if (c == 0) {
                throw new ImportFailure("CSV 文件含有二进制内容（第 " + line + " 行）/ the CSV file holds binary content (line " + line + ")");
            }
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            in.reset();
                        }
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (!fieldStarted && field.isEmpty()) {
                        quoted = true;
                        fieldStarted = true;
                    } else {
                        field.append('"');
                    }
                }
                case ',' -> {
                    put(cells, column++, field);
                    fieldStarted = false;
                }
                case '\r' -> { }
                case '\n' -> {
                    put(cells, column, field);
                    if (!cells.isEmpty()) {
                        handler.row(recordStart, cells);
                    }
                    cells = new HashMap<>();
                    column = 0;
                    fieldStarted = false;
                    line++;
                    recordStart = line;
                    recordLength = 0;
                }
                default -> {
                    field.append((char) c);
                    fieldStarted = true;
                }
            }
        }
        put(cells, column, field);
        if (!cells.isEmpty()) {
            handler.row(recordStart, cells);
        }
    }

    private static void put(Map<Integer, CellValue> cells, int column, StringBuilder field) {
        if (!field.isEmpty() && !field.toString().isBlank() && column < XlsxSource.MAX_COLUMNS) {
            cells.put(column, CellValue.text(field.toString()));
        }
        field.setLength(0);
    }

    private static boolean startsWithBom(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            return head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        }
    }

    /** Decodes the whole file as strict UTF-8, streaming. */
    static boolean validUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[32 * 1024];
            int n;
            while ((n = in.read(buffer)) != -1) {
                bytes.put(buffer, 0, n);
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, false);
                if (result.isError()) {
                    return false;
                }
                chars.clear();
                bytes.compact();
            }
            bytes.flip();
            CoderResult result = decoder.decode(bytes, chars, true);
            if (result.isError()) {
                return false;
            }
            chars.clear();
            return !decoder.flush(chars).isError();
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
