package org.xuewei.platform.registry.exchange;

import static org.assertj.core.api.Assertions.assertThat;

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
}
