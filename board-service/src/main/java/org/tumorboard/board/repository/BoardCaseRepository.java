package org.tumorboard.board.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tumorboard.board.BoardCase;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class BoardCaseRepository implements PanacheRepositoryBase<BoardCase, UUID> {
}
