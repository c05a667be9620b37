package org.xuewei.platform.web;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.xuewei.platform.PlatformTest;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PlatformTest
class WebShellTests {

    @Autowired
    MockMvc mvc;

    @Test
    void the_landing_page_is_chinese_by_default() throws Exception {
        mvc.perform(get("/").header("Accept-Language", "en-US")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("lang=\"zh-CN\""), containsString("招生流程"),
                        containsString("红谷滩区"), containsString("家长登录暂未开放"))));
    }

    @Test
    void the_language_switch_sets_a_cookie_and_translates() throws Exception {
        mvc.perform(get("/").param("lang", "en")).andExpect(status().isOk())
                .andExpect(cookie().value("XUEWEI_LANG", "en"))
                .andExpect(content().string(allOf(containsString("lang=\"en\""),
                        containsString("How enrollment works"))));
        mvc.perform(get("/").cookie(new Cookie("XUEWEI_LANG", "en")).param("lang", "zh-CN"))
                .andExpect(cookie().value("XUEWEI_LANG", "zh-CN"))
                .andExpect(content().string(containsString("招生流程")));
    }

    @Test
    void an_unsupported_language_falls_back_to_chinese() throws Exception {
        mvc.perform(get("/").param("lang", "fr")).andExpect(status().isOk())
                .andExpect(content().string(containsString("招生流程")));
    }

    @Test
    void the_login_page_is_our_own() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("工作人员登录"), containsString("name=\"_csrf\""))));
    }

    @Test
    void htmx_echarts_and_our_css_are_served_without_a_node_build() throws Exception {
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/echarts/dist/echarts.min.js")).andExpect(status().isOk());
        mvc.perform(get("/css/xuewei.css")).andExpect(status().isOk());
    }

    @Test
    void pages_link_webjars_without_versions_and_the_links_are_served() throws Exception {
        // no URL rewriting filter looks each link up on the class path (WebConfiguration)
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("src=\"/webjars/htmx.org/dist/htmx.min.js\"")));
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
    }
}
