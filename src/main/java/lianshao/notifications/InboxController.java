package lianshao.notifications;

import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lianshao.security.CurrentUser;
import lianshao.security.CurrentUsers;
import lianshao.web.Forbidden;

/** The caller's own inbox over the API: notifications, unread count, marking read, e-mail settings. */
@RestController
@RequestMapping("/api/v1/inbox")
@Tag(name = "Inbox 通知", description = "本人的通知：分派、待批准、即将到期、超期、退回、收到答复；邮件设置")
class InboxController {

    private final Inbox inbox;
    private final CurrentUsers users;

    InboxController(Inbox inbox, CurrentUsers users) {
        this.inbox = inbox;
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "本人的通知（最新在前，分页）/ Your notifications, newest first, paged")
    Inbox.Page list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Authentication auth) {
        return inbox.page(me(auth), unread, page, size);
    }

    @GetMapping("/count")
    @Operation(summary = "未读通知数 / The number of unread notifications")
    Map<String, Long> count(Authentication auth) {
        return Map.of("unread", inbox.unread(me(auth)));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "标为已读 / Mark one notification read")
    Inbox.Item read(@PathVariable String id, Authentication auth) {
        return inbox.markRead(me(auth), id);
    }

    @PostMapping("/read-all")
    @Operation(summary = "全部标为已读 / Mark all your notifications read")
    Map<String, Integer> readAll(Authentication auth) {
        return Map.of("marked", inbox.markAllRead(me(auth)));
    }

    @GetMapping("/settings")
    @Operation(summary = "本人的邮件设置 / Your e-mail settings")
    Inbox.Settings settings(Authentication auth) {
        return inbox.settings(me(auth));
    }

    /** Body of the settings: an e-mail address (empty: none) and NONE, INSTANT or DIGEST. */
    record SettingsRequest(String email, String mailMode) {
    }

    @PutMapping("/settings")
    @Operation(summary = "更改邮件设置：地址与方式 NONE|INSTANT|DIGEST / Change your e-mail address and mail mode")
    Inbox.Settings saveSettings(@RequestBody SettingsRequest request, Authentication auth) {
        return inbox.saveSettings(me(auth), request.email(), request.mailMode());
    }

    private CurrentUser me(Authentication auth) {
        return users.of(auth).orElseThrow(() -> new Forbidden("需要以用户身份登录 / a signed-in user is required"));
    }
}
