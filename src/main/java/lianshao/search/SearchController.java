package lianshao.search;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import lianshao.security.CurrentUsers;
import lianshao.web.Forbidden;

@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "Search 检索", description = "按姓名或单位名称、身份证号（仅比对哈希）、预警编号、记录编号检索，限本人数据范围，留痕")
class SearchController {

    private final Searches searches;
    private final CurrentUsers users;

    SearchController(Searches searches, CurrentUsers users) {
        this.searches = searches;
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "检索对象、单位、预警和业务记录（每类至多 20 条）/ Search parties, organisations, warnings and records (20 a group)")
    SearchResults search(
            @Parameter(description = "姓名、单位名称、身份证号、预警编号或记录编号，至少 2 个字符 / a name, ID number, warning or record number")
            @RequestParam(required = false) String q,
            @Parameter(description = "只查一类：parties、orgs、warnings、records / one group only") @RequestParam(required = false) String kind,
            Authentication auth) {
        var user = users.of(auth).orElseThrow(() -> new Forbidden("需要以用户身份登录 / a signed-in user is required"));
        return searches.search(user, q, kind, "API");
    }
}
