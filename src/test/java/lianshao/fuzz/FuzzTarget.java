package lianshao.fuzz;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestContextManager;
import org.springframework.http.MediaType;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import lianshao.ApiTestSupport;

/**
 * The application under the property tests. jqwik is an engine of its own, without Spring's JUnit
 * Jupiter extension, so the Spring test context is prepared by hand; the configuration is that of
 * every {@link ApiTestSupport} test, so the cached context is shared with them.
 */
class FuzzTarget extends ApiTestSupport {

    private static FuzzTarget instance;

    static synchronized FuzzTarget get() {
        if (instance == null) {
            FuzzTarget target = new FuzzTarget();
            try {
                new TestContextManager(FuzzTarget.class).prepareTestInstance(target);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            instance = target;
        }
        return instance;
    }

    MockHttpServletResponse post(String path, byte[] body, MediaType type) throws Exception {
        if (path.startsWith("/api/v1/records")) {
            registerOrgsOf(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
        return mvc.perform(withKey(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path))
                .contentType(type).content(body)).andReturn().getResponse();
    }

    long[] rows() {
        return storedRows();
    }

    long rows(String table) {
        return count(table);
    }
}
