package org.custodia.accounts.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.custodia.accounts.AccessLog;
import org.custodia.accounts.AccountService;
import org.custodia.accounts.AccountView;
import org.custodia.accounts.NewAccount;
import org.custodia.platform.Access;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Officials;
import org.custodia.platform.Role;
import org.custodia.platform.validation.Text;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Accounts and their lifecycle (ADMIN), one's own password (anyone), failed-login blocks, the access log. */
@RestController
@RequestMapping("/api")
class AccountApiController {
    private final AccountService accounts;
    private final AccessLog accessLog;
    private final LoginAttempts attempts;

    AccountApiController(AccountService accounts, AccessLog accessLog, LoginAttempts attempts) {
        this.accounts = accounts;
        this.accessLog = accessLog;
        this.attempts = attempts;
    }

    @GetMapping("/accounts")
    @PreAuthorize(Access.ACCOUNT_ADMIN)
    List<AccountView> list() {
        return accounts.list();
    }

    @PostMapping("/accounts")
    @PreAuthorize(Access.ACCOUNT_ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    AccountView create(@RequestBody @Valid NewAccount account) {
        return accounts.create(account, Officials.current());
    }

    record Reason(@Text(max = 2000, multiline = true) String reason) {
    }

    record PasswordReset(@Text(max = 1000) String password, @Text(max = 2000, multiline = true) String reason) {
    }

    record RolesChange(Set<Role> roles, @Text(max = 2000, multiline = true) String reason) {
    }

    record ScopeChange(Boolean national,
                       @Size(max = 1000) Set<String> facilities,
                       @Text(max = 2000, multiline = true) String reason) {
    }

    record OwnPassword(@Text(max = 1000) String currentPassword, @Text(max = 1000) String newPassword) {
    }

    record Lift(@Text(max = 100) String address, @Text(max = 2000, multiline = true) String reason) {
    }

    /** Failed-login blocks in force: locked accounts and client addresses that may not try a password now. */
    record Blocks(List<AccountView> lockedAccounts, List<LoginAttempts.Block> addresses) {
    }

    @PostMapping("/accounts/{username}/disable")
    @PreAuthorize(Access.ACCOUNT_ADMIN)
    AccountView disable(@PathVariable String username, @RequestBody @Valid Reason r) {
        return accounts.disable(username, r.reason(), Officials.current());
    }

    @PostMapping("/accounts/{username}/enable")
    @PreAuthorize(Access.ACCOUNT_ADMIN)
    AccountView enable(@PathVariable String username, @RequestBody @Valid Reason r) {
        return accounts.enable(username, r.reason(), Officials.current());
    }

    @PostMapping("/accounts/{username}/password")
    @PreAuthorize(Access.ACCOUNT_ADMIN)
    AccountView resetPassword(@PathVariable String username, @RequestBody @Valid PasswordReset r) {
        return accounts.resetPassword(username, r.password(), r.reason(), Officials.current());
    }

    @PostMapping("/accounts/{username}/roles")
    @PreAuthorize(Access.ACCOUNT_ADMIN)
    AccountView changeRoles(@PathVariable String username, @RequestBody @Valid RolesChange r) {
        return accounts.changeRoles(username, r.roles(), r.reason(), Officials.current());
    }

    @PostMapping("/accounts/{username}/scope")
    @PreAuthorize(Access.ACCOUNT_ADMIN)
    AccountView changeScope(@PathVariable String username, @RequestBody @Valid ScopeChange r) {
        return accounts.changeScope(username, Boolean.TRUE.equals(r.national()), r.facilities(), r.reason(),
                Officials.current());
    }

    @PostMapping("/accounts/{username}/unlock")
    @PreAuthorize(Access.ACCOUNT_ADMIN)
    AccountView unlock(@PathVariable String username, @RequestBody @Valid Reason r) {
        return accounts.unlock(username, r.reason(), Officials.current());
    }

    /** Every official changes their own password, giving the current one. */
    @PostMapping("/account/password")
    @PreAuthorize(Access.ANY_STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changeOwnPassword(@RequestBody @Valid OwnPassword r) {
        accounts.changeOwnPassword(Officials.current(), r.currentPassword(), r.newPassword());
    }

    @GetMapping("/login-blocks")
    @PreAuthorize(Access.ACCOUNT_ADMIN)
    Blocks blocks() {
        return new Blocks(accounts.list().stream().filter(AccountView::locked).toList(), attempts.blocks());
    }

    @PostMapping("/login-blocks/lift")
    @PreAuthorize(Access.ACCOUNT_ADMIN)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void lift(@RequestBody @Valid Lift r) {
        if (r.address() == null || r.address().isBlank() || r.address().length() > 64) {
            throw new InvalidRequestException("address", "the client address, as listed in the blocks");
        }
        if (!attempts.lift(r.address().strip(), org.custodia.platform.Reasons.require(r.reason()),
                Officials.current())) {
            throw new NotFoundException("No block in force for " + r.address());
        }
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
