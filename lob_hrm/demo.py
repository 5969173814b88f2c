"""A realistic, fictional college to demonstrate and test the overview.

:func:`build_demo_college` fills the default content (or content passed in) with employees of
*ROC De Waterlinie*: teams, roles, assessed LOB competency levels, a talk cycle and development
actions.  Everything is drawn from one ``random.Random(seed)``, so the same seed always gives
the same college.  All names are invented.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass

from .content import load_default_content
from .schemas import (
    ActionRow,
    ActionStatus,
    CompetencyFramework,
    Document,
    OverviewData,
    OverviewRow,
    Role,
    TalkKind,
    TalkRow,
    TalkState,
)

COLLEGE = "ROC De Waterlinie"

# Team name and relative size.
TEAMS: tuple[tuple[str, float], ...] = (
    ("Zorg & Welzijn", 0.24),
    ("Techniek", 0.20),
    ("Economie & Ondernemen", 0.18),
    ("ICT", 0.14),
    ("Horeca", 0.14),
    ("Entree", 0.10),
)

# Share of the team members (other than team leaders) per role.
ROLE_WEIGHTS: dict[str, float] = {
    "slb": 0.56,
    "bpv_begeleider": 0.26,
    "loopbaancoach": 0.10,
    "decaan": 0.08,
}
LEADER_ROLE = "teamleider"
MEMBERS_PER_LEADER = 25

# fmt: off
FIRST_NAMES = (
    "Anouk", "Bas", "Chantal", "Daan", "Esther", "Fatima", "Gert", "Hanneke", "Ilse", "Jeroen",
    "Karin", "Lars", "Marieke", "Niels", "Olga", "Pieter", "Quirine", "Ruud", "Sanne", "Thijs",
    "Ursula", "Vincent", "Wendy", "Yusuf", "Zeynep", "Arjen", "Bianca", "Cor", "Dewi", "Erik",
    "Femke", "Gijs", "Hatice", "Ivo", "Jolanda", "Koen", "Linda", "Mohamed", "Nadia", "Orlando",
    "Petra", "Rachid", "Saskia", "Tamara", "Ugur", "Vera", "Willem", "Yvonne", "Anand", "Brenda",
    "Dennis", "Eline", "Frank", "Ingrid", "Joost", "Kim", "Maarten", "Naima", "Rob", "Sofie",
)
# fmt: on
# fmt: off
LAST_NAMES = (
    "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
    "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
    "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs",
    "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn",
    "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet", "Hoekstra", "Maas",
    "Verhoeven", "Koster", "van Dam", "van der Wal", "Prins", "Blom", "Huisman", "Yilmaz",
    "El Amrani", "Kaya", "Bouzid", "Ramdin", "Pinas", "Nguyen", "Veenstra", "Postma", "Kuipers",
    "van Wijk", "Timmermans", "Groen", "Boersma", "Sahin",
)
# fmt: on

# Development actions per competency of the default framework (Dutch, as HR would write them).
ACTION_TEXTS: dict[str, tuple[str, ...]] = {
    "kent_lob_visie": (
        "LOB-visie van het team bespreken in de teamvergadering en vertalen naar de eigen "
        "begeleiding",
        "Startbijeenkomst over de LOB-visie van de instelling bijwonen",
    ),
    "bijhouden_lob_theorie": (
        "Webinar over loopbaancompetenties van het Expertisepunt LOB volgen",
        "Vakliteratuur over de loopbaandialoog lezen en bespreken in de intervisiegroep",
    ),
    "lob_beleid_ontwikkelen": (
        "De centrale LOB-kaders met het team vertalen naar een teamplan LOB",
    ),
    "lob_in_personeelsbeleid": (
        "LOB-competenties opnemen in alle ontwikkelingsgesprekken van het team",
    ),
    "loopbaandialoog_voeren": (
        "Training 'Het loopbaangesprek voeren' volgen (drie dagdelen)",
        "Twee loopbaangesprekken laten observeren door de loopbaancoach en nabespreken",
        "Opname van een eigen loopbaangesprek bespreken in de intervisiegroep",
    ),
    "loopbaancompetenties_begeleiden": (
        "Werkvormen voor de vijf loopbaancompetenties uitproberen in de eigen groep",
        "Workshop reflecteren op kwaliteiten en motieven volgen",
    ),
    "bpv_begeleiden": (
        "Scholing BPV-begeleiding volgens het SBB-protocol volgen",
        "Meelopen met een ervaren BPV-begeleider bij twee bedrijfsbezoeken",
    ),
    "complexe_keuzes_begeleiden": ("Training switchgesprekken en uitvalpreventie volgen",),
    "lob_instrumenten_inzetten": (
        "Drie reflectie-instrumenten uit de LOB-toolkit uitproberen en evalueren",
    ),
    "loopbaangerichte_leeromgeving": (
        "Met het team een praktijkopdracht ontwerpen met keuzeruimte en reflectie",
    ),
    "eigen_lob_evalueren": (
        "Feedback van studenten op de eigen loopbaangesprekken verzamelen en bespreken",
    ),
    "lob_programma_organiseren": (
        "LOB-jaarplanning van het team opstellen met taken en uren per rol",
    ),
    "lob_kwaliteit_bewaken": (
        "LOB-resultaten (tevredenheid, switch, uitval) analyseren en bespreken met het team",
    ),
    "lob_leiding_team": (
        "Leergang loopbaangericht leidinggeven volgen",
        "Functioneringsgesprekken voeren met het gespiegelde format en evalueren met HR",
    ),
    "werkveld_en_keten": (
        "Werkbezoek afleggen bij twee leerbedrijven van de opleiding",
        "Deelnemen aan het regionale overleg vmbo-mbo-hbo over doorlopende LOB",
    ),
    "samenwerken_in_team": ("Deelnemen aan de intervisiegroep LOB (vier bijeenkomsten)",),
    "doorverwijzen": (
        "Doorverwijsroutes naar decaan, zorgteam en externe partners doornemen met de decaan",
    ),
}


@dataclass(frozen=True)
class _Employee:
    name: str
    team: str
    role: Role
    skill: float  # personal offset: experience and affinity with LOB
    starter: bool


def school_year(day: dt.date) -> str:
    """The school year (``"2026-2027"``) a day falls in; a new year starts on 1 August."""
    start = day.year if day.month >= 8 else day.year - 1
    return f"{start}-{start + 1}"


def build_demo_college(
    seed: int = 2026,
    employees: int = 120,
    reference_date: dt.date = dt.date(2026, 11, 1),
    *,
    content: Document | None = None,
) -> Document:
    """A fictional college on ``content`` (the default content unless given), seeded."""
    if employees < 0:
        raise ValueError("employees must not be negative")
    base = content if content is not None else load_default_content()
    if base.framework is None or not base.roles:
        raise ValueError("the demo needs a competency framework and roles")
    rng = random.Random(seed)
    staff = _employees(rng, employees, base.roles)
    rows = _overview_rows(rng, staff, base.framework, reference_date)
    talks = _talks(rng, staff, reference_date)
    actions = _actions(rng, rows, base.framework, base.roles, reference_date)
    overview = OverviewData(
        title=f"LOB-competentieoverzicht {COLLEGE}",
        reference_date=reference_date,
        rows=rows,
        talks=talks,
        actions=actions,
    )
    return Document(
        dimensions=base.dimensions,
        idiom=base.idiom,
        templates=base.templates,
        framework=base.framework,
        roles=base.roles,
        overview=overview,
    )


def _names(rng: random.Random, count: int) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if name in seen:
            if len(seen) < len(FIRST_NAMES) * len(LAST_NAMES) // 2:
                continue
            name = f"{name} ({len(names) + 1})"  # only for colleges larger than the lists
        seen.add(name)
        names.append(name)
    return names


def _team_sizes(count: int) -> dict[str, int]:
    """Members per team: one each first, the rest in proportion (largest remainder)."""
    teams = TEAMS[:count]
    rest = count - len(teams)
    total = sum(weight for _, weight in teams)
    shares = [(name, rest * weight / total) for name, weight in teams]
    sizes = {name: 1 + int(share) for name, share in shares}
    left = count - sum(sizes.values())
    by_remainder = sorted(shares, key=lambda item: item[1] - int(item[1]), reverse=True)
    for name, _ in by_remainder[:left]:
        sizes[name] += 1
    return sizes


def _employees(rng: random.Random, count: int, roles: Sequence[Role]) -> list[_Employee]:
    by_key = {role.key: role for role in roles}
    member_roles = [key for key in ROLE_WEIGHTS if key in by_key] or list(by_key)
    member_weights = [ROLE_WEIGHTS.get(key, 1.0) for key in member_roles]
    leader = by_key.get(LEADER_ROLE)
    names = iter(_names(rng, count))
    staff: list[_Employee] = []
    for team, size in _team_sizes(count).items():
        leaders = max(1, round(size / MEMBERS_PER_LEADER)) if leader else 0
        for index in range(size):
            if leader is not None and index < leaders:
                role = leader
            else:
                role = by_key[rng.choices(member_roles, member_weights)[0]]
            starter = rng.random() < 0.12
            skill = rng.gauss(-0.6 if starter else 0.0, 0.35)
            staff.append(_Employee(next(names), team, role, skill, starter))
    teams = [name for name, _ in TEAMS]
    staff.sort(key=lambda e: (teams.index(e.team), e.role.key != LEADER_ROLE, e.name))
    return staff


def _overview_rows(
    rng: random.Random,
    staff: Sequence[_Employee],
    framework: CompetencyFramework,
    reference_date: dt.date,
) -> list[OverviewRow]:
    by_rank = {level.rank: level.key for level in framework.levels}
    ranks = sorted(by_rank)
    rows: list[OverviewRow] = []
    for employee in staff:
        not_assessed = 0.25 if employee.starter else 0.06
        for target in employee.role.targets:
            target_rank = framework.level_rank(target.level)
            if rng.random() < not_assessed:
                rows.append(
                    OverviewRow(
                        employee=employee.name,
                        team=employee.team,
                        role=employee.role.key,
                        competency=target.competency,
                    )
                )
                continue
            value = target_rank - 0.2 + employee.skill + rng.gauss(0, 0.5)
            rank = min(ranks, key=lambda r: (abs(r - value), r))
            if rank == ranks[0] and not employee.starter and rng.random() < 0.75:
                rank = ranks[1]  # experienced staff rarely sit at the entry level
            override = None
            if rank >= target_rank and target_rank < ranks[-1] and rng.random() < 0.04:
                override = by_rank[ranks[ranks.index(target_rank) + 1]]  # agreed ambition
            rows.append(
                OverviewRow(
                    employee=employee.name,
                    team=employee.team,
                    role=employee.role.key,
                    competency=target.competency,
                    level=by_rank[rank],
                    target=override,
                    assessed_on=reference_date - dt.timedelta(days=rng.randint(20, 540)),
                )
            )
    return rows


def _talks(
    rng: random.Random, staff: Sequence[_Employee], reference_date: dt.date
) -> list[TalkRow]:
    cycle = school_year(reference_date)
    first_year = int(cycle[:4])
    # Performance talks in the autumn, development talks (with the POP) spread over the year.
    windows = {
        TalkKind.PERFORMANCE: (dt.date(first_year, 9, 15), dt.date(first_year + 1, 1, 31)),
        TalkKind.DEVELOPMENT: (dt.date(first_year, 10, 1), dt.date(first_year + 1, 5, 31)),
    }
    talks: list[TalkRow] = []
    for employee in staff:
        first, second = list(windows) if rng.random() < 0.6 else reversed(windows)
        kinds = [first, second] if rng.random() < 0.2 else [first]  # some have both talks
        for kind in sorted(kinds, key=list(TalkKind).index):
            start, end = windows[kind]
            date: dt.date | None = start + dt.timedelta(days=rng.randint(0, (end - start).days))
            state = _state(rng, date, reference_date)
            if state is TalkState.PLANNED and rng.random() < 0.3:
                date = None  # not scheduled yet
            talks.append(
                TalkRow(
                    employee=employee.name,
                    team=employee.team,
                    cycle=cycle,
                    kind=kind,
                    state=state,
                    date=date,
                )
            )
    return talks


def _state(rng: random.Random, date: dt.date, reference_date: dt.date) -> TalkState:
    if rng.random() < 0.04:
        return TalkState.CANCELLED
    days = (reference_date - date).days  # > 0: the talk date has passed
    if days < -14:
        return TalkState.PLANNED
    if days < 0:
        return TalkState.PREPARATION if rng.random() < 0.7 else TalkState.PLANNED
    if days < 14:
        states, weights = (TalkState.HELD, TalkState.SIGNED, TalkState.DONE), (6, 3, 1)
    else:
        states, weights = (TalkState.HELD, TalkState.SIGNED, TalkState.DONE), (1, 3, 6)
    return rng.choices(states, weights)[0]


def _actions(
    rng: random.Random,
    rows: Sequence[OverviewRow],
    framework: CompetencyFramework,
    roles: Sequence[Role],
    reference_date: dt.date,
) -> list[ActionRow]:
    names = {competency.key: competency.name for competency in framework.competencies}
    rank = {level.key: level.rank for level in framework.levels}
    targets = {(role.key, t.competency): t.level for role in roles for t in role.targets}
    statuses = (
        ActionStatus.OPEN,
        ActionStatus.IN_PROGRESS,
        ActionStatus.DONE,
        ActionStatus.CANCELLED,
    )
    actions: list[ActionRow] = []
    for row in rows:
        target = row.target or targets.get((row.role, row.competency))
        if row.level is None or target is None:
            continue
        if rank[row.level] >= rank[target] or rng.random() >= 0.45:
            continue
        texts = ACTION_TEXTS.get(row.competency) or (
            f"Ontwikkelactie voor '{names[row.competency]}' uitwerken in het POP",
        )
        status = rng.choices(statuses, (45, 35, 15, 5))[0]
        offset = rng.randint(-60, -5) if status is ActionStatus.DONE else rng.randint(20, 240)
        actions.append(
            ActionRow(
                employee=row.employee,
                competency=row.competency,
                description=rng.choice(texts),
                deadline=reference_date + dt.timedelta(days=offset),
                status=status,
            )
        )
    return actions
