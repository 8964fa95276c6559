package org.custodia.accounts.internal;

import org.custodia.accounts.AccessLog;
import org.custodia.platform.Access;
import org.custodia.platform.Officials;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class AccessLogUiController {
    private final AccessLog accessLog;

    AccessLogUiController(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @GetMapping("/access-log")
    @PreAuthorize(Access.AUDITORS)
    String accessLog(Model model) {
        model.addAttribute("entries", accessLog.recent(Officials.current(), null, null, 500));
        return "accounts/access-log";
    }
}
