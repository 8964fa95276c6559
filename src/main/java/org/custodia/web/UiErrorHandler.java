package org.custodia.web;

import jakarta.servlet.http.HttpServletResponse;
import org.custodia.platform.ConflictException;
import org.custodia.platform.CustodiaException;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Refusals on pages: the right status and a readable message, never a stack trace. The API has its own. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class UiErrorHandler {
    @ExceptionHandler(CustodiaException.class)
    ModelAndView refused(CustodiaException e, HttpServletResponse response) {
        HttpStatus status = switch (e) {
            case NotFoundException n -> HttpStatus.NOT_FOUND;
            case ConflictException c -> HttpStatus.CONFLICT;
            case InvalidRequestException i -> HttpStatus.BAD_REQUEST;
        };
        response.setStatus(status.value());
        ModelAndView mv = new ModelAndView("error");
        mv.setStatus(status);
        mv.addObject("status", status.value());
        mv.addObject("error", status.getReasonPhrase());
        mv.addObject("message", e.getMessage());
        return mv;
    }
}
