package org.xuewei.platform.web;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.support.ServletRequestHandledEvent;
import org.xuewei.platform.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What every request pays for besides its own work: it is timed, nothing more (docs/performance.md, over HTTP). */
@PlatformTest
class RequestOverheadTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ConfigurableApplicationContext context;

    @LocalServerPort
    int port;

    /** Through the real server: MockMvc's own dispatcher servlet does not take the setting. */
    @Test
    void a_request_publishes_no_request_handled_event() throws Exception {
        List<ServletRequestHandledEvent> handled = new CopyOnWriteArrayList<>();
        ApplicationListener<ServletRequestHandledEvent> listener = handled::add;
        context.addApplicationListener(listener);
        HttpClient http = HttpClient.newHttpClient();
        try {
            for (int i = 0; i < 2; i++) { // the second answer comes after the first request's end
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/districts")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).isEqualTo(200);
            }
        } finally {
            context.removeApplicationListener(listener);
        }

        assertThat(handled).isEmpty();
    }

    @Test
    void requests_are_timed_without_a_timer_of_requests_in_progress() throws Exception {
        mvc.perform(get("/api/v1/districts")).andExpect(status().isOk());

        mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("http_server_requests_seconds_count"),
                        not(containsString("http_server_requests_active")))));
    }
}
