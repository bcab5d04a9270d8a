package lianshao.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells a newcomer where to look once the service is up. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final DemoSeeder demo;

    StartupBanner(DemoSeeder demo) {
        this.demo = demo;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : 8080;
        String base = "http://localhost:" + port;
        StringBuilder text = new StringBuilder("\n\n  廉哨 Lianshao is running\n")
                .append("    Console      ").append(base).append("/\n")
                .append("    API          ").append(base).append("/api/v1  (description: ").append(base).append("/swagger-ui.html)\n")
                .append("    Health       ").append(base).append("/actuator/health\n");
        if (demo.enabled()) {
            text.append("    Demo key     X-Api-Key: ").append(DemoSettings.API_KEY).append("  (feed ").append(DemoSettings.FEED).append(")\n")
                    .append("    Demo users   inspector, supervisor, author, auditor, admin, admin2, importer, inspector-dongcheng, unit-sch0102 — password ").append(DemoSettings.PASSWORD).append("\n");
        }
        log.info(text.toString());
    }
}
