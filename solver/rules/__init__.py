"""One function per rule. Each takes the RosterModel, adds its constraints and returns its
penalty terms (hard rules return none, unless a weight turned them soft)."""

from solver.rules import hard, soft

HARD_RULES = (
    hard.demand_bounds,
    hard.frozen_assignments,
    hard.max_duties_per_day,
    hard.rest_between_shifts,
    hard.max_per_shift_type,
    hard.total_duties_bounds,
    hard.total_minutes_bounds,
    hard.max_consecutive_days,
    hard.min_consecutive_days,
    hard.min_consecutive_days_off,
    hard.max_weekends,
    hard.max_duties_per_week,
    hard.max_areas_per_day,
    hard.cover_groups,
    hard.group_limits,
)

SOFT_RULES = (
    soft.understaffing,
    soft.overstaffing,
    soft.slot_preference,
    soft.requests,
    soft.station_costs,
    soft.fairness,
    soft.rest_day_fairness,
    soft.rotation,
    soft.spread_visits,
    soft.stability,
)

ALL_RULES = HARD_RULES + SOFT_RULES
