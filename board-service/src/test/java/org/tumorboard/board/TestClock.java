package org.tumorboard.board;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import org.tumorboard.testsupport.MovableClock;

/** In this module's tests the service's Clock is one the tests can move. */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends MovableClock {
}
