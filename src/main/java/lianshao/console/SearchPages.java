package lianshao.console;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import lianshao.search.Searches;
import lianshao.security.CurrentUser;
import lianshao.web.ValidationFailed;

/**
 * 检索 ({@code /search}): the search box of the header posts here, so that an ID number typed into it never stands in
 * an address (browser history, proxies); a GET with {@code q} searches too, for links. Bad input is said on the page.
 */
@Controller
class SearchPages {

    private final Searches searches;
    private final Me me;

    SearchPages(Searches searches, Me me) {
        this.searches = searches;
        this.me = me;
    }

    @GetMapping("/search")
    String page(@RequestParam(required = false) String q, @RequestParam(required = false) String kind, Model model,
            Authentication auth) {
        return render(q, kind, model, auth);
    }

    @PostMapping("/search")
    String post(@RequestParam(required = false) String q, @RequestParam(required = false) String kind, Model model,
            Authentication auth) {
        return render(q, kind, model, auth);
    }

    private String render(String q, String kind, Model model, Authentication auth) {
        CurrentUser user = me.of(auth);
        model.addAttribute("kind", kind);
        if (q != null && !q.isBlank()) {
            try {
                model.addAttribute("results", searches.search(user, q, kind, "CONSOLE"));
            } catch (ValidationFailed e) {
                model.addAttribute("error", ConsoleText.pick(e.errors().get(0).message()));
            }
        }
        model.addAttribute("perGroup", Searches.PER_GROUP);
        return "search";
    }
}
