package lianshao.imports;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an XLSX workbook with POI's event (SAX) API: sheets are streamed, never loaded as a whole; formula
 * cells give the value the spreadsheet program saved (never evaluated); the shared-strings table is read with
 * a limit on entries and characters; every part of the package is inflated under POI's zip-bomb guard
 * ({@code ZipSecureFile}: minimum inflate ratio, maximum entry size). Macro-enabled packages are refused.
 */
final class XlsxSource implements TableSource {

    /** Columns beyond this are ignored (no template has as many). */
    static final int MAX_COLUMNS = 1024;
    /** Excel's own limit on the characters of a cell. */
    static final int MAX_CELL_CHARS = 32_767;

    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final StylesTable styles;
    private final List<String> strings;
    private final List<String> names = new ArrayList<>();

    XlsxSource(Path file, ImportSettings settings) {
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | RuntimeException e) {
            throw new ImportFailure("文件不是有效的 XLSX 工作簿 / not a valid XLSX workbook: " + reason(e), e);
        }
        try {
            for (PackagePart part : pkg.getParts()) {
                if (part.getPartName().getName().toLowerCase(java.util.Locale.ROOT).contains("vbaproject")) {
                    throw new ImportFailure("文件含有宏，拒绝导入 / the workbook contains macros (vbaProject.bin): refused");
                }
            }
            reader = new XSSFReader(pkg);
            styles = reader.getStylesTable();
            strings = sharedStrings(settings);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                sheets.next().close();
                names.add(sheets.getSheetName());
            }
        } catch (ImportFailure e) {
            pkg.revert();
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            pkg.revert();
            throw new ImportFailure("无法读取 XLSX 工作簿 / cannot read the XLSX workbook: " + reason(e), e);
        }
    }

    @Override
    public List<String> tables() {
        return List.copyOf(names);
    }

    @Override
    public void read(int table, RowHandler handler) {
        try {
            Iterator<InputStream> sheets = reader.getSheetsData();
            for (int i = 0; sheets.hasNext(); i++) {
                try (InputStream in = sheets.next()) {
                    if (i == table) {
                        parse(in, new SheetHandler(handler));
                        return;
                    }
                }
            }
            throw new IllegalArgumentException("no sheet " + table);
        } catch (ImportFailure | StopReading e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            if (e.getCause() instanceof ImportFailure failure) {
                throw failure;
            }
            throw new ImportFailure("无法读取工作表 " + names.get(table) + " / cannot read sheet " + names.get(table) + ": "
                    + reason(e), e);
        }
    }

    @Override
    public void close() {
        pkg.revert();
    }

    private List<String> sharedStrings(ImportSettings settings) throws IOException, SAXException, ParserConfigurationException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return List.of();
        }
        SharedStringsHandler handler = new SharedStringsHandler(settings.maxSharedStrings(), settings.maxSharedStringChars());
        try (InputStream in = parts.get(0).getInputStream()) {
            parse(in, handler);
        }
        return handler.strings;
    }

    private static void parse(InputStream in, DefaultHandler handler) throws IOException, SAXException,
            ParserConfigurationException {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(handler);
        xml.parse(new InputSource(in));
    }

    static String reason(Throwable e) {
        Throwable t = e;
        String message = null;
        while (t != null) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        message = message.replaceAll("\\s+", " ").strip();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    /** Thrown by a row handler to stop reading early; not a failure. */
    static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }

    private static final class SharedStringsHandler extends DefaultHandler {
        private final int maxStrings;
        private final long maxChars;
        private final List<String> strings = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private long chars;
        private boolean inText;
        private int phonetic;

        SharedStringsHandler(int maxStrings, long maxChars) {
            this.maxStrings = maxStrings;
            this.maxChars = maxChars;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "si" -> current.setLength(0);
                case "rPh" -> phonetic++;
                case "t" -> inText = phonetic == 0;
                default -> { }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "si" -> {
                    if (strings.size() >= maxStrings) {
                        throw new ImportFailure("共享字符串表超过 " + maxStrings + " 项，拒绝导入 / the shared-strings table has more than "
                                + maxStrings + " entries: refused");
                    }
                    strings.add(current.toString());
                }
                case "rPh" -> phonetic--;
                case "t" -> inText = false;
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                chars += length;
                if (chars > maxChars) {
                    throw new ImportFailure("共享字符串表超过 " + maxChars + " 个字符，拒绝导入 / the shared-strings table has more than "
                            + maxChars + " characters: refused");
                }
                current.append(ch, start, length);
            }
        }
    }

    private final class SheetHandler extends DefaultHandler {
        private final RowHandler handler;
        private final StringBuilder value = new StringBuilder();
        private Map<Integer, CellValue> cells = new HashMap<>();
        private int rowNumber;
        private int column;
        private String type;
        private int style;
        private boolean inValue;
        private boolean inInline;
        private int phonetic;

        SheetHandler(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells = new HashMap<>();
                    column = -1;
                }
                case "c" -> {
                    String ref = attributes.getValue("r");
                    column = ref == null ? column + 1 : columnOf(ref);
                    type = attributes.getValue("t");
                    String s = attributes.getValue("s");
                    style = s == null ? -1 : Integer.parseInt(s);
                    value.setLength(0);
                    inInline = false;
                }
                case "v" -> inValue = true;
                case "is" -> inInline = true;
                case "rPh" -> phonetic++;
                case "t" -> inValue = inInline && phonetic == 0;
                default -> { }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "rPh" -> phonetic--;
                case "is" -> inInline = false;
                case "c" -> {
                    if (column >= 0 && column < MAX_COLUMNS) {
                        CellValue cell = cell();
                        if (cell != null && !cell.blank()) {
                            cells.put(column, cell);
                        }
                    }
                }
                case "row" -> {
                    if (!cells.isEmpty()) {
                        handler.row(rowNumber, cells);
                    }
                }
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue && value.length() < MAX_CELL_CHARS + 1) {
                value.append(ch, start, Math.min(length, MAX_CELL_CHARS + 1 - value.length()));
            }
        }

        private CellValue cell() {
            String v = value.toString();
            if (type == null || type.equals("n")) {
                if (v.isBlank()) {
                    return null;
                }
                BigDecimal number;
                try {
                    number = new BigDecimal(v.strip());
                } catch (NumberFormatException e) {
                    return CellValue.text(v);
                }
                if (style >= 0 && style < styles.getNumCellStyles() && isDateStyle(style)) {
                    double serial = number.doubleValue();
                    if (DateUtil.isValidExcelDate(serial)) {
                        return CellValue.date(number, DateUtil.getLocalDateTime(serial));
                    }
                }
                return CellValue.number(number);
            }
            return switch (type) {
                case "s" -> {
                    int index;
                    try {
                        index = Integer.parseInt(v.strip());
                    } catch (NumberFormatException e) {
                        yield null;
                    }
                    yield index >= 0 && index < strings.size() ? CellValue.text(strings.get(index)) : null;
                }
                case "b" -> CellValue.bool("1".equals(v.strip()) || "true".equalsIgnoreCase(v.strip()));
                case "e" -> CellValue.error(v.strip());
                default -> CellValue.text(v); // inlineStr, str (a formula's text result), d
            };
        }

        private boolean isDateStyle(int index) {
            XSSFCellStyle cellStyle = styles.getStyleAt(index);
            if (cellStyle == null) {
                return false;
            }
            String format = cellStyle.getDataFormatString();
            return format != null && DateUtil.isADateFormat(cellStyle.getDataFormat(), format);
        }
    }

    /** 0-based column of a cell reference such as {@code AB12}. */
    static int columnOf(String ref) {
        int col = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                col = col * 26 + (c - 'A' + 1);
                if (col > MAX_COLUMNS * 20) {
                    return MAX_COLUMNS;
                }
            } else {
                break;
            }
        }
        return col - 1;
    }
}
