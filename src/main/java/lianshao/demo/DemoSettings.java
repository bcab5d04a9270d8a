package lianshao.demo;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled  load the demo data (env LIANSHAO_DEMO_ENABLED); unset means on with the embedded
 *                 database and off with any other
 * @param location the seeds folder
 */
@ConfigurationProperties("lianshao.demo")
public record DemoSettings(Boolean enabled, @DefaultValue("seeds") Path location) {

    public static final String FEED = "demo-feed";
    public static final String API_KEY = "lsk_demo_qingyuan_2026";
    public static final String PASSWORD = "lianshao-demo";
}
