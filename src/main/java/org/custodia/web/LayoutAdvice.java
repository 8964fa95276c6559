package org.custodia.web;

import org.custodia.platform.Official;
import org.custodia.platform.Officials;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the official into every page's model so the navigation shows only what their duties need. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {
    @ModelAttribute("official")
    Official official() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Officials.Holder h ? h.official() : null;
    }
}
