package org.xuewei.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.servlet.view.UrlBasedViewResolver;
import org.xuewei.platform.identity.StaffPrincipal;

/**
 * What every page's layout needs: the signed-in staff member ({@code staff}), if any. Added when a page is about to
 * be rendered, so a JSON answer does not pay for it: as a {@code @ControllerAdvice} model attribute it ran for every
 * request of every controller, the parent's API included, and Spring built and inspected a new handler method for it
 * each time (profiled on the HTTP check + submit run).
 */
final class ShellModel implements HandlerInterceptor {

    static final String STAFF = "staff";

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        if (page == null || !page.hasView() || page.getModelMap().containsAttribute(STAFF)
                || page.getView() instanceof RedirectView
                || (page.getViewName() != null && page.getViewName().startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX))) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
            page.addObject(STAFF, principal.account());
        }
    }
}
