package lianshao.console;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.util.UriComponentsBuilder;

import lianshao.security.CurrentUser;
import lianshao.security.CurrentUsers;
import lianshao.web.Conflict;
import lianshao.web.Forbidden;
import lianshao.web.NotFound;
import lianshao.web.ValidationFailed;

/**
 * What every console page needs: the signed-in user (for the navigation by role) and the link that
 * switches the language; and errors as pages, not problem+json: an id outside the user's data scope
 * is a 404 page, a refused role a 403 page.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

    private final CurrentUsers users;

    ConsoleAdvice(CurrentUsers users) {
        this.users = users;
    }

    @ModelAttribute("me")
    CurrentUser me(Authentication auth) {
        return users.of(auth).orElse(null);
    }

    @ModelAttribute("nav")
    Nav nav(Authentication auth) {
        return Nav.of(me(auth));
    }

    @ModelAttribute("langUrl")
    String langUrl(HttpServletRequest request) {
        String other = ConsoleText.english() ? "zh_CN" : "en";
        String query = request.getQueryString();
        String path = "GET".equals(request.getMethod()) ? request.getRequestURI() + (query == null ? "" : "?" + query) : "/";
        return UriComponentsBuilder.fromUriString(path).replaceQueryParam("lang", other).build().toUriString();
    }

    @ExceptionHandler(NotFound.class)
    String notFound(NotFound e, Model model, HttpServletRequest request, HttpServletResponse response) {
        return error(404, List.of(), model, request, response);
    }

    @ExceptionHandler(Forbidden.class)
    String forbidden(Forbidden e, Model model, HttpServletRequest request, HttpServletResponse response) {
        return error(403, List.of(ConsoleText.pick(e.getMessage())), model, request, response);
    }

    @ExceptionHandler(Conflict.class)
    String conflict(Conflict e, Model model, HttpServletRequest request, HttpServletResponse response) {
        return error(409, List.of(ConsoleText.pick(e.getMessage())), model, request, response);
    }

    @ExceptionHandler(ValidationFailed.class)
    String invalid(ValidationFailed e, Model model, HttpServletRequest request, HttpServletResponse response) {
        return error(400, e.errors().stream().map(f -> f.field() + ": " + ConsoleText.pick(f.message())).toList(), model, request, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String mismatch(MethodArgumentTypeMismatchException e, Model model, HttpServletRequest request, HttpServletResponse response) {
        return error(400, List.of(e.getName()), model, request, response);
    }

    private String error(int status, List<String> details, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        response.setStatus(status);
        CurrentUser user = request.getUserPrincipal() instanceof Authentication auth ? me(auth) : null;
        model.addAttribute("me", user);
        model.addAttribute("nav", Nav.of(user));
        model.addAttribute("langUrl", langUrl(request));
        model.addAttribute("status", status);
        model.addAttribute("details", details);
        return "error";
    }
}
