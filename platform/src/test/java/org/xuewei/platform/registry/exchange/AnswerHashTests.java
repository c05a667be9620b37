package org.xuewei.platform.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The SHA-256 kept with each answer's evidence is that of the answer's JSON text, however it is computed. */
class AnswerHashTests {

    @Test
    void anAnswersHashIsTheHashOfItsJsonTextInUtf8() {
        List<String> answers = List.of(
                "{\"outcome\":\"FOUND\",\"data\":{\"name\":\"张三\",\"address\":\"红谷滩区丰和中大道 1号\"},"
                        + "\"sourceDepartment\":\"市公安局\",\"recordTime\":\"2025-03-01T08:00:00Z\"}",
                "{\"outcome\":\"FOUND\",\"data\":{\"note\":\"emoji 😀, quote \\\" backslash \\\\ tab \\t nul \\u0000\","
                        + "\"share\":33.5,\"months\":-12,\"big\":12345678901234567890,\"ok\":true,\"none\":null,\"list\":[1,\"二\",{}]}}",
                "{\"outcome\":\"NO_RECORD\"}",
                "{\"outcome\":\"FOUND\",\"data\":{\"broken\":\"\\ud800 alone\"}}");
        for (String text : answers) {
            JsonNode a = ExchangeClient.JSON.readTree(text);
            assertThat(ExchangeClient.sha256(a)).as(text).isEqualTo(ExchangeClient.sha256(ExchangeClient.JSON.writeValueAsString(a)));
        }
    }

    /**
     * In a batch answer each item is hashed over its bytes as received: for items written as Jackson writes them (as
     * the exchange does), the same digest as the item's JSON text written again; with any other spacing, the text sent.
     */
    @Test
    void aBatchItemIsHashedOverItsBytesAsReceived() {
        List<String> items = List.of(
                "{\"index\":0,\"outcome\":\"FOUND\",\"data\":{\"name\":\"张三\",\"list\":[1,\"二\",{}]},\"recordTime\":\"2025-03-01T08:00:00Z\"}",
                "{\"index\":1,\"outcome\":\"NO_RECORD\"}",
                "{ \"index\" : 2, \"outcome\": \"FOUND\", \"data\": {\"note\": \"emoji 😀 \\\" \\u0000\"} }");
        String body = "{\"requestId\":\"r-1\",\"meta\":{\"items\":[9]},\"items\":[" + String.join(",", items)
                + "],\"took\":[1,{\"a\":2}]}";
        BatchAnswers answers = BatchAnswers.read(body.getBytes(StandardCharsets.UTF_8));
        assertThat(answers.size()).isEqualTo(3);
        for (int i = 0; i < items.size(); i++) {
            assertThat(answers.get(i).path("index").asInt()).isEqualTo(i);
            assertThat(answers.sha256(i)).as(items.get(i)).isEqualTo(ExchangeClient.sha256(items.get(i)));
        }
        for (int i = 0; i < 2; i++) {
            assertThat(answers.sha256(i)).isEqualTo(ExchangeClient.sha256(answers.get(i)));
        }
        assertThat(answers.get(3).isMissingNode()).isTrue();
    }
}
