package io.github.passkeys4j.sample;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Your account": change the username, and delete the account after a confirmation. */
@Controller
@RequestMapping("/account")
class AccountController {

    private final AppUsers users;
    private final AccountService accounts;
    private final SessionSignIn session;

    AccountController(AppUsers users, AccountService accounts, SessionSignIn session) {
        this.users = users;
        this.accounts = accounts;
        this.session = session;
    }

    @GetMapping
    String account(@AuthenticationPrincipal AcmeUser user, Model model) {
        return page(model, current(user), "", null);
    }

    @PostMapping("/username")
    String changeUsername(
            @AuthenticationPrincipal AcmeUser user,
            @RequestParam(defaultValue = "") String username,
            Authentication authentication,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        AcmeUser stored = current(user);
        String wanted = Usernames.clean(username);
        if (wanted.equals(stored.getUsername())) {
            return "redirect:/account";
        }
        if (!Usernames.valid(wanted)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, stored, wanted, Usernames.RULE);
        }
        try {
            if (users.exists(wanted)) {
                throw new DuplicateKeyException(wanted);
            }
            AcmeUser renamed = accounts.rename(stored, wanted);
            session.refresh(renamed, authentication, request, response);
            return "redirect:/account?renamed";
        } catch (DuplicateKeyException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return page(model, stored, wanted, Usernames.TAKEN);
        }
    }

    @GetMapping("/delete")
    String confirmDelete(@AuthenticationPrincipal AcmeUser user, Model model) {
        model.addAttribute("username", current(user).getUsername());
        model.addAttribute("error", null);
        return "account-delete";
    }

    @PostMapping("/delete")
    String delete(
            @AuthenticationPrincipal AcmeUser user,
            @RequestParam(defaultValue = "") String confirm,
            Authentication authentication,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        AcmeUser stored = current(user);
        if (!"yes".equals(confirm)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("username", stored.getUsername());
            model.addAttribute("error", "Tick the box to confirm that you want to delete your account.");
            return "account-delete";
        }
        accounts.delete(stored);
        session.signOut(authentication, request, response);
        return "redirect:/login?deleted";
    }

    /**
     * The account as stored now, found by its id: the session's copy has no password hash after sign-in, and another
     * session may have renamed the account since.
     */
    private AcmeUser current(AcmeUser user) {
        return users.findById(user.id()).orElseThrow(AccountGone::new);
    }

    /** Deleted in another session: this one ends too. */
    @ExceptionHandler(AccountGone.class)
    String gone(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        session.signOut(authentication, request, response);
        return "redirect:/login?deleted";
    }

    private static final class AccountGone extends RuntimeException {
        AccountGone() {
            super("the signed-in account no longer exists", null, false, false);
        }
    }

    private static String page(Model model, AcmeUser user, String wanted, String error) {
        model.addAttribute("username", user.getUsername());
        model.addAttribute("hasPassword", user.hasPassword());
        model.addAttribute("wanted", wanted);
        model.addAttribute("error", error);
        return "account";
    }
}
