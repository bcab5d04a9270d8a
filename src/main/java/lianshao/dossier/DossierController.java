package lianshao.dossier;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lianshao.security.CurrentUsers;
import lianshao.web.Forbidden;

/** {@code GET /api/v1/warnings/{id}/dossier.pdf}: who may read the warning may print it; others get 404 as for the warning. */
@RestController
@Tag(name = "Warnings 预警")
class DossierController {

    private final Dossiers dossiers;
    private final CurrentUsers users;

    DossierController(Dossiers dossiers, CurrentUsers users) {
        this.dossiers = dossiers;
        this.users = users;
    }

    @GetMapping("/api/v1/warnings/{id}/dossier.pdf")
    @Operation(summary = "单条预警卷宗 PDF（嵌入中文字体，可打印）/ A warning's printable dossier as PDF")
    ResponseEntity<byte[]> dossier(@PathVariable String id, Authentication auth) {
        var user = users.of(auth).orElseThrow(() -> new Forbidden("需要以用户身份登录 / a signed-in user is required"));
        return Dossiers.download(dossiers.pdf(id, user, "API"), id);
    }
}
