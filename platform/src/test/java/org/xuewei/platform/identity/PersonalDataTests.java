package org.xuewei.platform.identity;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ID numbers at rest: keyed look-up hash and AES-GCM ciphertext, also when many threads use them at once. */
class PersonalDataTests {

    final PersonalData personal = new PersonalData(new PersonalDataProperties("U4jO83anLtl1R3LOa7y2xKjadJiIm+mCXIsoGJ3ADVY="));
    static final String ID = "36010220190304123x";

    @Test
    void an_id_number_opens_again_and_is_never_sealed_the_same_way_twice() {
        String a = personal.encrypt(ID);
        String b = personal.encrypt(ID);
        assertThat(a).isNotEqualTo(b).doesNotContain("360102");
        assertThat(personal.decrypt(a)).isEqualTo(personal.decrypt(b)).isEqualTo("36010220190304123X");
        assertThat(personal.lookupHash(ID)).hasSize(64).isEqualTo(personal.lookupHash(" 36010220190304123X"));
    }

    @Test
    void a_changed_ciphertext_or_another_key_does_not_open() {
        byte[] sealed = Base64.getDecoder().decode(personal.encrypt(ID));
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> personal.decrypt(Base64.getEncoder().encodeToString(sealed)))
                .hasMessageContaining("does not open");
        PersonalData other = new PersonalData(new PersonalDataProperties(Base64.getEncoder().encodeToString(new byte[32])));
        assertThatThrownBy(() -> other.decrypt(personal.encrypt(ID))).hasMessageContaining("does not open");
        assertThat(other.lookupHash(ID)).isNotEqualTo(personal.lookupHash(ID));
        // a failed opening leaves the thread's cipher usable
        assertThat(personal.decrypt(personal.encrypt(ID))).isEqualTo("36010220190304123X");
    }

    @Test
    void many_threads_at_once_get_the_same_answers() throws Exception {
        String hash = personal.lookupHash(ID);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String id = String.format("3601022019%08d", i);
                results.add(pool.submit(() -> personal.decrypt(personal.encrypt(id)).equals(id)
                        && personal.lookupHash(ID).equals(hash)));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
