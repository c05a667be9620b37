package org.xuewei.exchange;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the servlet container's asynchronous dispatches per request path, so a test can tell how an answer was written. */
@TestConfiguration(proxyBeanMethods = false)
public class DispatchCounter {

    private static final Map<String, AtomicInteger> ASYNC = new ConcurrentHashMap<>();

    /** Asynchronous dispatches of {@code path} so far. */
    public static int asyncDispatches(String path) {
        AtomicInteger n = ASYNC.get(path);
        return n == null ? 0 : n.get();
    }

    @Bean
    FilterRegistrationBean<Filter> asyncDispatchCounter() {
        FilterRegistrationBean<Filter> bean = new FilterRegistrationBean<>((request, response, chain) -> {
            ASYNC.computeIfAbsent(((HttpServletRequest) request).getRequestURI(), p -> new AtomicInteger()).incrementAndGet();
            chain.doFilter(request, response);
        });
        bean.setDispatcherTypes(DispatcherType.ASYNC);
        bean.setAsyncSupported(true);
        return bean;
    }
}
