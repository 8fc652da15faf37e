package org.tumorboard.board.agenda.service;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * A use case (one unit of work) that may make a case ready, free a place on an agenda or open a meeting: when it
 * returns, inside its transaction, every ready case that waits is placed, once however deep the calls nest
 * ({@link Placement}; issue 20, "placement runs once per unit of work").
 */
@InterceptorBinding
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlacesReadyCases {
}
