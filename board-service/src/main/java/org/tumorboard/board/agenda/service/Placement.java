package org.tumorboard.board.agenda.service;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * The one place where ready cases are put on an agenda: after the outermost {@link PlacesReadyCases} use case of the
 * thread returns normally. It runs inside the use case's transaction ({@code @Transactional} has priority
 * PLATFORM_BEFORE + 200) and inside the audit record (+ 300), so a placement that fails rolls the whole unit back and
 * is on the trail; a use case that fails places nothing.
 */
@PlacesReadyCases
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 350)
public class Placement {

    /** How deep the thread is in placing use cases (a use case that calls another places once, at the end). */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    @Inject
    AgendaService agenda;

    @AroundInvoke
    Object placeAfter(InvocationContext call) throws Exception {
        int[] depth = DEPTH.get();
        depth[0]++;
        try {
            Object result = call.proceed();
            if (depth[0] == 1) {
                agenda.placeWaitingCases();
            }
            return result;
        } finally {
            if (--depth[0] == 0) {
                DEPTH.remove();
            }
        }
    }
}
