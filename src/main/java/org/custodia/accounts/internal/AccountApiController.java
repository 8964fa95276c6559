package org.custodia.accounts.internal;

import java.util.List;
import org.custodia.accounts.AccessLog;
import org.custodia.accounts.AccountService;
import org.custodia.accounts.AccountView;
import org.custodia.accounts.NewAccount;
import org.custodia.platform.Access;
import org.custodia.platform.Officials;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class AccountApiController {
    private final AccountService accounts;
    private final AccessLog accessLog;

    AccountApiController(AccountService accounts, AccessLog accessLog) {
        this.accounts = accounts;
        this.accessLog = accessLog;
    }

    @GetMapping("/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    List<AccountView> list() {
        return accounts.list();
    }

    @PostMapping("/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    AccountView create(@RequestBody NewAccount account) {
        return accounts.create(account, Officials.current().username());
    }

    /** MANDELA-9: the inspector can see who read what, in the facilities of their scope. */
    @GetMapping("/access-log")
    @PreAuthorize(Access.AUDITORS)
    List<AccessLog.Entry> accessLog(@RequestParam(required = false) String subjectType,
                                    @RequestParam(required = false) String subjectId,
                                    @RequestParam(defaultValue = "200") int limit) {
        return accessLog.recent(Officials.current(), subjectType, subjectId, Math.max(1, Math.min(limit, 5000)));
    }
}
