package lianshao.console;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import lianshao.dossier.Dossiers;

/** The warning page's printable dossier (PDF); outside the user's data scope a 404 page, as for the warning. */
@Controller
class DossierPages {

    private final Dossiers dossiers;
    private final Me me;

    DossierPages(Dossiers dossiers, Me me) {
        this.dossiers = dossiers;
        this.me = me;
    }

    @GetMapping("/warnings/{id}/dossier.pdf")
    ResponseEntity<byte[]> dossier(@PathVariable String id, Authentication auth) {
        return Dossiers.download(dossiers.pdf(id, me.of(auth), "CONSOLE"), id);
    }
}
