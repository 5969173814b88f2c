"""Pure rules of the policy monitor: shares, goal status, and the consistency of role hours
across teams ("consistent configureren").  No Odoo, no I/O: numbers in, numbers out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from statistics import median

from .policy import INDICATORS, Status

# A goal that is not met is "at risk" when it went at least this share of the way from its
# baseline to its target, else "off track".
AT_RISK_PROGRESS = 0.5
# A team whose hours per holder of a role differ more than this share from the college
# median is flagged (configurable per company in Odoo).
DEFAULT_SPREAD = 0.25


def share(part: float, whole: float) -> float | None:
    """``part`` of ``whole`` as a percentage; ``None`` ("no data") when ``whole`` is 0."""
    if not whole:
        return None
    return round(100.0 * part / whole, 2)


def median_or_none(values: Iterable[float]) -> float | None:
    values = list(values)
    return float(median(values)) if values else None


def goal_status(
    indicator: str, value: float | None, target: float, baseline: float | None = None
) -> Status:
    """On track when the target is met; at risk when at least half the way from the baseline
    to the target; off track otherwise.  Without a value: no data.

    Without a baseline, the way starts at the worst end of the indicator's range (0 for
    "higher is better"; for "lower is better", the range's maximum, or twice the target when
    the range is open).  It never divides by zero: a target equal to its baseline leaves no
    way to go, so a missed target is off track.
    """
    if value is None:
        return Status.NO_DATA
    definition = INDICATORS[indicator]
    higher = definition.higher_is_better
    if (value >= target) if higher else (value <= target):
        return Status.ON_TRACK
    if baseline is None:
        if higher:
            baseline = definition.minimum
        else:
            baseline = definition.maximum if definition.maximum is not None else 2 * target
    way = target - baseline
    if not way or (way > 0) != higher:
        # no way to go, or a baseline already past the target: missed is off track
        return Status.OFF_TRACK
    progress = (value - baseline) / way
    return Status.AT_RISK if progress >= AT_RISK_PROGRESS else Status.OFF_TRACK


def role_hours_flags(
    holders: Iterable[tuple[int, int, float]], spread: float = DEFAULT_SPREAD
) -> dict[tuple[int, int], bool]:
    """Which team × role pairs are out of line with the college.

    ``holders`` are ``(team, role, hours)``, one per role holder; ``None`` hours (an
    assignment whose hours were never filled in) count as 0.  Per role, the college median
    is the median hours of all its holders; a team is flagged for the role when its mean
    hours per holder differ from that median by more than ``spread`` (a share of the
    median).  A median of 0 flags every team that gives the role any hours.
    Returns ``{(team, role): flagged}``.
    """
    per_role: dict[int, list[float]] = {}
    per_pair: dict[tuple[int, int], list[float]] = {}
    for team, role, hours in holders:
        hours = hours or 0.0
        per_role.setdefault(role, []).append(hours)
        per_pair.setdefault((team, role), []).append(hours)
    medians = {role: median(hours) for role, hours in per_role.items()}
    flags = {}
    for (team, role), hours in per_pair.items():
        mean = sum(hours) / len(hours)
        college = medians[role]
        flags[team, role] = (mean > 0) if not college else abs(mean - college) / college > spread
    return flags


def consistency(
    flags: Mapping[tuple[int, int], bool],
) -> tuple[dict[int, float | None], float | None]:
    """Indicator 5 from :func:`role_hours_flags`: per team, the share of its roles in line
    with the college; for the college, the share of all team × role pairs in line."""
    per_team: dict[int, list[bool]] = {}
    for (team, _role), flagged in flags.items():
        per_team.setdefault(team, []).append(flagged)
    teams = {
        team: share(sum(not f for f in flagged), len(flagged)) for team, flagged in per_team.items()
    }
    college = share(sum(not f for f in flags.values()), len(flags))
    return teams, college
