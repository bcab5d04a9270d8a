package lianshao.imports;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/** The templates, written once per kind and kept (they depend on the contract only). */
final class Templates {

    private static final Map<ImportKind, byte[]> CACHE = new ConcurrentHashMap<>();

    private Templates() {
    }

    static synchronized byte[] of(ImportKind kind) {
        return CACHE.computeIfAbsent(kind, k -> TemplateWriter.write(Layouts.of(k))).clone();
    }
}
