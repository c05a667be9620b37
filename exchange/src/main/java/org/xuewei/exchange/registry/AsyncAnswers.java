package org.xuewei.exchange.registry;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Answers a request whose answer comes later (a batch after its simulated latency) without a second pass through the
 * servlet filters, the security chain and Spring MVC: the request becomes asynchronous, and the answer is written as
 * JSON (the application's {@link JsonMapper}, as Spring MVC writes it) on a request thread and completed there. An
 * answer that fails, or does not come within the container's async timeout, is dispatched again as before, so the
 * security chain, the exception handlers ({@link ApiErrors}) and Spring's timeout answer render it exactly as for a
 * {@code CompletableFuture} returned to Spring MVC.
 */
@Configuration(proxyBeanMethods = false)
class AsyncAnswers implements WebMvcConfigurer {

    /** The failure carried to the async dispatch, rethrown there before the handler runs. */
    static final String FAILURE = AsyncAnswers.class.getName() + ".failure";

    private final JsonMapper json;

    AsyncAnswers(JsonMapper json) {
        this.json = json;
    }

    /** Starts the asynchronous answer: {@code answer}'s value as 200 JSON, or its failure through Spring MVC. */
    void answer(HttpServletRequest request, HttpServletResponse response, CompletableFuture<?> answer) {
        AsyncContext async = request.startAsync(request, response);
        AtomicBoolean settled = new AtomicBoolean();
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) {
                if (settled.compareAndSet(false, true)) {
                    fail(request, async, new AsyncRequestTimeoutException());
                }
            }

            @Override
            public void onError(AsyncEvent event) {
                settled.set(true); // the connection failed: nothing to write to
            }

            @Override
            public void onComplete(AsyncEvent event) {
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
        answer.whenComplete((value, error) -> {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            if (error != null) {
                fail(request, async, error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            } else {
                async.start(() -> write(async, response, value));
            }
        });
    }

    private void write(AsyncContext async, HttpServletResponse response, Object value) {
        try {
            byte[] body = json.writeValueAsBytes(value);
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        } catch (IOException e) {
            // the client went away; nothing else to do
        } finally {
            async.complete();
        }
    }

    private static void fail(HttpServletRequest request, AsyncContext async, Throwable failure) {
        request.setAttribute(FAILURE, failure);
        async.dispatch();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
                Object failure = request.getDispatcherType() == DispatcherType.ASYNC ? request.getAttribute(FAILURE) : null;
                if (failure instanceof Exception e) {
                    throw e;
                }
                if (failure instanceof Error e) {
                    throw e;
                }
                return true;
            }
        }).addPathPatterns("/exchange/v1/batch");
    }
}
