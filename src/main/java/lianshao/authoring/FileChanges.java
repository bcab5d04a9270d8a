package lianshao.authoring;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** Which files differ between two versions' files: ADDED, REMOVED or CHANGED, by path. */
public final class FileChanges {

    private FileChanges() {
    }

    public static SortedMap<String, String> between(Map<String, String> before, Map<String, String> after) {
        SortedMap<String, String> changes = new TreeMap<>();
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        for (String path : paths) {
            String a = before.get(path);
            String b = after.get(path);
            if (a != null && a.equals(b)) {
                continue;
            }
            changes.put(path, a == null ? "ADDED" : b == null ? "REMOVED" : "CHANGED");
        }
        return changes;
    }
}
