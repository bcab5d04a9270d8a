package lianshao.rules;

import java.util.Set;

/**
 * Names a rule may not use anywhere in its conditions or consequence: the process, threads, files,
 * the network, class loading and reflection, the engine's own handles, and a few calls that can tie up
 * the CPU or the heap on their own. Refusing a harmless use of one of them is the price of safety.
 */
final class ForbiddenNames {

    static final Set<String> WORDS = Set.of(
            // process, runtime, threads
            "System", "Runtime", "ProcessBuilder", "Process", "ProcessHandle", "Thread", "ThreadLocal",
            "exec", "exit", "halt", "getRuntime", "sleep", "wait", "notify", "notifyAll", "join", "interrupt",
            // class loading and reflection
            "Class", "ClassLoader", "class", "getClass", "forName", "getClassLoader", "newInstance", "invoke",
            "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getField", "getFields",
            "getDeclaredField", "getDeclaredFields", "getConstructor", "getDeclaredConstructor", "setAccessible",
            "reflect", "MethodHandles", "MethodHandle", "Unsafe", "loadLibrary", "ScriptEngine", "ScriptEngineManager",
            "Proxy", "SecurityManager", "ObjectInputStream", "ObjectOutputStream",
            // files and network
            "File", "Files", "Path", "Paths", "URL", "URI", "Socket", "ServerSocket", "HttpClient", "FileSystems",
            // package roots: a fully qualified name is a way around imports
            "java", "javax", "jdk", "sun", "com", "org", "net", "io", "lianshao",
            // the engine and working memory
            "drools", "kcontext", "kieRuntime", "kieSession", "insert", "insertLogical", "modify", "update", "retract",
            "delete", "eval", "new",
            // arithmetic and text that can exhaust the CPU or the heap in one call
            "pow", "repeat", "shiftLeft", "movePointLeft", "movePointRight", "scaleByPowerOfTen", "matches",
            "soundslike", "replaceAll", "split");

    private ForbiddenNames() {
    }
}
