package org.tumorboard.intake.service;

import java.util.List;
import java.util.UUID;

import org.tumorboard.intake.CaseStatus;
import org.tumorboard.intake.rules.BiopsyIndication;
import org.tumorboard.intake.rules.WorkupChecklist;

public record ReferralResult(
        UUID caseId,
        CaseStatus status,
        boolean biopsyIndicated,
        List<BiopsyIndication.Reason> biopsyReasons,
        List<WorkupChecklist.Item> missingWorkup,
        List<UUID> otherOpenCases) {
}
