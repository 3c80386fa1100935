package org.parley.core.insight;

import java.time.LocalDate;

/** Comments posted on one UTC day, and how many of them are now held or rejected. */
public record DayCount(LocalDate day, long posted, long held, long rejected) {}
