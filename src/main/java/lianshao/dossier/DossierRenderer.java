package lianshao.dossier;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Renders the dossier: the XHTML template {@code lianshao/dossier/dossier.xhtml} through Thymeleaf in XML mode
 * (the PDF renderer needs well-formed XHTML; the console's engine writes HTML), with the console's messages in
 * the reader's language, then to PDF with the CJK font embedded (subset).
 */
@Component
class DossierRenderer {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    DossierRenderer(MessageSource messages) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("lianshao/dossier/");
        resolver.setSuffix(".xhtml");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
    }

    /** The XHTML of the dossier (also what the PDF is made of). */
    String xhtml(Map<String, Object> model) {
        Context context = new Context(LocaleContextHolder.getLocale(), model);
        context.setVariable("fontFamily", DossierFont.FAMILY);
        return engine.process("dossier", context);
    }

    byte[] pdf(Map<String, Object> model, File font) {
        String xhtml = xhtml(model);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new PdfRendererBuilder().useFastMode().useFont(font, DossierFont.FAMILY).withHtmlContent(xhtml, null)
                    .withProducer("Lianshao").toStream(out).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
