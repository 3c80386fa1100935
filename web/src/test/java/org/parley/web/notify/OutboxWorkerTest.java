package org.parley.web.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxWorkerTest {

    @Test
    void backoffDoublesFromTheBaseAndIsCapped() {
        assertEquals(Duration.ofSeconds(30), OutboxWorker.backoff(Duration.ofSeconds(30), 1));
        assertEquals(Duration.ofSeconds(120), OutboxWorker.backoff(Duration.ofSeconds(30), 3));
        assertEquals(Duration.ofHours(6), OutboxWorker.backoff(Duration.ofSeconds(30), 40));
    }
}
