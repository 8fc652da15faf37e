package org.tumorboard.board;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "meeting")
public class Meeting {

    @Id
    public UUID id;

    @Column(name = "meeting_date", nullable = false)
    public LocalDate date;

    @Column(name = "capacity", nullable = false)
    public int capacity;

    @Column(name = "closed", nullable = false)
    public boolean closed;

    /** When it starts, where: null until the chair says. */
    @Column(name = "start_time")
    public LocalTime startTime;

    @Column(name = "room")
    public String room;

    /** Closed before it took place. */
    @Column(name = "cancelled", nullable = false)
    public boolean cancelled;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
