package lianshao.fault;

/** Fault tests start processes and signal them: only with LIANSHAO_FAULT_TESTS=true or in CI (CI=true). */
final class FaultTests {

    private FaultTests() {
    }

    static boolean enabled() {
        boolean asked = "true".equalsIgnoreCase(System.getenv("LIANSHAO_FAULT_TESTS")) || "true".equalsIgnoreCase(System.getenv("CI"));
        return asked && OwnMariaDb.available();
    }
}
