package lianshao.warnings;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The allow-list of evidence files, recognised by their content (magic bytes and, for Office documents, their
 * inner structure), never by the file name or the Content-Type the client sent. Office documents with macros and
 * encrypted ones are not on the list.
 */
enum AttachmentType {
    PDF("application/pdf", "pdf"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    DOC("application/msword", "doc"),
    XLS("application/vnd.ms-excel", "xls");

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    /** Bounds on reading a package, so that a crafted archive costs little. */
    private static final int MAX_ZIP_ENTRIES = 5_000;
    private static final int MAX_CONTENT_TYPES_BYTES = 256 * 1024;

    private final String mediaType;
    private final String extension;

    AttachmentType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    String mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    /** The type of this content, or empty when it is not on the allow-list. */
    static Optional<AttachmentType> detect(byte[] content) {
        if (startsWith(content, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, ZIP_MAGIC)) {
            return officePackage(content);
        }
        if (startsWith(content, OLE2_MAGIC)) {
            return legacyOffice(content);
        }
        return Optional.empty();
    }

    /** DOCX, XLSX or PPTX: a ZIP package whose [Content_Types].xml declares the document's main part; no macros. */
    private static Optional<AttachmentType> officePackage(byte[] content) {
        String contentTypes = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ZIP_ENTRIES) {
                    return Optional.empty();
                }
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (name.contains("vbaproject") || name.endsWith(".bin") && name.contains("activex")) {
                    return Optional.empty();
                }
                if (name.equals("[content_types].xml")) {
                    byte[] xml = zip.readNBytes(MAX_CONTENT_TYPES_BYTES + 1);
                    if (xml.length > MAX_CONTENT_TYPES_BYTES) {
                        return Optional.empty();
                    }
                    contentTypes = new String(xml, StandardCharsets.UTF_8);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (contentTypes == null || contentTypes.contains("macroEnabled")) {
            return Optional.empty();
        }
        if (contentTypes.contains("wordprocessingml.document.main+xml")) {
            return Optional.of(DOCX);
        }
        if (contentTypes.contains("spreadsheetml.sheet.main+xml")) {
            return Optional.of(XLSX);
        }
        if (contentTypes.contains("presentationml.presentation.main+xml")) {
            return Optional.of(PPTX);
        }
        return Optional.empty();
    }

    /** DOC or XLS: an OLE2 compound file with a WordDocument or Workbook stream; no macro storage, not encrypted. */
    private static Optional<AttachmentType> legacyOffice(byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("Macros") || root.hasEntry("_VBA_PROJECT_CUR") || root.hasEntry("EncryptedPackage")) {
                return Optional.empty();
            }
            if (root.hasEntry("WordDocument")) {
                return Optional.of(DOC);
            }
            if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
                return Optional.of(XLS);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
