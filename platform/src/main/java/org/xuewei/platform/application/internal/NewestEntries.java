package org.xuewei.platform.application.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map of what was read or asked a moment ago, bounded: past {@code max} entries the one put longest ago goes, one at a
 * time. (Emptying the whole map at the bound, as these maps first did, also dropped the entries of the parents between
 * their check and their submission: about 200 submissions in every 10,000 asked the registries again.) Synchronized
 * (a few look-ups per submission; the compound operations of {@link Map} are atomic); an entry put again moves to the
 * newest end.
 */
public final class NewestEntries {

    private NewestEntries() {
    }

    public static <K, V> Map<K, V> atMost(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("at least one entry: " + max);
        }
        return Collections.synchronizedMap(new LinkedHashMap<K, V>(16, 0.75f, false) {
            @Override
            public V put(K key, V value) {
                V old = super.remove(key);
                super.put(key, value);
                return old;
            }

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > max;
            }
        });
    }
}
